"""`papi-inspect deadline RULE START_DATE`: print a statutory due date, its citation and skipped days."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from papi_inspect.deadlines import DeadlineError, compute_deadline


def _iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ngày '{value}' không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-02-10.", returncode=2)


class Command(BaseCommand):
    help = "Tính hạn xử lý theo quy tắc thời hạn (vd: deadline complaint.accept 2026-02-10)."

    def add_arguments(self, parser):
        parser.add_argument("rule", help="mã quy tắc, ví dụ complaint.accept")
        parser.add_argument("start_date", help="ngày xảy ra sự kiện bắt đầu tính, YYYY-MM-DD")
        parser.add_argument("--complex", action="store_true", help="vụ việc phức tạp")
        parser.add_argument("--remote", action="store_true", help="vùng sâu, vùng xa")
        parser.add_argument("--extensions", type=int, default=0, help="số lần gia hạn")

    def handle(self, *args, rule, start_date, complex, remote, extensions, **options):
        start = _iso_date(start_date)
        try:
            deadline = compute_deadline(rule, start, complex=complex, remote=remote, extensions=extensions)
        except DeadlineError as error:
            raise CommandError(str(error), returncode=2)
        unit = deadline.rule.get_unit_display()
        self.stdout.write(deadline.due.isoformat())
        self.stdout.write(f"Quy tắc: {deadline.rule.code} – {deadline.rule.name} ({deadline.length} {unit})")
        self.stdout.write(f"Căn cứ: {deadline.rule.citation}" + (" [cần xác minh]" if deadline.rule.unconfirmed else ""))
        if deadline.skipped:
            self.stdout.write("Ngày nghỉ bỏ qua:")
            for day, why in deadline.skipped:
                self.stdout.write(f"  {day.isoformat()} {why}")
        else:
            self.stdout.write("Ngày nghỉ bỏ qua: không có")
