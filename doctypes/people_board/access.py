"""Who keeps the people's inspection board's register: the office (Văn phòng Sở); units read what they own."""

from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_office


def may_keep_board(user, unit=None):
    """The office keeps the register of its department's boards (plan 2021 §III.2: it follows the grassroots-democracy
    rules of the agency, which the board supervises); `unit`, when given, must be of the office's department."""
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    return is_office(user) and (unit is None or unit.pk in agency_unit_ids(user))
