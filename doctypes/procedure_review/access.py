"""Who may review administrative procedures (TTHC) and import the one-stop desk's statistics: the office."""

from papi_inspect.permissions import is_active_staff, is_office


def may_review_procedures(user):
    """Văn phòng Sở keeps the TTHC catalogue, reviews procedures and imports late-handling statistics."""
    return is_active_staff(user) and (user.is_superuser or is_office(user))
