"""What a person does on the tablet in the browser tests: sign in and out, save, wait for the sync; screen sizes."""

import io
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.base import PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls made between its steps are plain and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

LANDSCAPE = {"width": 1024, "height": 768}
PORTRAIT = {"width": 768, "height": 1024}
BOTH_SIZES = pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
# Set by scripts/tablet_screenshots.py: where to keep the main screens as PNG.
SHOTS = os.environ.get("PAPI_TABLET_SCREENSHOTS")

BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True),
                pytest.mark.usefixtures("reference_snapshot")]


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def sign_in(page, user, *, then="**/tablet/"):
    page.goto("/tablet/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(then)
    if then == "**/tablet/":
        # The service worker controls the page and has fetched the assigned records' pages.
        wait_until(page, "navigator.serviceWorker.controller !== null && document.documentElement.dataset.pagesCached")


def sign_out(page):
    """The navbar's "Đăng xuất", which comes back to the tablet's sign-in page."""
    page.click("nav button[type=submit]")
    page.wait_for_url("**/tablet/login/")


def wait_until(page, expression, timeout=30):
    """Poll `expression` with evaluate(): wait_for_function compiles its predicate with eval in the page, which
    the Content-Security-Policy forbids (as it should: the tablet runs with the same CSP here as in production)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.1)


def synced(page, applied, timeout=30):
    """Wait until `applied` items in all reached the server and nothing waits on this device.

    Polled with evaluate(), which awaits the IndexedDB promises (and the CSP forbids wait_for_function's eval).
    """
    deadline = time.monotonic() + timeout
    while True:
        done, waiting = page.evaluate("async () => [await Tablet.db.done.count(), (await Tablet.unsynced()).length]")
        if done >= applied and waiting == 0:
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"{done} of {applied} items synced, {waiting} still on the device")
        time.sleep(0.1)
    wait_until(page, "document.getElementById('sync-count').textContent === '0'")


def waiting_on_device(page):
    return page.evaluate("async () => (await Tablet.unsynced()).length")


def saved_and_back(page, url):
    """Submit a form that saves into the queue and returns to `url`; a refusal on the form fails with its message."""
    page.click("#save-finding")
    try:
        page.wait_for_url(url)
    except Exception:
        raise AssertionError(f"the form did not return: {page.locator('.form-message').inner_text()!r}")


def record_finding(page, source_url, condition, criteria="Luật Đê điều 2006 Điều 23"):
    """From a record's page: "Ghi phát hiện", fill the two required fields, save, back on the record's page."""
    page.goto(f"{source_url}finding/")
    page.fill("#condition", condition)
    page.fill("#criteria", criteria)
    saved_and_back(page, f"**{source_url}")


def photo_file(tmp_path, name="anh-hien-truong.jpg", size=(2400, 1800), colour=(30, 120, 200)):
    path = tmp_path / name
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90)
    return str(path)


def image_size(attachment):
    with attachment.file.open("rb") as handle:
        return Image.open(io.BytesIO(handle.read())).size
