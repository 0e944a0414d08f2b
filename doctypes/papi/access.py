"""Who may do what with the PAPI plan: the office manages, a unit reports on its own tasks."""

from papi_inspect.permissions import is_active_staff, is_office, sees_everything, unit_of


def manages_plans(user):
    return is_active_staff(user) and (is_office(user) or user.is_superuser)


def may_report_for(user, unit):
    """Only a unit's own staff report for it (the office reports for Văn phòng Sở, its own unit).

    Accounts placed at the department itself (the director and deputies) oversee the units'
    reports; they do not write them.
    """
    if unit is None or not is_active_staff(user):
        return False
    own = unit_of(user)
    return own is not None and own.kind != own.Kind.DEPARTMENT and unit.pk in own.family_ids()


def sees_all_plan_work(user):
    return sees_everything(user) or is_office(user)
