"""Backup and restore of a whole installation: database, private files and identity keys, in one encrypted archive.

The archive is a gzip'd tar, encrypted with a passphrase (backup_crypto.py), holding:
`manifest.json` (engine, time, row count of every table, SHA-256 of every file), the database (`database.sqlite3`
taken with SQLite's online backup API, which copies a consistent snapshot including what is still in the WAL; or
`database.pgdump` from pg_dump's custom format), `private/…` (attachments, report versions) and `identity.keys`
(the keys that open the denouncers' identities: a database restored without them is unreadable where it matters).
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

from papi_inspect.backup_crypto import DecryptingReader, EncryptingWriter

FORMAT_VERSION = 1
SQLITE_NAME, PGDUMP_NAME, KEYS_NAME, MANIFEST_NAME = "database.sqlite3", "database.pgdump", "identity.keys", "manifest.json"
PRIVATE_PREFIX = "private/"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the administrator."""


# --- What there is to save ------------------------------------------------------------------------


def engine():
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def row_counts():
    """Rows in every table of the database, by table name (the round-trip check compares these)."""
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
            counts[name] = cursor.fetchone()[0]
    return counts


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def private_files():
    """(relative path, absolute path) of every file under PRIVATE_MEDIA_ROOT."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted((path.relative_to(root).as_posix(), path) for path in root.rglob("*") if path.is_file())


def file_hashes():
    return {relative: sha256_of(path) for relative, path in private_files()}


def identity_key_file():
    """Where the identity keys live when they are kept in a file (see papi_inspect/identity.py)."""
    configured = os.environ.get("PAPI_IDENTITY_KEY_FILE") or settings.PAPI_IDENTITY_KEY_FILE
    return Path(configured) if configured else Path(settings.DATA_DIR) / "identity.keys"


def identity_keys_text():
    """The identity keys as the key file holds them (one per line), from the environment or the file."""
    from_environment = os.environ.get("PAPI_IDENTITY_KEYS") or settings.PAPI_IDENTITY_KEYS
    if from_environment:
        return "".join(key.strip() + "\n" for key in from_environment.split(",") if key.strip())
    path = identity_key_file()
    return path.read_text(encoding="ascii") if path.exists() else ""


# --- Database dump and load -------------------------------------------------------------------------


def _pg_command(program):
    path = shutil.which(program)
    if path is None:
        raise BackupError(
            f"Không tìm thấy {program} trên máy này: cài gói postgresql-client cùng phiên bản với máy chủ PostgreSQL "
            f"(Debian: apt-get install postgresql-client)."
        )
    db = settings.DATABASES["default"]
    args = [path, "--no-owner", "--no-privileges"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env, db["NAME"]


def _run(args, env):
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["(không có thông báo)"])[0]
        raise BackupError(f"{Path(args[0]).name} lỗi: {first}")


def dump_database(target):
    if engine() == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            # One step: the source is read under one snapshot, so writes made meanwhile are all in or all out.
            connection.connection.backup(copy)
        copy.close()
        return SQLITE_NAME
    args, env, name = _pg_command("pg_dump")
    _run([*args, "--format=custom", "--file", str(target), "--dbname", name], env)
    return PGDUMP_NAME


def database_is_empty():
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if "django_migrations" not in tables:
            return True
        cursor.execute("SELECT COUNT(*) FROM django_migrations")
        return cursor.fetchone()[0] == 0


def load_database(source, kind):
    if kind == SQLITE_NAME:
        connection.ensure_connection()
        with sqlite3.connect(source) as saved:
            # Written page by page into the live database through SQLite itself: its WAL stays consistent.
            saved.backup(connection.connection)
        saved.close()
        connection.close()
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    args, env, name = _pg_command("pg_restore")
    _run([*args, "--exit-on-error", "--single-transaction", "--dbname", name, str(source)], env)


# --- Archive ----------------------------------------------------------------------------------------


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def create_backup(out, *, passphrase):
    """Write the encrypted archive to `out` (a new file); returns its manifest."""
    out = Path(out)
    if out.exists():
        raise BackupError(f"Tệp {out} đã có; chọn tên khác (không ghi đè bản sao lưu cũ).")
    keys = identity_keys_text()
    with tempfile.TemporaryDirectory(prefix="papi-backup-") as work:
        dump = Path(work) / "database"
        database_name = dump_database(dump)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "engine": engine(),
            "database": {"name": database_name, "sha256": sha256_of(dump)},
            "row_counts": row_counts(),
            "files": file_hashes(),
            "identity_keys": bool(keys),
        }
        partial = out.with_name(out.name + ".partial")
        try:
            fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as raw:
                writer = EncryptingWriter(raw, passphrase)
                with tarfile.open(fileobj=writer, mode="w|gz") as archive:
                    _add_bytes(archive, MANIFEST_NAME, json.dumps(manifest, indent=1).encode())
                    archive.add(dump, arcname=database_name)
                    for relative, path in private_files():
                        archive.add(path, arcname=PRIVATE_PREFIX + relative)
                    if keys:
                        _add_bytes(archive, KEYS_NAME, keys.encode("ascii"))
                writer.close()
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def _unpack(archive_path, passphrase, into):
    """Decrypt and extract the archive into `into`; every byte is authenticated before this returns."""
    with open(archive_path, "rb") as raw:
        reader = DecryptingReader(raw, passphrase)
        with tarfile.open(fileobj=reader, mode="r|gz") as archive:
            archive.extractall(into, filter="data")
        reader.read()  # the rest (tar padding) and the sealed end: a cut-off archive fails here
    manifest = json.loads((Path(into) / MANIFEST_NAME).read_text())
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Định dạng bản sao lưu {manifest.get('format')} không được hỗ trợ.")
    if sha256_of(Path(into) / manifest["database"]["name"]) != manifest["database"]["sha256"]:
        raise BackupError("Cơ sở dữ liệu trong bản sao lưu không khớp mã băm của nó.")
    for relative, digest in manifest["files"].items():
        if sha256_of(Path(into) / PRIVATE_PREFIX / relative) != digest:
            raise BackupError(f"Tệp {relative} trong bản sao lưu không khớp mã băm của nó.")
    return manifest


def what_would_be_overwritten():
    """What a restore would replace here; empty means a fresh installation."""
    found = []
    if not database_is_empty():
        found.append("cơ sở dữ liệu")
    if private_files():
        found.append(f"tệp riêng trong {settings.PRIVATE_MEDIA_ROOT}")
    if not (os.environ.get("PAPI_IDENTITY_KEYS") or settings.PAPI_IDENTITY_KEYS) and identity_key_file().exists():
        found.append(f"tệp khóa {identity_key_file()}")
    return found


def _replace_private_files(unpacked):
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    root.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    incoming = unpacked / PRIVATE_PREFIX.rstrip("/")
    incoming.mkdir(mode=0o700, exist_ok=True)
    # Same filesystem as the root, so the swap below is two renames.
    staged = Path(tempfile.mkdtemp(prefix=".restore-", dir=root.parent))
    shutil.copytree(incoming, staged / "private", copy_function=shutil.copy2)
    for path in (staged / "private").rglob("*"):
        path.chmod(0o700 if path.is_dir() else 0o600)
    (staged / "private").chmod(0o700)
    old = staged / "old"
    if root.exists():
        os.replace(root, old)
    os.replace(staged / "private", root)
    shutil.rmtree(staged)


def _restore_keys(unpacked):
    """Put the archive's identity keys where this installation reads them; returns a note for the administrator."""
    saved = unpacked / KEYS_NAME
    if not saved.exists():
        return "Bản sao lưu không có khóa danh tính."
    keys = saved.read_text(encoding="ascii")
    if os.environ.get("PAPI_IDENTITY_KEYS") or settings.PAPI_IDENTITY_KEYS:
        current = identity_keys_text()
        if current.split() == keys.split():
            return "Khóa danh tính trong PAPI_IDENTITY_KEYS khớp với bản sao lưu."
        target = Path(settings.DATA_DIR) / "identity.keys.restored"
        note = f"PAPI_IDENTITY_KEYS khác với khóa trong bản sao lưu: khóa của bản sao lưu ở {target}; đặt chúng vào PAPI_IDENTITY_KEYS."
    else:
        target, note = identity_key_file(), None
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(keys)
    target.chmod(0o600)
    return note or f"Khóa danh tính đã ghi vào {target}."


