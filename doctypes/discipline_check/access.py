"""Who may run discipline checks and procedure reviews: the office and a check's leader; units read their own."""

from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_office


def may_run_checks(user):
    return is_active_staff(user) and (user.is_superuser or is_office(user))


def may_record_results(user, check):
    """The office of the checked unit's department, or the check's team leader (who may be an inspector)."""
    if not is_active_staff(user):
        return False
    if check.leader_id == user.pk or user.is_superuser:
        return True
    return is_office(user) and check.unit_id in agency_unit_ids(user)


def leads_check_under_way(user, check):
    """The check's leader, until the check is finished: he records on the spot (the tablet) what the office then owns."""
    return is_active_staff(user) and check.leader_id == user.pk and check.status == "scheduled"
