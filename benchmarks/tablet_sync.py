"""Benchmark: a tablet syncing 200 queued findings with a photo each, over loopback, in batches as the device sends them.

Run on demand: `.venv/bin/python benchmarks/tablet_sync.py [COUNT]`. It builds a throwaway test database (SQLite file in a
temporary folder, or a `test_…` database beside DATABASE_URL's), serves the app on 127.0.0.1 in a thread, and prints
the total and the per-request median for: the device's batches (20 items, as queue.js makes them), a full retry of
those batches (every key again: nothing new may be created), and the same items one POST each (the single-item endpoint).
"""

import io
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")
WORK = Path(tempfile.mkdtemp(prefix="papi-tablet-bench-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.servers.basehttp import WSGIServer, WSGIRequestHandler, get_internal_wsgi_application  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402
from PIL import Image  # noqa: E402

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 200
BATCH = 20  # what queue.js puts in one request (BATCH.items; 20 such photos stay under its 8 MB)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def photo_bytes():
    """A JPEG like the tablet sends after resizing: 1600×1200, camera-like grain (about 380 KB)."""
    rng = random.Random(3)
    grain = Image.frombytes("RGB", (160, 120), bytes(rng.getrandbits(8) for _ in range(160 * 120 * 3)))
    out = io.BytesIO()
    grain.resize((1600, 1200), Image.BICUBIC).save(out, "JPEG", quality=82)
    return out.getvalue()


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, content_type) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def signed_in_cookies(user):
    session = SessionStore()
    session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = get_random_string(32)
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}", csrf


def build_inspection():
    from tests.base import create_people, load_people
    from tests.tablet.builders import fieldwork_inspection
    from papi_inspect.reference import load_reference

    load_reference()
    create_people()
    return load_people().inspector, fieldwork_inspection()


def post(port, cookies, csrf, url, fields, files):
    body, content_type = multipart(fields, files)
    conn = HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("POST", url, body=body, headers={
        "Content-Type": content_type, "Cookie": cookies, "X-CSRFToken": csrf, "Referer": f"http://127.0.0.1:{port}/tablet/"})
    response = conn.getresponse()
    answer = response.read()
    conn.close()
    return response.status, answer


def post_one_by_one(port, cookies, csrf, items, photo, author):
    timings, statuses = [], {}
    for key, payload in items:
        started = time.perf_counter()
        code, _ = post(port, cookies, csrf, "/api/v1/tablet/sync/", {"key": key, "kind": "finding", "author": str(author),
                                                                     "payload": json.dumps(payload)},
                       {"photos": ("anh.jpg", photo, "image/jpeg")})
        timings.append(time.perf_counter() - started)
        statuses[code] = statuses.get(code, 0) + 1
    return timings, statuses


def post_batches(port, cookies, csrf, items, photo, author):
    timings, statuses = [], {}
    for start in range(0, len(items), BATCH):
        batch = items[start:start + BATCH]
        envelope = [{"key": key, "kind": "finding", "author": author, "payload": payload} for key, payload in batch]
        files = {f"photos-{index}": ("anh.jpg", photo, "image/jpeg") for index in range(len(batch))}
        started = time.perf_counter()
        code, answer = post(port, cookies, csrf, "/api/v1/tablet/sync/batch/", {"items": json.dumps(envelope)}, files)
        timings.append(time.perf_counter() - started)
        for result in json.loads(answer)["results"] if code == 200 else [{"status": code}] * len(batch):
            statuses[result["status"]] = statuses.get(result["status"], 0) + 1
    return timings, statuses


def report(label, timings, statuses):
    total, items = sum(timings), sum(statuses.values())
    print(f"{label}: {items} items in {len(timings)} requests, {total:.2f} s total ({total / items * 1000:.1f} ms per item); "
          f"median {statistics.median(timings) * 1000:.1f} ms per request, "
          f"p95 {sorted(timings)[max(0, int(len(timings) * 0.95) - 1)] * 1000:.1f} ms; HTTP {statuses}")


def main():
    settings.PRIVATE_MEDIA_ROOT = WORK / "private"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if connection.vendor == "sqlite":
        # A file, not memory: the server thread then has its own connection, as in production.
        settings.DATABASES["default"]["TEST"]["NAME"] = str(WORK / "bench.sqlite3")
    setup_test_environment()
    started = time.perf_counter()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        inspector, inspection = build_inspection()
        print(f"setup (test database, reference data): {time.perf_counter() - started:.1f} s; database: {connection.vendor}")
        # One worker keeping its database connection (CONN_MAX_AGE), like a gunicorn sync worker: a tablet sends in order.
        server = WSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=True)
        server.set_app(get_internal_wsgi_application())
        def serve():
            server.serve_forever()
            connections.close_all()  # its connection would keep PostgreSQL from dropping the test database

        worker = threading.Thread(target=serve, daemon=True)
        worker.start()
        port = server.server_address[1]
        cookies, csrf = signed_in_cookies(inspector)
        photo = photo_bytes()
        print(f"photo: {len(photo) // 1024} KB each")
        items = [(str(uuid.uuid4()), {"inspection": inspection.pk, "condition": f"Thực trạng số {n}", "severity": "low",
                                      "criteria": "Luật Đê điều 2006 Điều 23", "latitude": "21.028511", "longitude": "105.804817"})
                 for n in range(COUNT)]
        report(f"first sync, batches of {BATCH}", *post_batches(port, cookies, csrf, items, photo, inspector.pk))
        report("retry of every batch", *post_batches(port, cookies, csrf, items, photo, inspector.pk))
        one_by_one = [(str(uuid.uuid4()), payload) for _, payload in items]
        report("the same items one POST each", *post_one_by_one(port, cookies, csrf, one_by_one, photo, inspector.pk))
        from doctypes.finding.models import Finding

        print(f"findings on the server: {Finding.objects.filter(inspection=inspection).count()} (expected {2 * COUNT})")
        server.shutdown()
        worker.join()
        server.server_close()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
