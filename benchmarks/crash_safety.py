"""Crash safety: writes from several clients against gunicorn, `kill -9` of the whole server midway, restart, then check.

Run on demand: `.venv/bin/python benchmarks/crash_safety.py [--writes 1000] [--clients 8] [--database-url postgres://…]`.
It migrates a throwaway database (a SQLite file in a temporary folder, or the PostgreSQL database named in
--database-url, which it creates and drops and which must not exist), starts gunicorn with deploy/gunicorn.conf.py on
127.0.0.1 only, and has the clients log citizen receptions through `POST /api/v1/receptions/` (a real write: code
numbering, an encrypted identity, history). When half the writes are acknowledged it SIGKILLs the server's process
group (master and workers), restarts it, lets the clients finish, and checks:
every acknowledged write is in the database with the id it was answered with, no write is there twice, the codes are
unique, and the database's own integrity check passes (SQLite `integrity_check` and `foreign_key_check`; PostgreSQL
amcheck over every B-tree index). Bounded: a fixed number of writes, a time limit, loopback only; it stops by itself.
"""

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPException
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TIME_LIMIT_S = 600

SETUP_USER = """
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from doctypes.org.models import Unit
from doctypes.org.demo import ensure_staff_user
from papi_inspect.permissions import Role
unit = Unit.objects.get(code="snnmt-vp")
user = ensure_staff_user("crash-clerk", full_name="Phạm Thử Tải", position="Chuyên viên", unit=unit,
                         role=Role.OFFICE_CLERK, password="Crash-test-2026!")
token, _ = Token.objects.get_or_create(user=user)
print(token.key, unit.pk)
"""


@dataclass
class Result:
    database: str
    writes: int
    clients: int
    acknowledged: int = 0
    unknown: int = 0  # sent, but the server died before answering: may or may not be stored
    refused_while_down: int = 0  # connection refused: never sent, tried again after the restart
    lost: list = field(default_factory=list)  # acknowledged but missing, or stored under another id
    duplicates: list = field(default_factory=list)
    stored: int = 0
    integrity: str = ""
    seconds: float = 0.0  # from the first write to the last answer, the restart included
    restart_seconds: float = 0.0
    errors: list = field(default_factory=list)  # unexpected HTTP answers (not 201)
    server_log: str = ""

    @property
    def ok(self):
        return not self.lost and not self.duplicates and self.integrity == "ok" and not self.errors

    def summary(self):
        return (
            f"{self.database}: {self.writes} writes from {self.clients} clients in {self.seconds:.1f} s "
            f"({self.writes / max(self.seconds - self.restart_seconds, 0.001):.0f}/s while up), server killed "
            f"(kill -9) after {self.writes // 2} acknowledgements and back in {self.restart_seconds:.1f} s; "
            f"acknowledged {self.acknowledged}, unanswered when killed {self.unknown}, stored {self.stored}; "
            f"lost {len(self.lost)}, duplicates {len(self.duplicates)}, unexpected answers {len(self.errors)}; "
            f"integrity {self.integrity}"
        )


class Server:
    """gunicorn with the production configuration, in its own process group so that kill -9 takes every worker."""

    def __init__(self, environment, port, log_path, *, access_log=False):
        self.environment, self.port, self.process, self.log_path = environment, port, None, Path(log_path)
        self.url, self.access_log = f"http://127.0.0.1:{port}", access_log

    def start(self, timeout=60):
        env = dict(self.environment, PAPI_BIND=f"127.0.0.1:{self.port}", PAPI_GUNICORN_LOG_LEVEL="warning")
        options = [] if self.access_log else ["--access-logfile", "/dev/null"]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", *options],
                cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                connection = HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/admin/login/")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped: " + self.log_tail())
        raise RuntimeError("gunicorn did not answer in time")

    def log_tail(self, size=3000):
        return self.log_path.read_text(errors="replace")[-size:]

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(database_url, data_dir):
    """Migrate a fresh database and create the clerk who writes; returns (environment, token, unit id)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(PAPI_DATA_DIR=str(data_dir), PAPI_TASK_WORKER="0", DEBUG="0", ALLOWED_HOSTS="127.0.0.1,localhost")
    if database_url:
        env["DATABASE_URL"] = database_url
        admin_database(database_url, "CREATE DATABASE")
    subprocess.run([str(BIN / "papi-inspect"), "migrate"], cwd=ROOT, env=env, check=True, capture_output=True)
    return (env, *create_clerk(env))


def create_clerk(env):
    """The office clerk who logs the receptions, with an API token; returns (token, unit id)."""
    shell = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SETUP_USER], cwd=ROOT, env=env, check=True, capture_output=True,
        text=True,
    )
    token, unit = shell.stdout.split()[-2:]
    return token, int(unit)


def admin_database(database_url, statement):
    import psycopg

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'{statement} "{name}"')


class Clients:
    """Threads that send numbered writes; each write's outcome is kept by its marker."""

    def __init__(self, run, port, token, unit, writes, clients):
        self.run, self.port, self.token, self.unit = run, port, token, unit
        self.next_number, self.lock = 0, threading.Lock()
        self.writes, self.clients = writes, clients
        self.acknowledged = {}  # marker -> id answered
        self.unknown, self.errors, self.refused = [], [], 0
        self.server_down = threading.Event()

    def take(self):
        with self.lock:
            if self.next_number >= self.writes:
                return None
            self.next_number += 1
            return f"{self.run}-{self.next_number:05d}"

    def body(self, marker):
        return json.dumps({
            "received_on": "2026-11-02", "kind": "regular", "identity": {"name": "Công dân thử tải"},
            "content": f"crash-{marker}", "classification": "request", "handling": "receive", "unit": self.unit,
        })

    def send(self, marker, deadline):
        headers = {"Authorization": f"Token {self.token}", "Content-Type": "application/json"}
        while time.monotonic() < deadline:
            connection = HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                connection.connect()
            except ConnectionRefusedError:
                # Never sent: the server is down; the same write goes again once it is back.
                with self.lock:
                    self.refused += 1
                time.sleep(0.05)
                continue
            try:
                connection.request("POST", "/api/v1/receptions/", self.body(marker), headers)
                response = connection.getresponse()
                payload = response.read()
            except (OSError, HTTPException):
                self.unknown.append(marker)  # the server died with the request in flight
                return
            finally:
                connection.close()
            if response.status == 201:
                with self.lock:
                    self.acknowledged[marker] = json.loads(payload)["id"]
            else:
                self.errors.append((marker, response.status, payload[:200]))
            return
        self.errors.append((marker, "time limit", b""))

    def worker(self, deadline):
        while (marker := self.take()) is not None:
            self.send(marker, deadline)

    def start(self, deadline):
        self.threads = [threading.Thread(target=self.worker, args=(deadline,), daemon=True) for _ in range(self.clients)]
        for thread in self.threads:
            thread.start()

    def running(self):
        return any(thread.is_alive() for thread in self.threads)

    def join(self):
        for thread in self.threads:
            thread.join()


