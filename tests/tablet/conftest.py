"""Fixtures of the tablet's browser tests: Debian's Chromium through Playwright, and a live server answering it.

A browser test module marks itself with `BROWSER_TEST` (tests/tablet/steps.py), which brings in the browser, the
live server and the reference data snapshot its transactional tests need.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("PAPI_REQUIRE_BROWSER"):
            pytest.fail(f"PAPI_REQUIRE_BROWSER is set but Chromium is missing at {CHROMIUM}")
        pytest.skip("Chromium is not installed (set PAPI_REQUIRE_BROWSER=1 to require it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def live_server(django_db_setup, django_db_blocker):
    """pytest-django's live server, answering one request at a time.

    With SQLite the test database lives in memory and its one connection is shared with the server; requests
    served in parallel threads would interleave their transactions on it (a POST's commit undone by a GET).
    """
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread
    from pytest_django.live_server_helper import LiveServer

    class OneAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)
            self.connections_override = connections_override

    original = LiveServerThread.server_class
    LiveServerThread.server_class = OneAtATime
    try:
        with django_db_blocker.unblock():
            server = LiveServer("localhost")
    finally:
        LiveServerThread.server_class = original
    yield server
    server.stop()


@pytest.fixture(scope="module")
def reference_snapshot(django_db_setup, django_db_blocker, browser):
    """The live server needs committed data, so each test here ends with a flush; the reference data and the named
    people are restored from a snapshot before each test and once more for the tests that follow this module.

    It starts after the browser: Playwright's greenlets give the test code its own context, hence its own connection.
    """
    from django.db import connection
    from django.test import override_settings

    # Django serializes the apps that have migrations; the test database is built without them (--no-migrations
    # replaces MIGRATION_MODULES), so the real ones are named back for the snapshot, or it would hold nothing.
    with django_db_blocker.unblock(), override_settings(MIGRATION_MODULES={}):
        snapshot = connection.creation.serialize_db_to_string()
    assert '"model": "auth.user"' in snapshot, "the snapshot must hold the named people"
    connection._test_serialized_contents = snapshot
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(snapshot)
    # This context's own connection would keep PostgreSQL from dropping the test database at the end.
    connection.close()


@pytest.fixture
def open_tablet(browser, live_server):
    """open_tablet(viewport, **options) -> (context, page): a fresh tablet (its own storage), in Vietnamese."""
    from tests.tablet.steps import LANDSCAPE

    contexts = []

    def open_(viewport=LANDSCAPE, **options):
        context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="vi-VN", **options)
        context.set_default_timeout(30000)
        if os.environ.get("PAPI_TABLET_DEBUG"):
            context.on("console", lambda m: print("CONSOLE", m.text))
            context.on("response", lambda r: print("RESP", r.status, r.url))
        contexts.append(context)
        return context, context.new_page()

    yield open_
    for context in contexts:
        context.close()
