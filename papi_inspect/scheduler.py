"""A small in-process scheduler for the demo server; production runs the same commands from cron."""

import atexit
import datetime
import logging
import os
import subprocess
import sys
import threading
import time

from django.conf import settings
from django.core.management import call_command, get_commands

logger = logging.getLogger(__name__)


def available_daily_jobs():
    """The daily commands from settings.DAILY_JOBS that are installed (doctypes add theirs)."""
    commands = get_commands()
    return [job for job in settings.DAILY_JOBS if job in commands]


def run_daily_jobs():
    """Run each daily job once; returns the names of those that failed."""
    failed = []
    for job in available_daily_jobs():
        try:
            call_command(job)
        except Exception:  # one failing job must not stop the others, nor the server
            logger.exception("Công việc hằng ngày %s bị lỗi", job)
            failed.append(job)
    return failed


def seconds_until(hour, now=None):
    now = now or datetime.datetime.now()
    target = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    if target <= now:
        target += datetime.timedelta(days=1)
    return (target - now).total_seconds()


def start_in_background(hour=7):
    """Run the daily jobs now, then every day at `hour`, in a daemon thread."""

    def loop():
        while True:
            run_daily_jobs()
            time.sleep(seconds_until(hour))

    thread = threading.Thread(target=loop, name="papi-daily-jobs", daemon=True)
    thread.start()
    return thread


def _die_with_parent():
    """On Linux the worker gets SIGTERM when the server dies, even by a signal that skips atexit."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_task_worker():
    """Run django-tasks' database worker (`db_worker`) beside the demo server, as a child process that
    stops with it: reports and large exports queued from the UI then run without any other server.
    Set PAPI_TASK_WORKER=0 to run the worker separately (production: its own service)."""
    if os.environ.get("PAPI_TASK_WORKER", "1") == "0":
        return None
    command = [sys.executable, "-m", "papi_inspect.cli", "db_worker", "--no-reload", "--interval", "1"]
    process = subprocess.Popen(command, cwd=str(settings.BASE_DIR), env=os.environ.copy(), preexec_fn=_die_with_parent)

    def stop():
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    atexit.register(stop)
    return process
