"""The demo loads every step and runs twice without duplicating anything."""

from django.contrib.auth import get_user_model

from doctypes.discipline_check import demo as check_demo
from doctypes.discipline_check.models import DisciplineCheck
from doctypes.finding import demo as finding_demo
from doctypes.finding.models import Action, Finding
from doctypes.inspection import demo
from doctypes.inspection.models import Inspection, InspectionPlan
from doctypes.org.demo import DEMO_USERS, ensure_staff_user
from doctypes.org.models import Unit
from doctypes.procedure_review import demo as review_demo
from doctypes.procedure_review.models import Procedure, ProcedureReview


def _users():
    for username, full_name, position, unit_code, role, rank in DEMO_USERS:
        ensure_staff_user(username, full_name=full_name, position=position, unit=Unit.objects.get(code=unit_code), role=role)
    return {user.username: user for user in get_user_model().objects.filter(username__in=[u[0] for u in DEMO_USERS])}


def test_it_loads_inspections_in_every_step_and_is_idempotent(db):
    users = _users()
    for _ in range(2):
        demo.load(users)
        check_demo.load(users)
        review_demo.load(users)
        finding_demo.load(users)
    assert set(InspectionPlan.objects.values_list("year", flat=True)) == {2025, 2026, 2027}
    assert set(Inspection.objects.values_list("step", flat=True)) == set(Inspection.Step.values)
    assert Inspection.objects.count() == len(demo.DEMO_INSPECTIONS) + 1
    assert Action.objects.filter(status=Action.Status.CLOSED).exists()
    assert Action.objects.exclude(status=Action.Status.CLOSED).filter(due_on__lt="2026-11-28").exists()
    assert DisciplineCheck.objects.count() == len(check_demo.SCHEDULE)
    assert Finding.objects.filter(discipline_check__isnull=False).exists()
    assert Procedure.objects.count() == len(review_demo.CATALOGUE) and ProcedureReview.objects.count() == 2
