"""Who may run discipline checks and procedure reviews: the office; units read their own."""

from papi_inspect.permissions import Role, has_role


def is_office(user):
    """Văn phòng Sở owns discipline checks and procedure reviews."""
    return has_role(user, Role.OFFICE_CLERK, Role.OFFICE_CHIEF)


def may_run_checks(user):
    return bool(user and user.is_authenticated and user.is_active) and (user.is_superuser or is_office(user))
