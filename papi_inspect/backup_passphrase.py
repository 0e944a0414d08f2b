"""Where a backup's passphrase comes from: a file, the environment, or a prompt; never the command line (ps shows it)."""

import getpass
import os
import sys
from pathlib import Path

from django.core.management.base import CommandError

PASSPHRASE_ENV = "PAPI_BACKUP_PASSPHRASE"
MIN_LENGTH = 12


def read_passphrase(passphrase_file=None, *, confirm):
    if passphrase_file:
        try:
            passphrase = Path(passphrase_file).read_text(encoding="utf-8").strip("\r\n")
        except OSError as error:
            raise CommandError(f"Không đọc được tệp mật khẩu {passphrase_file}: {error.strerror}.", returncode=2)
    elif os.environ.get(PASSPHRASE_ENV):
        passphrase = os.environ[PASSPHRASE_ENV]
    elif sys.stdin.isatty():
        passphrase = getpass.getpass("Mật khẩu bản sao lưu: ")
        if confirm and getpass.getpass("Nhập lại mật khẩu: ") != passphrase:
            raise CommandError("Hai lần nhập mật khẩu không khớp.", returncode=2)
    else:
        raise CommandError(
            f"Cần mật khẩu bản sao lưu: đặt {PASSPHRASE_ENV}, dùng --passphrase-file TỆP, hoặc chạy trong terminal để nhập.",
            returncode=2,
        )
    if len(passphrase) < MIN_LENGTH:
        raise CommandError(f"Mật khẩu bản sao lưu phải có ít nhất {MIN_LENGTH} ký tự.", returncode=2)
    return passphrase
