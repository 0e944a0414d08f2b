"""Times the annual anti-corruption report and the dashboard over a department's 10-year synthetic history.

Run: .venv/bin/python benchmarks/reports.py [--database-url postgres://…] [--years 10] [--runs 5]
Without --database-url (or DATABASE_URL) it uses a throw-away SQLite file. Prints medians; aims:
annual report < 3 s, dashboard (admin:index as leadership) < 300 ms. Not a test: nothing is asserted.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--database-url", help="postgres://… (the database is migrated and filled); default: a temporary SQLite")
PARSER.add_argument("--years", type=int, default=10)
PARSER.add_argument("--runs", type=int, default=5)
ARGS = PARSER.parse_args()

WORK = Path(tempfile.mkdtemp(prefix="bench-reports-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")
os.environ["DATABASE_URL"] = ARGS.database_url or os.environ.get("DATABASE_URL") or f"sqlite:///{WORK}/bench.sqlite3"
os.environ["PAPI_PRIVATE_MEDIA_ROOT"] = str(WORK / "private")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

YEAR = 2025


def median_of(runs, job):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times), max(times)


def main():
    call_command("migrate", verbosity=0)
    from papi_inspect.reference import load_reference
    from reports.services import lifecycle as services
    from reports.synthetic import make_department_history
    from tests.base import create_people, load_people

    load_reference()
    create_people()
    started = time.perf_counter()
    counts = make_department_history(years=ARGS.years, seed=11, end_year=YEAR)
    print(f"database: {connection.vendor}; history of {ARGS.years} years: {counts} in {time.perf_counter() - started:.1f} s")
    people = load_people()
    report = services.get_or_create_report("anti_corruption", "year", YEAR, by=people.chief_inspector)
    services.generate_version(report, by=people.chief_inspector)  # warm-up: imports, caches

    median, fastest, slowest = median_of(ARGS.runs, lambda: services.generate_version(report, by=people.chief_inspector))
    print(f"annual anti-corruption report (snapshot + .docx + .xlsx, stored): median {median:.2f} s "
          f"(min {fastest:.2f}, max {slowest:.2f}; aim < 3 s)")

    client = Client()
    client.force_login(people.leader)
    url = reverse("admin:index")
    status = client.get(url).status_code  # warm-up
    median, fastest, slowest = median_of(ARGS.runs, lambda: client.get(url))
    print(f"dashboard GET {url} as leadership (status {status}): median {median * 1000:.0f} ms "
          f"(min {fastest * 1000:.0f}, max {slowest * 1000:.0f}; aim < 300 ms)")


if __name__ == "__main__":
    main()
