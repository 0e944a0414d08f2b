"""Who keeps the anti-corruption registers: the office (Văn phòng Sở) of the record's department."""

from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_office


def may_keep_registers(user, unit=None):
    """The office keeps them, for the units of its own department (a superuser for any)."""
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    return is_office(user) and (unit is None or unit.pk in agency_unit_ids(user))
