"""papi-inspect send-reminders: the daily deadline reminders for petitions, complaints and denunciations."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from doctypes.complaint_case.reminders import send_reminders


class Command(BaseCommand):
    help = "Nhắc hạn xử lý đơn, giải quyết khiếu nại, tố cáo (chạy hằng ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày chạy (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args, **options):
        today = None
        if options.get("date"):
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("Ngày không hợp lệ, dùng dạng YYYY-MM-DD.", returncode=2) from error
        sent = send_reminders(today=today)
        self.stdout.write(f"Đã gửi {sent} thông báo nhắc hạn.")
