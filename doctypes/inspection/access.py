"""Who may see and edit inspections: the inspectorate, the team, leadership; subject units read."""

from papi_inspect.permissions import Role, has_role, sees_everything, unit_of


def is_inspectorate(user):
    """The Chánh Thanh tra and the inspectors of the department's inspectorate."""
    return has_role(user, Role.CHIEF_INSPECTOR, Role.INSPECTOR)


def is_chief_inspector(user):
    return has_role(user, Role.CHIEF_INSPECTOR)


def agency_unit_ids(user):
    """Every unit of the user's department (Sở), or an empty set for accounts without a unit."""
    unit = unit_of(user)
    return unit.agency().family_ids() if unit else set()


def own_unit_ids(user):
    """The user's unit and the units below it."""
    unit = unit_of(user)
    return unit.family_ids() if unit else set()


def may_edit_inspection(user, inspection):
    """The Chánh Thanh tra of the same department, or a member of the inspection team."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if inspection.owner_id not in agency_unit_ids(user):
        return False
    if is_chief_inspector(user):
        return True
    return is_inspectorate(user) and inspection.team.filter(member=user).exists()


def may_draft_plan(user, plan=None):
    """The Chánh Thanh tra drafts and approves the annual plan (Luật Thanh tra 2022)."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return is_chief_inspector(user) and (plan is None or plan.owner_id in agency_unit_ids(user))


def sees_all_inspections(user):
    return sees_everything(user)
