"""Who may do what with the PAPI plan: the office manages, a unit reports on its own tasks."""

from papi_inspect.permissions import Role, has_role, sees_everything, unit_of


def is_office(user):
    """The department's office (Văn phòng Sở) manages plans and the roll-up to Sở Nội vụ."""
    return has_role(user, Role.OFFICE_CLERK, Role.OFFICE_CHIEF)


def agency_unit_ids(user):
    """Every unit of the user's department (Sở), or an empty set for accounts without a unit."""
    unit = unit_of(user)
    return unit.agency().family_ids() if unit else set()


def own_unit_ids(user):
    """The user's unit and the units below it: what a unit reports for."""
    unit = unit_of(user)
    return unit.family_ids() if unit else set()


def manages_plans(user):
    return bool(user and user.is_authenticated and user.is_active) and (is_office(user) or user.is_superuser)


def may_report_for(user, unit):
    """Only a unit's own staff report for it (the office reports for Văn phòng Sở, its own unit).

    Accounts placed at the department itself (the director and deputies) oversee the units'
    reports; they do not write them.
    """
    if unit is None or not user or not user.is_authenticated or not user.is_active:
        return False
    own = unit_of(user)
    return own is not None and own.kind != own.Kind.DEPARTMENT and unit.pk in own.family_ids()


def sees_all_plan_work(user):
    return sees_everything(user) or is_office(user)
