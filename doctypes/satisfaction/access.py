"""Who keeps the satisfaction results: the office (it holds the one-stop desk's and the province's exports)."""

from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_office


def may_keep_satisfaction(user, unit=None):
    """The office, for the units of its department (`unit=None`: for some unit)."""
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    return is_office(user) and (unit is None or unit.pk in agency_unit_ids(user))
