"""Screenshots of the back office's front door at 1366×768 and 1024×768: the reception and petition add forms, the
classify step and the outcome step with its dd/mm/yyyy date picker open.

Run: `.venv/bin/python scripts/backoffice_screenshots.py [OUT_DIR]` (default docs/screens/). It runs the back office's
Playwright browser tests, which save each screen when PAPI_BACKOFFICE_SCREENSHOTS is set.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screens"
    env = {**os.environ, "PAPI_BACKOFFICE_SCREENSHOTS": str(out.resolve()), "PAPI_REQUIRE_BROWSER": "1"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/backoffice/test_browser.py"],
                            cwd=ROOT, env=env)
    for png in sorted(out.glob("*.png")):
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