def restore_backup(archive_path, *, passphrase, force=False):
    """Bring back database, private files and keys from `archive_path`; returns (manifest, notes).

    Everything is decrypted and checked first; nothing here is touched if the archive does not open, belongs
    to another database engine, or (without `force`) this installation already holds data.
    """
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"Không có tệp sao lưu {archive_path}.")
    Path(settings.DATA_DIR).mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=settings.DATA_DIR) as work:
        unpacked = Path(work)
        manifest = _unpack(archive_path, passphrase, unpacked)
        if manifest["engine"] != engine():
            raise BackupError(
                f"Bản sao lưu của {manifest['engine']} không khôi phục được vào {engine()} (DATABASE_URL)."
            )
        existing = what_would_be_overwritten()
        if existing and not force:
            raise BackupError(f"Nơi khôi phục đã có dữ liệu ({', '.join(existing)}); thêm --force để ghi đè.")
        load_database(unpacked / manifest["database"]["name"], manifest["database"]["name"])
        _replace_private_files(unpacked)
        notes = [_restore_keys(unpacked)]
    counts = row_counts()
    differing = sorted(name for name, count in manifest["row_counts"].items() if counts.get(name) != count)
    if differing:
        raise BackupError(f"Sau khi khôi phục, số dòng khác bản sao lưu ở các bảng: {', '.join(differing[:10])}.")
    return manifest, notes
