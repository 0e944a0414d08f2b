"""Who may see and edit findings: their source's owners edit; the unit concerned reads and reports progress."""

from django.db.models import Q

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
    return allowed


def may_edit_finding(user, finding):
    """The inspection team edits inspection findings; the office edits check and review findings."""
    if not is_active_staff(user):
        return False
    if finding.inspection_id:
        return may_edit_inspection(user, finding.inspection)
    return user.is_superuser or (is_office(user) and finding.unit_id in agency_unit_ids(user))


def may_report_progress(user, action):
    """The owner unit's staff report progress on its own actions (and the finding's editors)."""
    if not is_active_staff(user):
        return False
    return action.owner_unit_id in own_unit_ids(user) or may_edit_finding(user, action.finding)


def may_verify(user, action):
    """Only whoever may edit the finding (the inspector, or the office for its checks) verifies."""
    return may_edit_finding(user, action.finding)
