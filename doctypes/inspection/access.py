"""Who may see and edit inspections: the inspectorate, the team, leadership; subject units read."""

from papi_inspect.permissions import (
    agency_unit_ids, is_active_staff, is_chief_inspector, is_inspectorate, sees_everything,
)


def may_edit_inspection(user, inspection):
    """The Chánh Thanh tra of the same department, or a member of the inspection team."""
    if not is_active_staff(user):
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
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    return is_chief_inspector(user) and (plan is None or plan.owner_id in agency_unit_ids(user))


def sees_all_inspections(user):
    return sees_everything(user)
