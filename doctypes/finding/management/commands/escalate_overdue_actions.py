"""`papi-inspect escalate-overdue-actions`: tell unit heads and leadership about overdue follow-up actions."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from doctypes.finding.services import escalate_overdue_actions


class Command(BaseCommand):
    help = "Báo kiến nghị quá hạn cho thủ trưởng đơn vị thực hiện và lãnh đạo Sở."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="Ngày tính (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args, **options):
        count = escalate_overdue_actions(today=options["today"] or timezone.localdate())
        self.stdout.write(f"Có {count} kiến nghị quá hạn đã được báo.")
