"""`papi-inspect report anti-corruption|inspection|kntc [--period P] --year Y --out FILE.docx`: generate a report.

The same service as the back office's Generate button (a new version is stored); the .docx goes to
FILE and the companion .xlsx next to it, with a progress bar on stderr. Bad input exits with code 2
and a Vietnamese message.
"""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from doctypes.org.models import Unit
from papi_inspect.permissions import Role
from reports.services import lifecycle as services

AREAS = {"anti-corruption": "anti_corruption", "inspection": "inspection", "kntc": "kntc"}
PERIODS = ("q1", "q2", "q3", "q4", "h1", "m9", "year")


def _bad(message):
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Tạo báo cáo: report anti-corruption [--period q1|h1|m9|year] --year 2026 --out FILE.docx; report inspection|kntc --period q1|h1|m9|year --year Y --out FILE.docx"

    def add_arguments(self, parser):
        # Everything is read as text and checked here, so that every mistake is answered in Vietnamese.
        parser.add_argument("area", nargs="?", help="anti-corruption | inspection | kntc")
        parser.add_argument("--period", help="q1 | q2 | q3 | q4 | h1 | m9 | year (phòng, chống tham nhũng: mặc định year)")
        parser.add_argument("--year", help="năm báo cáo, ví dụ 2026")
        parser.add_argument("--out", help="tệp Word cần ghi (.docx); tệp Excel kèm theo ghi cùng tên, đuôi .xlsx")
        parser.add_argument("--user", help="tài khoản lập báo cáo (mặc định: Chánh Thanh tra đầu tiên)")
        parser.add_argument("--agency", help="mã cơ quan báo cáo (mặc định: cơ quan của tài khoản)")

    def handle(self, *args, area=None, period=None, year=None, out=None, user=None, agency=None, **options):
        kind, period, year, out = self._check(area, period, year, out)
        by = self._user(user)
        unit = None
        if agency:
            unit = Unit.objects.filter(code=agency).first()
            if unit is None:
                raise _bad(f"Không có cơ quan mã '{agency}'.")
        bar = tqdm(total=100, file=sys.stderr, desc="Tạo báo cáo", unit="%", bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix}")

        def progress(percent, message):
            bar.n = percent
            bar.set_postfix_str(message)
            bar.refresh()

        try:
            report = services.get_or_create_report(kind, period, year, by=by, agency=unit)
            version = services.generate_version(report, by=by, progress=progress)
        except (ValidationError, PermissionDenied) as error:
            bar.close()
            words = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise _bad("Không tạo được báo cáo: " + "; ".join(words))
        bar.close()
        xlsx = out.with_suffix(".xlsx")
        with version.docx.open("rb") as handle:
            out.write_bytes(handle.read())
        with version.xlsx.open("rb") as handle:
            xlsx.write_bytes(handle.read())
        self.stdout.write(f"Đã tạo {report} – phiên bản {version.number}: {out} và {xlsx}")
        for problem in version.data["checks"]:
            self.stderr.write(f"Cảnh báo kiểm tra biểu: {problem}")

    def _check(self, area, period, year, out):
        if area not in AREAS:
            raise _bad(f"Loại báo cáo phải là một trong: {', '.join(AREAS)} (đã nhập: {area or 'không có'}).")
        kind = AREAS[area]
        if kind == "anti_corruption":
            period = period or "year"  # the annual topic report, unless a period is named
        if period not in PERIODS:
            raise _bad(f"--period phải là một trong: {', '.join(PERIODS)} (đã nhập: {period or 'không có'}).")
        if not year or not year.isdigit() or not 2000 <= int(year) <= 2100:
            raise _bad(f"--year phải là năm từ 2000 đến 2100 (đã nhập: {year or 'không có'}).")
        if not out:
            raise _bad("Thiếu --out TỆP.docx: tệp Word cần ghi.")
        out = Path(out)
        if out.suffix.lower() != ".docx":
            raise _bad(f"Tệp --out phải có đuôi .docx (đã nhập: {out}).")
        if not out.parent.is_dir():
            raise _bad(f"Thư mục {out.parent} không tồn tại.")
        return kind, period, int(year), out

    def _user(self, username):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise _bad(f"Không có tài khoản đang hoạt động '{username}'.")
            return user
        user = users.filter(groups__name=str(Role.CHIEF_INSPECTOR)).order_by("pk").first()
        if user is None:
            raise _bad("Không có tài khoản Chánh Thanh tra; dùng --user TÊN_TÀI_KHOẢN.")
        return user
