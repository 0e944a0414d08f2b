"""Who may see and edit findings: their source's owners edit; the unit concerned reads and reports progress."""

from django.db.models import Q

from doctypes.discipline_check.access import leads_check_under_way
from doctypes.discipline_check.models import DisciplineCheck
from doctypes.inspection.access import may_edit_inspection
from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_inspectorate, is_office, own_unit_ids


def finding_filter(user):
    """The Q over Finding for a staff member who is not leadership."""
    allowed = Q(unit_id__in=own_unit_ids(user))
    agency = agency_unit_ids(user)
    if is_inspectorate(user):
        allowed |= Q(inspection__owner_id__in=agency)
    if is_office(user):
        allowed |= Q(inspection__isnull=True, unit_id__in=agency)
    # A check's leader reads what was found on the checks he led (he recorded it on the spot).
    # As a subquery on the indexed key, not a join: OR-ed with the unit test, the join made the database read
    # every finding of the province for a unit head's first page.
    allowed |= Q(discipline_check_id__in=DisciplineCheck.objects.filter(leader=user).values("pk"))
    return allowed


def may_edit_finding(user, finding):
    """The inspection team edits inspection findings; the office edits check and review findings.

    A check's leader also records findings on his check while it is under way, as he records its results.
    """
    if not is_active_staff(user):
        return False
    if finding.inspection_id:
        return may_edit_inspection(user, finding.inspection)
    if finding.discipline_check_id and leads_check_under_way(user, finding.discipline_check):
        return True
    return user.is_superuser or (is_office(user) and finding.unit_id in agency_unit_ids(user))


def may_report_progress(user, action):
    """The owner unit's staff report progress on its own actions (and the finding's editors)."""
    if not is_active_staff(user):
        return False
    return action.owner_unit_id in own_unit_ids(user) or may_edit_finding(user, action.finding)


def may_verify(user, action):
    """Only whoever may edit the finding (the inspector, or the office for its checks) verifies."""
    return may_edit_finding(user, action.finding)
