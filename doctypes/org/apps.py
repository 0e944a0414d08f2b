"""App config for the organisation: units, staff and roles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "doctypes.org"
    label = "org"
    verbose_name = _("Tổ chức")
