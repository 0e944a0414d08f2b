"""Serialising one kind of write across processes, so numbering stays unique under concurrent requests."""

import zlib

from django.db import connection


def hold_until_commit(name):
    """Block other transactions taking the same `name` until this one ends (PostgreSQL advisory lock).

    Numbering a record reads the highest number and writes the next: two gunicorn workers doing it at
    once on PostgreSQL took the same number and the second answered 500 (found by
    benchmarks/crash_safety.py). SQLite needs nothing: its write transactions start IMMEDIATE, one at a time.
    """
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(name.encode())])
