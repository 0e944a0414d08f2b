"""`papi-inspect purge-idempotency-keys`: forget the API answers kept for Idempotency-Key retries after 24 hours."""

from django.core.management.base import BaseCommand

from papi_inspect.idempotency import purge_expired


class Command(BaseCommand):
    help = "Xóa các câu trả lời API đã lưu theo khóa Idempotency-Key quá 24 giờ (việc hằng ngày)."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã xóa {purge_expired()} khóa Idempotency-Key hết hạn.")
