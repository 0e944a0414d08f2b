"""Reminders before each plan reporting date, and notices once a report is overdue (a daily job)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from doctypes.papi.models.plan import Plan
from doctypes.papi.models.report import OfficeReport
from doctypes.papi.services import reporting_board
from papi_inspect.notifications import notify
from papi_inspect.permissions import Role

# How many days before a date the reminders go out; each is sent once (the key says which).
REMIND_DAYS_BEFORE = (7, 2)


def _staff(unit_ids, *roles):
    users = get_user_model().objects.filter(is_active=True, staff_profile__unit_id__in=unit_ids)
    return users.filter(groups__name__in=[str(role) for role in roles]).distinct()


def _office(plan):
    return _staff(plan.owner.family_ids(), Role.OFFICE_CLERK, Role.OFFICE_CHIEF)


def send_plan_report_reminders(*, today=None):
    """Notify units before their report date and when overdue; the office before its own date. Returns count sent."""
    today = today or timezone.localdate()
    sent = 0
    for plan in current_plans(today):
        for date in plan.report_dates.all():
            sent += _remind_units(plan, date.quarter, today)
            sent += _remind_office(plan, date, today)
    return sent


def current_plans(today):
    """Each department's latest plan in force: the seed plan covers "2021 and the following years"."""
    latest = {}
    for plan in Plan.objects.filter(status=Plan.Status.IN_FORCE, year__lte=today.year).order_by("year"):
        latest[plan.owner_id] = plan
    return list(latest.values())


def _remind_units(plan, quarter, today):
    sent = 0
    link = reverse("papi:my-reports")
    for row in reporting_board(plan, year=today.year, quarter=quarter, today=today):
        days = (row["due_on"] - today).days
        if row["state"] in ("submitted", "late"):
            continue
        if days in REMIND_DAYS_BEFORE:
            subject = f"Sắp đến hạn báo cáo kế hoạch PAPI quý {quarter}/{today.year} ({row['due_on']:%d/%m/%Y})"
            key = f"papi-unit-report:{plan.pk}:{today.year}:{quarter}:{row['unit'].pk}:{days}"
        elif row["state"] == "overdue":
            subject = f"Quá hạn báo cáo kế hoạch PAPI quý {quarter}/{today.year} (hạn {row['due_on']:%d/%m/%Y})"
            key = f"papi-unit-report:{plan.pk}:{today.year}:{quarter}:{row['unit'].pk}:overdue"
        else:
            continue
        for user in _staff([row["unit"].pk], Role.UNIT_HEAD, Role.UNIT_STAFF, Role.CHIEF_INSPECTOR, Role.INSPECTOR,
                           Role.OFFICE_CLERK, Role.OFFICE_CHIEF):
            sent += notify(user, subject=subject, body=f"Đơn vị: {row['unit']}.", link=link, key=key) is not None
    return sent


def _remind_office(plan, date, today):
    due = date.office_due_on(today.year)
    days = (due - today).days
    if days not in REMIND_DAYS_BEFORE:
        return 0
    if OfficeReport.objects.filter(plan=plan, year=today.year, quarter=date.quarter, status=OfficeReport.Status.FROZEN).exists():
        return 0
    subject = f"Hạn gửi Sở Nội vụ báo cáo PAPI {date.period_label.lower()} năm {today.year}: {due:%d/%m/%Y}"
    key = f"papi-office-report:{plan.pk}:{today.year}:{date.quarter}:{days}"
    return sum(notify(user, subject=subject, key=key) is not None for user in _office(plan))
