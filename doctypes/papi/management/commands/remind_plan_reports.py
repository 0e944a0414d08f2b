"""`papi-inspect remind-plan-reports`: remind units and the office before PAPI report dates, and flag overdue ones."""

import datetime

from django.core.management.base import BaseCommand

from doctypes.papi.reminders import send_plan_report_reminders


class Command(BaseCommand):
    help = "Nhắc các đơn vị và Văn phòng trước hạn báo cáo kế hoạch PAPI; báo quá hạn."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="Ngày tính (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args, **options):
        sent = send_plan_report_reminders(today=options["today"])
        self.stdout.write(f"Đã gửi {sent} thông báo.")
