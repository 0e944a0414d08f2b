"""Screenshots of the tablet's main screens (home, checklist, finding form with a signature, queue with a conflict,
an expired session on an inspection page, refused and conflicting items in the queue).

Run: `.venv/bin/python scripts/tablet_screenshots.py [OUT_DIR]` (default docs/tablet/). It runs the Playwright browser
tests, which save each screen at tablet size (768×1024 portrait, 1024×768 landscape) when PAPI_TABLET_SCREENSHOTS is set.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "tablet"
    env = {**os.environ, "PAPI_TABLET_SCREENSHOTS": str(out.resolve()), "PAPI_REQUIRE_BROWSER": "1"}
    tests = ["tests/tablet/test_browser.py::test_signing_in_shows_todays_work",
             "tests/tablet/test_browser.py::test_completing_a_checklist_with_a_photo",
             "tests/tablet/test_browser.py::test_logging_a_finding_with_a_signature_photo_and_gps",
             "tests/tablet/test_browser.py::test_a_conflict_shows_both_versions_and_the_inspector_chooses",
             "tests/tablet/test_field_status.py::test_the_inspection_page_says_when_the_network_is_gone_or_the_session_has_expired",
             "tests/tablet/test_readability.py"]
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", *tests], cwd=ROOT, env=env)
    for png in sorted(out.glob("*.png")):
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
