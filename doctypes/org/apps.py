"""App config for the organisation: units, staff and roles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def full_name_or_login(user):
    """A person as the office names them ("Nguyễn Văn Hùng"); the login only for an account with no name."""
    return user.get_full_name() or user.get_username()


class OrgConfig(AppConfig):
    name = "doctypes.org"
    label = "org"
    verbose_name = _("Tổ chức")

    def ready(self):
        from django.contrib.auth import get_user_model

        # Every list, history row and choice that shows a user shows the name, not the login (issue 13): the
        # full name is kept in first_name (org/demo.py ensure_staff_user), so this costs no query per row.
        get_user_model().__str__ = full_name_or_login
