"""What an inspector has to do today and this week: inspections in fieldwork, checks they run, verifications."""

import datetime

from django.urls import reverse

from doctypes.discipline_check.access import may_record_results
from doctypes.discipline_check.models import CheckResult, DisciplineCheck
from doctypes.finding.access import may_verify
from doctypes.finding.models import Action
from doctypes.inspection.models import Inspection
from tablet.services import versions_of


def week_of(today):
    """Monday to Sunday of the week holding `today`."""
    start = today - datetime.timedelta(days=today.weekday())
    return start, start + datetime.timedelta(days=6)


def team_inspections(user):
    """Inspections in fieldwork whose team the user is on (a chief inspector not on the team edits from the desk)."""
    return (Inspection.objects.visible_to(user).filter(step=Inspection.Step.FIELDWORK, team__member=user)
            .distinct().prefetch_related("subject_units").order_by("fieldwork_due", "pk"))


def run_checks(user, *, until):
    checks = (DisciplineCheck.objects.visible_to(user).filter(status=DisciplineCheck.Status.SCHEDULED, scheduled_on__lte=until)
              .select_related("unit", "template").order_by("scheduled_on", "pk"))
    return [check for check in checks if may_record_results(user, check)]


def pending_verifications(user):
    actions = (Action.objects.visible_to(user).filter(status=Action.Status.IN_PROGRESS)
               .select_related("owner_unit", "finding__inspection").order_by("due_on", "pk"))
    return [action for action in actions if _verifies(user, action)]


def _verifies(user, action):
    inspection = action.finding.inspection
    on_team = inspection is None or inspection.team.filter(member=user).exists()
    return on_team and may_verify(user, action)


def checklist(check):
    """The check's items with the unit-level result and its version (the base a device quotes to change it)."""
    # A pending line (made from the template when the check was scheduled) is no result yet: the device starts it.
    recorded = CheckResult.objects.filter(check_record=check, staff=None).exclude(outcome=CheckResult.Outcome.PENDING)
    results = {r.item_id: r for r in recorded}
    versions = versions_of(CheckResult, [r.pk for r in results.values()])
    items = []
    for item in check.template.items.all():
        result = results.get(item.pk)
        items.append({
            "id": item.pk, "text": item.text, "area": item.get_area_display(),
            "outcome": result.outcome if result else "", "note": result.note if result else "",
            "version": versions.get(result.pk) if result else None,
        })
    return items


def _inspection(inspection):
    return {
        "id": inspection.pk, "title": inspection.title, "decision_number": inspection.decision_number,
        "subject_units": [unit.name for unit in inspection.subject_units.all()],
        "fieldwork_due": inspection.fieldwork_due.isoformat() if inspection.fieldwork_due else None,
        "url": reverse("tablet:inspection", args=[inspection.pk]),
        "finding_url": reverse("tablet:inspection-finding", args=[inspection.pk]),
    }


def _check(check):
    return {
        "id": check.pk, "unit": check.unit.name, "scheduled_on": check.scheduled_on.isoformat(), "announced": check.announced,
        "template": check.template.name, "url": reverse("tablet:check", args=[check.pk]), "items": checklist(check),
    }


def _verification(action, version):
    return {
        "id": action.pk, "description": action.description, "owner_unit": action.owner_unit.name,
        "due_on": action.due_on.isoformat(), "version": version, "url": reverse("tablet:verify", args=[action.pk]),
    }


def assignments_for(user, *, today):
    """{"today": {...}, "week": {...}} of inspections, checks and verifications, plus every page to keep offline."""
    start, end = week_of(today)
    inspections = [_inspection(inspection) for inspection in team_inspections(user)]
    checks = run_checks(user, until=end)
    actions = pending_verifications(user)
    action_versions = versions_of(Action, [action.pk for action in actions])
    verifications = [(action, _verification(action, action_versions.get(action.pk))) for action in actions]
    answer = {
        "user": {"id": user.pk, "name": user.get_full_name() or user.username},
        "today": today.isoformat(), "week_start": start.isoformat(), "week_end": end.isoformat(),
        "inspections": inspections,
        "checks_today": [_check(check) for check in checks if check.scheduled_on <= today],
        "checks_week": [_check(check) for check in checks if check.scheduled_on > today],
        "verifications_today": [data for action, data in verifications if action.due_on <= today],
        "verifications_week": [data for action, data in verifications if action.due_on > today],
    }
    answer["pages"] = _pages(answer)
    return answer


def _pages(answer):
    pages = [reverse("tablet:home"), reverse("tablet:queue")]
    for inspection in answer["inspections"]:
        pages += [inspection["url"], inspection["finding_url"]]
    for check in answer["checks_today"] + answer["checks_week"]:
        pages += [check["url"], reverse("tablet:check-finding", args=[check["id"]])]
    pages += [v["url"] for v in answer["verifications_today"] + answer["verifications_week"]]
    return pages
