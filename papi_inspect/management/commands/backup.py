"""`papi-inspect backup --out FILE|DIR`: database, private files and identity keys in one encrypted archive."""

import datetime
from pathlib import Path

from django.core.management.base import CommandError

from papi_inspect.backup import BackupError, create_backup
from papi_inspect.backup_passphrase import PASSPHRASE_ENV, read_passphrase
from papi_inspect.command_errors import OneLineErrorCommand


class Command(OneLineErrorCommand):
    help = (
        "Sao lưu cơ sở dữ liệu, tệp riêng và khóa danh tính vào một tệp mã hóa bằng mật khẩu "
        f"(mật khẩu từ {PASSPHRASE_ENV}, --passphrase-file hoặc nhập từ bàn phím)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="tệp sao lưu mới, hoặc thư mục (tên tệp theo ngày giờ)")
        parser.add_argument("--passphrase-file", help="tệp chứa mật khẩu (quyền 0600), thay cho biến môi trường")

    def handle(self, *args, out, passphrase_file=None, **options):
        passphrase = read_passphrase(passphrase_file, confirm=True)
        target = Path(out)
        if target.is_dir():
            target = target / f"papi-inspect-{datetime.datetime.now():%Y%m%d-%H%M%S}.papibak"
        try:
            manifest = create_backup(target, passphrase=passphrase)
        except BackupError as error:
            raise CommandError(str(error), returncode=2)
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(str(target))
        self.stdout.write(
            f"Đã sao lưu: {manifest['engine']}, {len(manifest['row_counts'])} bảng, {rows} dòng, "
            f"{len(manifest['files'])} tệp, khóa danh tính: {'có' if manifest['identity_keys'] else 'không'}."
        )
