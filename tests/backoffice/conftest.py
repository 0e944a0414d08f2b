"""The back office's browser tests reuse the tablet's: Debian's Chromium, a live server, the reference snapshot."""

from tests.tablet.conftest import browser, live_server, reference_snapshot  # noqa: F401  (fixtures)
