"""Who keeps the register of leaders' dialogues with citizens: the inspectorate; units read the commitments they own."""

from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_inspectorate


def may_keep_dialogues(user, unit=None):
    """The inspectorate advises the leaders to hold dialogues and keeps their record (plan 2021 §III.4); `unit`, when
    given, must be of the inspectorate's department."""
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    return is_inspectorate(user) and (unit is None or unit.pk in agency_unit_ids(user))
