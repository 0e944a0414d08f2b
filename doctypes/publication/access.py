"""Who keeps the publication register: the unit that publishes (for itself) and the office (for the department)."""

from papi_inspect.permissions import Role, agency_unit_ids, has_role, is_active_staff, is_office, own_unit_ids

# The roles that record what their own unit published (a unit's staff and head; the inspectorate publishes its conclusions).
UNIT_KEEPERS = (Role.UNIT_STAFF, Role.UNIT_HEAD, Role.CHIEF_INSPECTOR, Role.INSPECTOR)


def may_keep_publications(user, unit=None):
    """The office for any unit of its department; a unit's staff for their own unit; `unit=None`: for some unit."""
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    if is_office(user):
        return unit is None or unit.pk in agency_unit_ids(user)
    if has_role(user, *UNIT_KEEPERS):
        return unit is None or unit.pk in own_unit_ids(user)
    return False
