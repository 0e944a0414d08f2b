"""Production refuses what is only for a demo: demo accounts, an e-mail backend that delivers nothing; files stay private."""

import logging
import secrets
import stat
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile

from doctypes.org.models import Unit
from papi_inspect.attachments import attach_file
from papi_inspect.log_filters import DropQueryStrings, OneLineClientErrors
from tests.core.test_settings import CLI, run


def production(tmp_path, **extra):
    return {
        "PAPI_ENV": "production", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "papi.example.invalid",
        "PAPI_IDENTITY_KEYS": Fernet.generate_key().decode(), "PAPI_DATA_DIR": str(tmp_path),
        # The browser tests set it for Playwright in this process; a deployment must not (async.E001).
        "DJANGO_ALLOW_ASYNC_UNSAFE": "", **extra,
    }


def test_the_demo_refuses_to_load_in_production(tmp_path):
    result = run([CLI, "demo"], **production(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Lỗi: Không nạp dữ liệu mẫu khi PAPI_ENV=production: các tài khoản dùng thử có mật khẩu công khai."
    )
    assert "giamdoc" not in result.stdout


def deploy_check(tmp_path, **extra):
    return run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production(tmp_path, **extra))


def test_the_deployment_check_fails_until_e_mail_is_configured(tmp_path):
    for backend in ("", "django.core.mail.backends.console.EmailBackend"):
        result = deploy_check(tmp_path, EMAIL_BACKEND=backend)
        assert result.returncode == 1
        assert "papi_inspect.E001" in result.stderr and "E-mail chưa được cấu hình" in result.stderr


def test_the_deployment_check_is_clean_with_smtp_as_ci_runs_it(tmp_path):
    result = deploy_check(tmp_path, EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="mail.example.invalid")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_folder_are_the_servers_alone(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from django.db import connection\n"
        "with connection.cursor() as c: c.execute('CREATE TABLE t (x)'); c.execute('INSERT INTO t VALUES (1)')\n"
        "import os; print(sorted(os.listdir(os.environ['PAPI_DATA_DIR'])))\n"
    )
    data = tmp_path / "data"
    result = run([sys.executable, "-c", code], DJANGO_SETTINGS_MODULE="papi_inspect.settings", PAPI_DATA_DIR=str(data))
    assert result.returncode == 0, result.stderr
    assert "papi_inspect.sqlite3-wal" in result.stdout  # the connection was open when listed
    assert mode(data) == 0o700
    assert mode(data / "papi_inspect.sqlite3") == 0o600


@pytest.mark.django_db
def test_an_uploaded_letter_and_its_folders_are_the_servers_alone(people, settings):
    unit = Unit.objects.get(code="snnmt-ttr")
    letter = attach_file(unit, uploaded_file=SimpleUploadedFile("bien-ban.txt", "Biên bản làm việc".encode()), by=people.admin)
    path = settings.PRIVATE_MEDIA_ROOT / letter.file.name
    assert mode(path) == 0o600
    folder = path.parent
    while folder != settings.PRIVATE_MEDIA_ROOT:
        assert mode(folder) == 0o700, folder
        folder = folder.parent


def record(name, msg, args=(), **extra):
    entry = logging.LogRecord(name, logging.WARNING, __file__, 1, msg, args, extra.pop("exc_info", None))
    entry.__dict__.update(extra)
    return entry


def test_the_log_filters_drop_searches_and_client_error_tracebacks():
    for request_line in ("GET /cases/?q=Ho%C3%A0ng%20Th%E1%BB%8B HTTP/1.1", "GET /cases/?q=Hoàng Thị Bí Mật&scope=all HTTP/1.1"):
        line = record("django.server", '"%s" %s %s', (request_line, "200", "512"))
        DropQueryStrings().filter(line)
        assert line.getMessage() == '"GET /cases/ HTTP/1.1" 200 512'
    try:
        raise PermissionError("403")
    except PermissionError:
        refused = record("django.request", "Forbidden (Permission denied): %s", ("/admin/",), status_code=403, exc_info=sys.exc_info())
        failed = record("django.request", "Internal Server Error: %s", ("/x/",), status_code=500, exc_info=sys.exc_info())
    OneLineClientErrors().filter(refused)
    OneLineClientErrors().filter(failed)
    assert refused.exc_info is None and failed.exc_info is not None
