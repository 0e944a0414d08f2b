"""Demo work for the tablet: the demo inspector leads a discipline check today and another later this week."""

import datetime

from django.db import transaction
from django.utils import timezone

from doctypes.discipline_check import services
from doctypes.discipline_check.models import ChecklistTemplate, DisciplineCheck
from doctypes.org.models import Unit

# unit code, days from today (kept inside the current week where it can be), announced
CHECKS = [("snnmt-ccthuyloi", 0, False), ("snnmt-cctt", 2, True)]


@transaction.atomic
def load(users):
    """Idempotent per week: the inspector's checks are made only if none of theirs is scheduled in this week.

    The fieldwork inspection and the recommendations waiting for verification come from the inspection demo,
    where the demo inspector leads the teams.
    """
    inspector, clerk = users["thanhtravien"], users["vanphong"]
    template = ChecklistTemplate.objects.filter(active=True).order_by("pk").first()
    if template is None:
        return
    today = timezone.localdate()
    week_start = today - datetime.timedelta(days=today.weekday())
    week_end = week_start + datetime.timedelta(days=6)
    if DisciplineCheck.objects.filter(leader=inspector, scheduled_on__range=(week_start, week_end)).exists():
        return
    for code, days, announced in CHECKS:
        on = min(today + datetime.timedelta(days=days), week_end)
        services.schedule_check(by=clerk, template=template, unit=Unit.objects.get(code=code), scheduled_on=on,
                                announced=announced, leader=inspector)
