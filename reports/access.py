"""Who may draft, generate and freeze the department's statutory reports."""

from papi_inspect.permissions import Role, has_role, is_active_staff, is_chief_inspector, is_inspectorate, is_office


def may_work_on_reports(user):
    """The inspectorate and the office draft the department's reports; leadership reads and signs."""
    return is_inspectorate(user) or is_office(user)


def may_draft(user):
    """The inspectorate and the office draft and generate the department's reports."""
    return is_active_staff(user) and (user.is_superuser or may_work_on_reports(user))


def may_freeze(user):
    """Leadership signs (TT 06/2025 Điều 8); the chief inspector freezes when the head delegates."""
    return is_active_staff(user) and (user.is_superuser or has_role(user, Role.LEADERSHIP) or is_chief_inspector(user))
