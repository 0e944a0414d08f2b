"""Screenshot of the leadership dashboard at tablet size (1024×768) into docs/dashboard.png, from the demo data.

Run: .venv/bin/python scripts/dashboard_screenshot.py [--out docs/dashboard.png] [--width 1024 --height 768]
Uses a throw-away SQLite database and Debian's Chromium (/usr/bin/chromium); it never downloads a browser.
Exits 1 when the page is wider than the screen (a table or chart that does not reflow).
"""

import argparse
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/dashboard.sqlite3"
os.environ.setdefault("PAPI_DATA_DIR", tempfile.mkdtemp())


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "dashboard.png"))
    parser.add_argument("--width", type=int, default=1024)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument("--user", default="giamdoc")
    args = parser.parse_args()

    import django

    django.setup()
    from cryptography.fernet import Fernet
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.test import Client

    os.environ.setdefault("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the demo's reminders stay quiet
    call_command("migrate", verbosity=0)
    from papi_inspect.demo import load_demo

    load_demo()
    client = Client()
    client.force_login(get_user_model().objects.get(username=args.user))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    server = make_server("127.0.0.1", 0, StaticFilesHandler(WSGIHandler()), handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        context = browser.new_context(viewport={"width": args.width, "height": args.height}, locale="vi-VN",
                                      reduced_motion="reduce")  # dashboard.js then draws its charts without animation
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
        page = context.new_page()
        page.goto(f"{base}/admin/", wait_until="networkidle")
        page.wait_for_selector("#papi-dashboard")
        page.wait_for_timeout(500)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=args.out, full_page=True)
        browser.close()
    server.shutdown()
    print(f"{args.out}: {args.width}×{args.height}, horizontal overflow {overflow}px")
    return 1 if overflow > 0 else 0


if __name__ == "__main__":
    sys.exit(main())
