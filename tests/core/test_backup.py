"""`papi-inspect backup` and `restore` as an administrator runs them: backup → wipe → restore gives the same rows and files."""

import json
import shutil
import sqlite3

import pytest

from tests.core.conftest import new_installation, recreate_database

PASSPHRASE = "sao-luu-hang-dem-2026"
COUNTS_AND_HASHES = (
    "import json; from papi_inspect.backup import row_counts, file_hashes, identity_keys_text\n"
    "print(json.dumps({'rows': row_counts(), 'files': file_hashes(), 'keys': identity_keys_text()}))"
)


def state_of(site):
    result = site.python(COUNTS_AND_HASHES)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def archive(demo_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("backups")
    result = demo_site.cli("backup", "--out", str(folder), PAPI_BACKUP_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    path = folder / result.stdout.splitlines()[0].rsplit("/", 1)[-1]
    assert path.exists() and "tệp, khóa danh tính: có" in result.stdout
    return path


@pytest.fixture
def empty_site(tmp_path_factory):
    site = new_installation(tmp_path_factory, "restored")
    yield site
    if site.database_url:
        recreate_database(site.database_url, drop_only=True)


def test_backup_then_restore_on_an_empty_installation_gives_equal_rows_files_and_keys(demo_site, archive, empty_site):
    before = state_of(demo_site)
    assert before["files"] and before["keys"] and before["rows"]["complaint_case_denunciation"] > 0
    result = empty_site.cli("restore", str(archive), PAPI_BACKUP_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "(khớp bản sao lưu)" in result.stdout
    assert state_of(empty_site) == before
    # The restored site works: a demo user's password opens it, and the restored keys open a denouncer's identity.
    assert (empty_site.data_dir / "identity.keys").stat().st_mode & 0o777 == 0o600
    assert works(empty_site) == works(demo_site) == ["True", "Denouncer known"]


def works(site):
    result = site.python(
        "from django.contrib.auth.models import User\n"
        "from doctypes.complaint_case.models import Denunciation\n"
        "from papi_inspect.identity import decrypt_identity\n"
        "print(User.objects.get(username='giamdoc').check_password('Demo@2026'))\n"
        "case = Denunciation.objects.exclude(identity_cipher='').first()\n"
        "print('Denouncer known' if decrypt_identity(case.identity_cipher).get('name') else 'no name')\n"
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")[:2]


def test_the_archive_is_encrypted_and_opens_only_with_its_passphrase(demo_site, archive, empty_site):
    raw = archive.read_bytes()
    assert raw.startswith(b"PAPIBAK1") and b"SQLite format" not in raw and b"auth_user" not in raw
    result = empty_site.cli("restore", str(archive), PAPI_BACKUP_PASSPHRASE="mot-mat-khau-khac")
    assert result.returncode == 2
    assert result.stderr.strip() == "Lỗi: Sai mật khẩu, hoặc bản sao lưu đã bị sửa hay hỏng."
    cut = archive.with_name("cut.papibak")
    cut.write_bytes(raw[: len(raw) // 2])
    assert empty_site.cli("restore", str(cut), PAPI_BACKUP_PASSPHRASE=PASSPHRASE).returncode == 2
    assert state_of(empty_site)["rows"].get("auth_user", 0) == 0  # nothing was written


def test_restore_refuses_to_overwrite_without_force(demo_site, archive, empty_site):
    assert empty_site.cli("restore", str(archive), PAPI_BACKUP_PASSPHRASE=PASSPHRASE).returncode == 0
    # Later work on the restored site, then an attempt to restore over it.
    changed = empty_site.python("from django.contrib.auth.models import User; User.objects.create(username='moi-them')")
    assert changed.returncode == 0, changed.stderr
    users_after_the_change = state_of(empty_site)["rows"]["auth_user"]
    refused = empty_site.cli("restore", str(archive), PAPI_BACKUP_PASSPHRASE=PASSPHRASE)
    assert refused.returncode == 2
    assert "đã có dữ liệu" in refused.stderr and "--force" in refused.stderr
    assert state_of(empty_site)["rows"]["auth_user"] == users_after_the_change  # untouched
    forced = empty_site.cli("restore", "--force", str(archive), PAPI_BACKUP_PASSPHRASE=PASSPHRASE)
    assert forced.returncode == 0, forced.stderr
    assert state_of(empty_site) == state_of(demo_site)


def test_the_passphrase_never_comes_from_the_command_line(demo_site, tmp_path):
    """No passphrase, no terminal: a clear refusal, not a prompt that hangs a cron job (and no --passphrase option)."""
    result = demo_site.cli("backup", "--out", str(tmp_path), PAPI_BACKUP_PASSPHRASE="")
    assert result.returncode == 2
    assert "PAPI_BACKUP_PASSPHRASE" in result.stderr and "--passphrase-file" in result.stderr
    assert demo_site.cli("backup", "--out", str(tmp_path), "--passphrase", "x" * 20).returncode != 0
    short = demo_site.cli("backup", "--out", str(tmp_path), PAPI_BACKUP_PASSPHRASE="ngan")
    assert short.returncode == 2 and "ít nhất 12" in short.stderr
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    from_file = demo_site.cli("backup", "--out", str(tmp_path / "a.papibak"), "--passphrase-file", str(secret), PAPI_BACKUP_PASSPHRASE="")
    assert from_file.returncode == 0, from_file.stderr
    assert demo_site.cli("backup", "--out", str(tmp_path / "a.papibak"), PAPI_BACKUP_PASSPHRASE=PASSPHRASE).returncode == 2


def test_a_backup_taken_while_the_server_writes_holds_what_a_naive_copy_misses(demo_site, archive, empty_site, tmp_path):
    """The last commits sit in the WAL until a checkpoint: copying the database file alone loses them."""
    if demo_site.database_url:
        pytest.skip("SQLite's WAL only; PostgreSQL's pg_dump is consistent by construction (one snapshot)")
    assert empty_site.cli("restore", str(archive), PAPI_BACKUP_PASSPHRASE=PASSPHRASE).returncode == 0
    writer = sqlite3.connect(empty_site.sqlite_path)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")  # like a busy server between checkpoints
        writer.executemany(
            "INSERT INTO django_session (session_key, session_data, expire_date) VALUES (?, 'x', '2030-01-01')",
            [(f"wal-probe-{n:04d}",) for n in range(200)],
        )
        writer.commit()
        naive = tmp_path / "naive.sqlite3"
        shutil.copyfile(empty_site.sqlite_path, naive)
        assert _probes(naive) == 0  # the naive copy lost every commit still in the WAL
        taken = empty_site.cli("backup", "--out", str(tmp_path / "live.papibak"), PAPI_BACKUP_PASSPHRASE=PASSPHRASE)
        assert taken.returncode == 0, taken.stderr
    finally:
        writer.close()
    shutil.rmtree(empty_site.data_dir)
    empty_site.data_dir.mkdir()
    assert empty_site.cli("restore", str(tmp_path / "live.papibak"), PAPI_BACKUP_PASSPHRASE=PASSPHRASE).returncode == 0
    assert _probes(empty_site.sqlite_path) == 200
    with sqlite3.connect(empty_site.sqlite_path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _probes(path):
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM django_session WHERE session_key LIKE 'wal-probe-%'").fetchone()[0]


def test_without_pg_dump_the_administrator_is_told_what_to_install(monkeypatch):
    from papi_inspect import backup

    monkeypatch.setattr(backup.shutil, "which", lambda program: None)
    with pytest.raises(backup.BackupError) as error:
        backup._pg_command("pg_dump")
    assert str(error.value).startswith("Không tìm thấy pg_dump trên máy này: cài gói postgresql-client")
