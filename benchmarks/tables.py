"""Times build_table for each form over a synthetic 10-year department history; prints medians (not a test).

Run: .venv/bin/python benchmarks/tables.py   (uses a throw-away SQLite file unless DATABASE_URL is set)
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from papi_inspect.reference import load_reference  # noqa: E402


def main():
    call_command("migrate", verbosity=0)
    load_reference()
    from tests.base import create_people, load_people

    create_people()
    from reports.periods import resolve_period
    from reports.synthetic import make_department_history
    from reports.tables.build import TABLE_CODES, build_table
    from reports.tables.pctn import anti_corruption_facts

    started = time.perf_counter()
    counts = make_department_history(years=10, seed=1, end_year=2025)
    print(f"history: {counts} in {time.perf_counter() - started:.1f} s")
    from papi_inspect.permissions import agency_unit_ids

    units, period = agency_unit_ids(load_people().leader), resolve_period("year", 2025)
    jobs = {code: (lambda code=code: build_table(code, period=period, units=units)) for code in TABLE_CODES}
    jobs["anti_corruption_facts"] = lambda: anti_corruption_facts(period, units)
    for name, job in jobs.items():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            job()
            times.append(time.perf_counter() - started)
        print(f"{name:24s} median {statistics.median(times) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
