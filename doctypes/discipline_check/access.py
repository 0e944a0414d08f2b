"""Who may run discipline checks and procedure reviews: the office and a check's leader; units read their own."""

from doctypes.inspection.access import agency_unit_ids
from papi_inspect.permissions import Role, has_role


def is_office(user):
    """Văn phòng Sở owns discipline checks and procedure reviews."""
    return has_role(user, Role.OFFICE_CLERK, Role.OFFICE_CHIEF)


def may_run_checks(user):
    return bool(user and user.is_authenticated and user.is_active) and (user.is_superuser or is_office(user))


def may_record_results(user, check):
    """The office of the checked unit's department, or the check's team leader (who may be an inspector)."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if check.leader_id == user.pk or user.is_superuser:
        return True
    return is_office(user) and check.unit_id in agency_unit_ids(user)


def leads_check_under_way(user, check):
    """The check's leader, until the check is finished: he records on the spot (the tablet) what the office then owns."""
    return bool(user and user.is_authenticated and user.is_active) and check.leader_id == user.pk and check.status == "scheduled"
