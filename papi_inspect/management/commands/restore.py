"""`papi-inspect restore FILE [--force]`: bring back an installation from an encrypted backup archive."""

from django.core.management.base import CommandError

from papi_inspect.backup import BackupError, restore_backup
from papi_inspect.backup_crypto import BackupDecryptionError
from papi_inspect.backup_passphrase import read_passphrase
from papi_inspect.command_errors import OneLineErrorCommand


class Command(OneLineErrorCommand):
    help = "Khôi phục từ bản sao lưu mã hóa; không ghi đè dữ liệu đang có nếu không có --force. Dừng máy chủ web trước."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp sao lưu do papi-inspect backup tạo")
        parser.add_argument("--force", action="store_true", help="ghi đè cơ sở dữ liệu, tệp riêng và khóa đang có")
        parser.add_argument("--passphrase-file", help="tệp chứa mật khẩu, thay cho biến môi trường")

    def handle(self, *args, archive, force, passphrase_file=None, **options):
        passphrase = read_passphrase(passphrase_file, confirm=False)
        try:
            manifest, notes = restore_backup(archive, passphrase=passphrase, force=force)
        except (BackupError, BackupDecryptionError) as error:
            raise CommandError(str(error), returncode=2)
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {manifest['created_at']}: {len(manifest['row_counts'])} bảng, {rows} dòng "
            f"(khớp bản sao lưu), {len(manifest['files'])} tệp (khớp mã băm)."
        )
        for note in notes:
            self.stdout.write(note)
