"""Who keeps the asset declaration register: the office (Văn phòng, tổ chức cán bộ) of the person's department."""

from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_office


def may_keep_declarations(user, unit=None):
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    return is_office(user) and (unit is None or unit.pk in agency_unit_ids(user))
