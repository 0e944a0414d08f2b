"""Load roles, units, PAPI dimensions, deadline rules and calendar overrides (safe to repeat)."""

from django.core.management.base import BaseCommand

from papi_inspect.reference import load_reference


class Command(BaseCommand):
    help = "Nạp dữ liệu tham chiếu (chạy lại không tạo trùng, không ghi đè chỉnh sửa)."

    def handle(self, *args, **options):
        for label, created in load_reference().items():
            self.stdout.write(f"{label}: thêm mới {created}")
