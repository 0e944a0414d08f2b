"""papi-inspect rotate-identity-keys: re-encrypt every stored identity with the newest key."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from doctypes.complaint_case.reminders import models_with_identity
from papi_inspect.identity import IdentityKeyError, rotate_all


class Command(BaseCommand):
    help = "Mã hóa lại toàn bộ danh tính bằng khóa mới nhất (khóa đầu tiên trong PAPI_IDENTITY_KEYS)."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                count = rotate_all(models_with_identity())
        except IdentityKeyError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(f"Đã mã hóa lại {count} danh tính. Có thể gỡ khóa cũ khỏi cấu hình.")
