"""Who keeps the register of corruption, waste and negative cases: the inspectorate of the unit's department."""

from papi_inspect.permissions import agency_unit_ids, is_active_staff, is_inspectorate


def may_keep_cases(user, unit=None):
    """The Chánh Thanh tra and the inspectors record the cases found in their department (Luật PCTN 2018 Điều 59–60
    give the inspectorate the detection of corruption in the agency); `unit`, when given, must be of that department."""
    if not is_active_staff(user) or not (user.is_superuser or is_inspectorate(user)):
        return False
    return unit is None or user.is_superuser or unit.pk in agency_unit_ids(user)
