"""`papi-inspect run-daily-jobs`: the daily jobs (reminders, plan reports, escalations) once, or every day."""

import time

from django.core.management.base import CommandError

from papi_inspect.command_errors import OneLineErrorCommand
from papi_inspect.scheduler import available_daily_jobs, run_daily_jobs, seconds_until


class Command(OneLineErrorCommand):
    help = "Chạy các việc hằng ngày (nhắc hạn, nhắc báo cáo kế hoạch…) một lần, hoặc mỗi ngày với --every-day-at GIỜ."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every-day-at", type=int, metavar="GIỜ", choices=range(24),
            help="chạy mãi, mỗi ngày một lần vào giờ này (tiến trình 'clock' của Procfile); bỏ trống: chạy một lần",
        )

    def handle(self, *args, every_day_at=None, **options):
        if every_day_at is None:
            self._run_once()
            return
        while True:
            time.sleep(seconds_until(every_day_at))
            try:
                self._run_once()
            except CommandError as error:  # logged by the scheduler; tomorrow's run must still happen
                self.stderr.write(f"Lỗi: {error}")

    def _run_once(self):
        self.stdout.write("Việc hằng ngày: " + (", ".join(available_daily_jobs()) or "không có"))
        failed = run_daily_jobs()
        if failed:
            # A systemd timer or cron shows a failed run only through the exit code.
            raise CommandError(f"Việc hằng ngày bị lỗi: {', '.join(failed)} (chi tiết trong nhật ký).", returncode=1)
