"""`papi-inspect deadline RULE START_DATE`: print a statutory due date, its citation and skipped days."""

import argparse
import datetime
import re

from django.core.management.base import CommandError

from papi_inspect.command_errors import OneLineErrorCommand
from papi_inspect.deadlines import DeadlineError, compute_deadline


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value):
    """A date written exactly YYYY-MM-DD (fromisoformat alone would also take 20260210 or 2026-W07)."""
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ngày '{value}' không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-02-10.", returncode=2)


def _count(value):
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"số lần gia hạn phải là số nguyên, không phải '{value}'")


class Command(OneLineErrorCommand):
    help = "Tính hạn xử lý theo quy tắc thời hạn (vd: deadline complaint.accept 2026-02-10)."

    def add_arguments(self, parser):
        parser.add_argument("rule", help="mã quy tắc, ví dụ complaint.accept")
        parser.add_argument("start_date", help="ngày xảy ra sự kiện bắt đầu tính, YYYY-MM-DD")
        parser.add_argument("--complex", action="store_true", help="vụ việc phức tạp")
        parser.add_argument("--remote", action="store_true", help="vùng sâu, vùng xa")
        parser.add_argument("--extensions", type=_count, default=0, help="số lần gia hạn")

    def handle(self, *args, rule, start_date, complex, remote, extensions, **options):
        start = _iso_date(start_date)
        try:
            deadline = compute_deadline(rule, start, complex=complex, remote=remote, extensions=extensions)
        except DeadlineError as error:
            raise CommandError(str(error), returncode=2)
        unit = deadline.rule.get_unit_display()
        self.stdout.write(deadline.due.isoformat())
        circumstances = [text for flag, text in ((complex, "phức tạp"), (remote, "vùng sâu, vùng xa")) if flag]
        if extensions:
            circumstances.append(f"gia hạn {extensions} lần")
        detail = f"; {', '.join(circumstances)}" if circumstances else ""
        self.stdout.write(f"Quy tắc: {deadline.rule.code} – {deadline.rule.name} ({deadline.length} {unit}{detail})")
        self.stdout.write(f"Căn cứ: {deadline.rule.citation}" + (" [cần xác minh]" if deadline.rule.unconfirmed else ""))
        if deadline.skipped:
            self.stdout.write("Ngày nghỉ bỏ qua:")
            for day, why in deadline.skipped:
                self.stdout.write(f"  {day.isoformat()} {why}")
        else:
            self.stdout.write("Ngày nghỉ bỏ qua: không có")
