"""gunicorn with deploy/'s configuration serves the app; its logs keep no searches and no 403 tracebacks; deploy/ is consistent."""

import configparser
import http.cookiejar
import io
import multiprocessing
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


class Browser:
    """A cookie-keeping HTTP client that signs in through the back office's form, as a person does."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        try:
            with self.opener.open(self.base_url + path, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_in(self, username, password="Demo@2026"):
        _, page = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"})
        with self.opener.open(self.base_url + "/admin/login/", data.encode(), timeout=60) as response:
            assert response.url.endswith("/admin/"), response.url
        return self


def log_after(server, mark, pattern, timeout=10):
    """The server's log written since `mark`, once `pattern` appears in it (the access log is written after the answer)."""
    deadline = time.monotonic() + timeout
    while True:
        text = server.log_path.read_text(errors="replace")[mark:]
        if re.search(pattern, text) or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def test_a_search_is_answered_but_its_words_never_reach_the_access_log(demo_server):
    inspector = Browser(demo_server.url).sign_in("thanhtravien")
    mark = len(demo_server.log_path.read_text(errors="replace"))
    status, page = inspector.get("/cases/?q=" + urllib.parse.quote("Nguyễn Văn An") + "&scope=all")
    assert status == 200 and "Việc của tôi" in page
    log = log_after(demo_server, mark, r'"GET /cases/ HTTP/1\.1" 200')
    assert '"GET /cases/ HTTP/1.1" 200' in log
    assert "q=" not in log and "Nguy" not in log and "%20" not in log


def test_a_refused_back_office_page_logs_one_line_and_no_traceback(demo_server):
    chief = Browser(demo_server.url).sign_in("chanhthanhtra")
    mark = len(demo_server.log_path.read_text(errors="replace"))
    status, _ = chief.get("/admin/auth/user/")
    assert status == 403
    status, _ = chief.get("/admin/khong-co-trang-nay/")
    assert status == 404
    log = log_after(demo_server, mark, r"Not Found: /admin/khong")
    assert "Forbidden (Permission denied): /admin/auth/user/" in log and "Not Found: /admin/khong-co-trang-nay/" in log
    assert "Traceback" not in log and "PermissionDenied" not in log


def test_the_production_server_answers_with_the_hardening_headers(demo_server):
    request = urllib.request.Request(demo_server.url + "/admin/login/")
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers["Server"].startswith("gunicorn")
        assert "nonce-" in response.headers["Content-Security-Policy"]
        assert "no-store" in response.headers["Cache-Control"]


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


@pytest.mark.parametrize("name", ["papi-inspect-web.service", "papi-inspect-worker.service", "papi-inspect-daily.service"])
def test_each_systemd_unit_runs_a_program_this_installation_has(name):
    command = unit(name)["Service"]["ExecStart"].split()
    program = Path(command[0])
    assert program.parent == Path("/srv/papi_inspect/.venv/bin")
    assert (Path(sys.executable).parent / program.name).exists(), program.name
    if program.name == "papi-inspect":
        from django.core.management import get_commands

        assert command[1].replace("-", "_") in get_commands(), command[1]
    assert unit(name)["Service"]["UMask"] == "0077"


def test_the_procfile_runs_the_same_three_processes_as_the_units():
    lines = [line for line in (DEPLOY / "Procfile").read_text().splitlines() if line and not line.startswith("#")]
    processes = dict(line.split(": ", 1) for line in lines)
    assert set(processes) == {"web", "worker", "clock"}
    assert processes["web"] == ".venv/bin/gunicorn --config deploy/gunicorn.conf.py"
    assert "db_worker" in processes["worker"] and "run-daily-jobs --every-day-at 7" in processes["clock"]
    assert unit("papi-inspect-daily.timer")["Timer"]["OnCalendar"] == "*-*-* 07:00:00"


def test_gunicorn_runs_a_worker_per_core_on_loopback():
    config = {}
    exec((DEPLOY / "gunicorn.conf.py").read_text(), config)
    assert config["workers"] == multiprocessing.cpu_count()
    assert config["bind"] == "127.0.0.1:8000" and config["umask"] == 0o077
    assert "%(U)s" in config["access_log_format"] and "%(r)s" not in config["access_log_format"]


@pytest.mark.django_db
def test_run_daily_jobs_runs_each_job_once_and_fails_loudly(settings, people):
    settings.DAILY_JOBS = ["load_reference"]
    out = io.StringIO()
    call_command("run_daily_jobs", stdout=out)
    assert "Việc hằng ngày: load_reference" in out.getvalue()
    settings.DAILY_JOBS = ["load_reference", "deadline"]  # `deadline` without its arguments fails
    with pytest.raises(CommandError, match="Việc hằng ngày bị lỗi: deadline") as error:
        call_command("run_daily_jobs", stdout=io.StringIO())
    assert error.value.returncode == 1
