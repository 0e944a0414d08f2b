"""`papi-inspect generate --scale department|province|national [--seed N]`: a realistic data set for benchmarks."""

import time

from django.conf import settings
from django.core.management.base import CommandError

from papi_inspect.command_errors import OneLineErrorCommand
from papi_inspect.generate import SCALES, generate


class Command(OneLineErrorCommand):
    help = "Sinh dữ liệu giả lập thực tế (10 năm) để đo hiệu năng: --scale department|province|national [--seed N]."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="department")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale, seed, **options):
        # Generated rows mix with real ones and cannot be told apart by a user: never on a real server.
        if settings.PRODUCTION:
            raise CommandError("Không sinh dữ liệu giả lập khi PAPI_ENV=production.", returncode=2)
        started = time.perf_counter()
        made = generate(scale, seed, say=self.stdout.write)
        for name, count in made.items():
            self.stdout.write(f"  {name:<40} {count:>10,}")
        self.stdout.write(f"Tổng thời gian: {time.perf_counter() - started:.1f} s")
