"""Benchmark: how fast the deadline engine counts limits, and how fast visible_to filters units.

Run on demand: `.venv/bin/python benchmarks/deadlines.py` (uses the configured database; needs
`papi-inspect migrate` first). Prints medians; asserts nothing.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")

import django  # noqa: E402

django.setup()

from papi_inspect.calendar import WorkingCalendar  # noqa: E402
from papi_inspect.deadlines import compute_deadline, deadline_status  # noqa: E402

RULES = ["complaint.accept", "complaint.resolve", "denunciation.initial", "denunciation.resolve", "petition.process"]


def median_ms(action, repeat=7):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main():
    calendar = WorkingCalendar()
    starts = [datetime.date(2026, 1, 1) + datetime.timedelta(days=i) for i in range(365)]

    def a_year_of_deadlines():
        for start in starts:
            for code in RULES:
                compute_deadline(code, start, calendar=calendar)

    def a_year_of_statuses():
        for start in starts:
            deadline_status(start, today=datetime.date(2026, 6, 1), calendar=calendar)

    count = len(starts) * len(RULES)
    total = median_ms(a_year_of_deadlines, repeat=3)
    print(f"compute_deadline: {count} deadlines in {total:.0f} ms median ({total / count * 1000:.0f} µs each)")
    print(f"deadline_status: 365 statuses in {median_ms(a_year_of_statuses):.1f} ms median")


if __name__ == "__main__":
    main()
