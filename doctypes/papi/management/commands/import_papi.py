"""`papi-inspect import-papi FILE --province CODE [--year YYYY]`: import one province's PAPI scores."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doctypes.papi.score_import import import_scores
from doctypes.papi.score_sheet import SheetRefused


class Command(BaseCommand):
    help = "Nhập điểm PAPI của một tỉnh từ bảng số liệu (.xlsx hoặc .csv); mã thoát 2 nếu tệp bị từ chối."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--province", required=True, help="Mã tỉnh theo bảng số liệu PAPI, ví dụ 24 (Bắc Giang).")
        parser.add_argument("--year", type=int, help="Năm khảo sát, nếu tên trang tính hoặc tên tệp không ghi.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.", returncode=2)
        try:
            result = import_scores(name=path.name, data=path.read_bytes(), province_code=options["province"], year=options["year"])
        except SheetRefused as refused:
            lines = [f"Tệp bị từ chối: {path.name}"] + [f"  Dòng {row}: {reason}" for row, reason in refused.problems]
            raise CommandError("\n".join(lines), returncode=2) from refused
        self.stdout.write(
            f"Đã nhập {result.province} năm {', '.join(map(str, result.years))}: {result.created} dòng mới, "
            f"{result.updated} dòng cập nhật, {result.unchanged} dòng không đổi."
        )
        self.stdout.write(f"Bỏ qua {len(result.skipped)} dòng không ánh xạ được:")
        for row, label, reason in result.skipped:
            self.stdout.write(f"  Dòng {row}: {label} — {reason}")
