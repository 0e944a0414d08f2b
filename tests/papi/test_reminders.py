"""Reminders before the plan's reporting dates, once each, and a notice when a unit's report is overdue."""

import datetime

import pytest
from django.core.management import call_command

from doctypes.papi.models.plan import Plan
from papi_inspect.models import Notification
from tests.papi.builders import make_plan

pytestmark = pytest.mark.django_db


def test_it_reminds_units_seven_days_before_their_date_and_only_once(people):
    make_plan()
    call_command("remind_plan_reports", "--today", "2026-03-08")  # unit date 15/3
    subjects = Notification.objects.filter(recipient=people.unit_head).values_list("subject", flat=True)
    assert any("Sắp đến hạn báo cáo kế hoạch PAPI quý 1/2026" in s for s in subjects)
    assert not Notification.objects.filter(recipient=people.outsider).exists()
    count = Notification.objects.count()
    call_command("remind_plan_reports", "--today", "2026-03-08")
    assert Notification.objects.count() == count


def test_it_tells_a_unit_its_report_is_overdue_and_reminds_the_office_of_its_own_date(people):
    make_plan()
    call_command("remind_plan_reports", "--today", "2026-03-18")  # unit date passed; office date 20/3 in 2 days
    assert Notification.objects.filter(recipient=people.unit_staff, subject__startswith="Quá hạn báo cáo").exists()
    assert Notification.objects.filter(recipient=people.office_chief, subject__contains="gửi Sở Nội vụ").exists()
    assert not Notification.objects.filter(recipient=people.leader).exists()


def test_it_sends_nothing_for_a_plan_that_is_not_in_force(people):
    plan = make_plan()
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.CLOSED)
    call_command("remind_plan_reports", "--today", datetime.date(2026, 3, 8).isoformat())
    assert not Notification.objects.exists()
