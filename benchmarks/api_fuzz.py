"""Benchmark: the long schemathesis run over /api/v1/ (the CI-light one is tests/core/test_api_fuzz.py).

Run on demand: `.venv/bin/python benchmarks/api_fuzz.py [EXAMPLES] [--only PATH_PART]`. It runs the same test with
EXAMPLES generated cases per operation, role and generation mode (default 60: about 32,000 requests; the suite
uses 10), on a throwaway test database, and prints the request count, the status codes, the server errors and the
schema failures, then exits with pytest's status (0: no server error, every answer in the schema).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("examples", nargs="?", type=int, default=60,
                        help="cases per operation, role and mode (the suite: 10)")
    parser.add_argument("--only", default="", help="fuzz only the operations whose path contains this")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: a new one each run)")
    options = parser.parse_args()
    env = dict(os.environ, PAPI_FUZZ_EXAMPLES=str(options.examples), PAPI_FUZZ_ONLY=options.only,
               PAPI_FUZZ_SEED=str(options.seed if options.seed is not None else time.time_ns() % 2**32),
               PAPI_FUZZ_MINIMUM="0")
    print(f"schemathesis over /api/v1/: {options.examples} cases per operation, role and mode, seed "
          f"{env['PAPI_FUZZ_SEED']}", flush=True)
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/core/test_api_fuzz.py", "-q", "-s", "-p", "no:logging"],
        cwd=ROOT, env=env,
    )
    print(f"total with the test database: {time.monotonic() - started:.0f} s")
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
