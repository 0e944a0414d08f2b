"""Settings fail loudly and in one line: production secrets, a wrong DATABASE_URL, an unreachable database."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).with_name("papi-inspect"))


def run(args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    environment.update(env)
    return subprocess.run(args, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


def import_settings(**env):
    return run([sys.executable, "-c", "import papi_inspect.settings"], **env)


def test_it_refuses_production_without_a_secret_key():
    result = import_settings(PAPI_ENV="production", SECRET_KEY="", ALLOWED_HOSTS="papi.local", PAPI_IDENTITY_KEYS="k")
    assert result.returncode != 0
    assert "SECRET_KEY phải được đặt" in result.stderr


def test_it_refuses_production_without_allowed_hosts():
    result = import_settings(PAPI_ENV="production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="", PAPI_IDENTITY_KEYS="k")
    assert "ALLOWED_HOSTS phải được đặt" in result.stderr


def test_it_refuses_production_without_identity_keys(tmp_path):
    result = import_settings(PAPI_ENV="production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="papi.local", PAPI_IDENTITY_KEYS="")
    assert "PAPI_IDENTITY_KEYS" in result.stderr


def test_it_starts_in_production_with_all_three(tmp_path):
    result = import_settings(
        PAPI_ENV="production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="papi.local", PAPI_DATA_DIR=str(tmp_path),
        PAPI_IDENTITY_KEY_FILE=str(tmp_path / "keys"),
    )
    assert result.returncode == 0, result.stderr


def test_it_names_a_wrong_database_url_in_one_line(tmp_path):
    result = run([CLI, "migrate"], DATABASE_URL="mysqlx://nobody@nowhere/db", PAPI_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DATABASE_URL" in lines[0], result.stderr


def test_it_names_an_unreachable_database_in_one_line(tmp_path):
    result = run([CLI, "migrate"], DATABASE_URL="postgres://nobody@127.0.0.1:1/papi", PAPI_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi cơ sở dữ liệu (postgresql tại 127.0.0.1)"), result.stderr


def test_it_hashes_passwords_with_argon2_outside_tests():
    result = run([sys.executable, "-c", "from papi_inspect import settings as s; print(s.PASSWORD_HASHERS[0])"])
    assert result.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_it_speaks_vietnamese_in_hanoi_time_with_day_month_year_dates():
    from django.utils import formats, translation
    import datetime

    assert settings.LANGUAGE_CODE == "vi" and settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    with translation.override("vi"):
        assert formats.date_format(datetime.date(2026, 2, 5), "SHORT_DATE_FORMAT") == "05/02/2026"


def test_it_opens_the_embedded_database_in_wal_mode_with_a_busy_timeout(tmp_path):
    script = (
        "import django, os; django.setup();"
        "from django.db import connection; c = connection.cursor();"
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    result = run([sys.executable, "-c", script], DJANGO_SETTINGS_MODULE="papi_inspect.settings", PAPI_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "20000"]