def stored_writes(database_url, data_dir, run):
    query = "SELECT content, id, code FROM citizen_reception_reception WHERE content LIKE %s"
    pattern = f"crash-{run}-%"
    if database_url:
        import psycopg

        with psycopg.connect(database_url) as connection:
            return connection.execute(query, (pattern,)).fetchall()
    with sqlite3.connect(Path(data_dir) / "papi_inspect.sqlite3") as connection:
        return connection.execute(query.replace("%s", "?"), (pattern,)).fetchall()


def integrity(database_url, data_dir):
    if database_url:
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
            indexes = connection.execute(
                "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE a.amname = 'btree' AND n.nspname = 'public'"
            ).fetchall()
            for (index,) in indexes:
                connection.execute("SELECT bt_index_check(%s::regclass, true)", (index,))
        return "ok"
    with sqlite3.connect(Path(data_dir) / "papi_inspect.sqlite3") as connection:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        broken_keys = connection.execute("PRAGMA foreign_key_check").fetchall()
    return result if not broken_keys else f"{result}; foreign keys broken: {broken_keys[:5]}"


def run(*, writes=1000, clients=8, database_url=None, existing=None):
    """One crash run; returns a Result (its `.ok` says whether every check passed).

    `existing`: (environment, data dir) of an installation already migrated, used instead of a fresh one (the
    test suite's, which saves a migration); its database is then `database_url`'s, and it is kept afterwards.
    """
    started = time.monotonic()
    deadline = started + TIME_LIMIT_S
    result = Result(database="PostgreSQL" if database_url else "SQLite", writes=writes, clients=clients)
    marker_run = f"{int(time.time())}{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="papi-crash-") as scratch:
        if existing:
            environment, data_dir = existing
            token, unit = create_clerk(environment)
        else:
            data_dir = scratch
            environment, token, unit = prepare(database_url, data_dir)
        server = Server(environment, free_port(), Path(scratch) / "gunicorn.log")
        try:
            server.start()
            started = time.monotonic()
            client_pool = Clients(marker_run, server.port, token, unit, writes, clients)
            client_pool.start(deadline)
            while len(client_pool.acknowledged) < writes // 2 and client_pool.running() and time.monotonic() < deadline:
                time.sleep(0.005)
            server.kill()
            down_at = time.monotonic()
            server.start()
            result.restart_seconds = time.monotonic() - down_at
            client_pool.join()
            result.seconds = time.monotonic() - started
            server.stop()

            rows = stored_writes(database_url, data_dir, marker_run)
            by_marker = {}
            for content, pk, code in rows:
                by_marker.setdefault(content.removeprefix("crash-"), []).append(pk)
            result.acknowledged = len(client_pool.acknowledged)
            result.unknown = len(client_pool.unknown)
            result.refused_while_down = client_pool.refused
            result.errors = client_pool.errors
            result.stored = len(rows)
            result.lost = [m for m, pk in client_pool.acknowledged.items() if by_marker.get(m) != [pk]]
            result.duplicates = [m for m, pks in by_marker.items() if len(pks) > 1]
            if len({code for _, _, code in rows}) != len(rows):
                result.duplicates.append("codes not unique")
            result.integrity = integrity(database_url, data_dir)
            if result.errors:
                result.server_log = server.log_tail()
        finally:
            server.stop()
            if database_url and not existing:
                admin_database(database_url, "DROP DATABASE IF EXISTS")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8, choices=range(1, 17))
    parser.add_argument("--database-url", help="postgres://…/NAME: a database that does not exist yet (created, then dropped)")
    args = parser.parse_args()
    result = run(writes=args.writes, clients=args.clients, database_url=args.database_url)
    print(result.summary())
    for marker in result.lost[:10]:
        print("lost:", marker)
    for error in result.errors[:10]:
        print("unexpected answer:", error)
    if result.server_log:
        print("server log (end):", result.server_log, sep="\n")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
