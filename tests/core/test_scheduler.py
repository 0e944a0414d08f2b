"""The demo server's daily jobs: installed commands run, names not installed are ignored."""

import datetime

import pytest

from papi_inspect.models import CalendarOverride
from papi_inspect.scheduler import available_daily_jobs, run_daily_jobs, seconds_until

pytestmark = pytest.mark.django_db


def test_it_runs_only_the_installed_daily_commands(settings, people):
    settings.DAILY_JOBS = ["load_reference", "no_such_command"]
    CalendarOverride.objects.filter(date="2026-01-02").delete()
    assert available_daily_jobs() == ["load_reference"]
    run_daily_jobs()
    assert CalendarOverride.objects.filter(date="2026-01-02").exists()


def test_it_waits_until_the_next_run_hour():
    assert seconds_until(7, now=datetime.datetime(2026, 11, 28, 6, 30)) == 1800
    assert seconds_until(7, now=datetime.datetime(2026, 11, 28, 7, 0)) == 24 * 3600
