"""A real installation for the tests that drive the product from outside: migrated, demo data, served by gunicorn."""

import importlib.util
import os
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CLI = str(BIN / "papi-inspect")


def postgres_url():
    """DATABASE_URL when the suite runs on PostgreSQL, else None."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def sibling_database(url, suffix):
    """The URL of a throwaway database named after the suite's own test database (test_<name>_<suffix>)."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/test_{parts.path.lstrip('/')}_{suffix}"))


def recreate_database(url, *, drop_only=False):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


@dataclass
class Installation:
    """One data directory (and, on PostgreSQL, one database) that the CLI and gunicorn run against."""

    data_dir: Path
    database_url: str | None = None

    @property
    def environment(self):
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
        # Development settings (whitenoise serves static files without collectstatic); no task worker of its own.
        env.update(PAPI_DATA_DIR=str(self.data_dir), PAPI_TASK_WORKER="0")
        env.pop("DEBUG", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def cli(self, *args, timeout=300, **extra_env):
        return subprocess.run(
            [CLI, *args], cwd=ROOT, env={**self.environment, **extra_env}, capture_output=True, text=True,
            timeout=timeout,
        )

    def python(self, code, timeout=120):
        """Run `code` with Django set up against this installation; returns the completed process."""
        script = "import django; django.setup()\n" + code
        return subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
            env={**self.environment, "DJANGO_SETTINGS_MODULE": "papi_inspect.settings"},
        )

    @property
    def sqlite_path(self):
        return self.data_dir / "papi_inspect.sqlite3"


def new_installation(tmp_path_factory, suffix):
    url = postgres_url()
    database_url = sibling_database(url, suffix) if url else None
    if database_url:
        recreate_database(database_url)
    return Installation(tmp_path_factory.mktemp(suffix), database_url)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """Migrated, with reference and demo data (users with the published demo password, cases, files)."""
    site = new_installation(tmp_path_factory, "site")
    for verb in ("migrate", "demo"):
        result = site.cli(verb)
        assert result.returncode == 0, result.stderr
    yield site
    if site.database_url:
        recreate_database(site.database_url, drop_only=True)


def crash_script():
    """benchmarks/crash_safety.py, whose Server runs gunicorn exactly as production's configuration says."""
    spec = importlib.util.spec_from_file_location("crash_safety", ROOT / "benchmarks" / "crash_safety.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def demo_server(demo_site, tmp_path_factory):
    """gunicorn (deploy/gunicorn.conf.py, access log on) serving the demo site on a free loopback port."""
    script = crash_script()
    log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    server = script.Server({**demo_site.environment, "WEB_CONCURRENCY": "2"}, script.free_port(), log_path, access_log=True)
    server.start(timeout=90)
    yield server
    server.stop()
