"""App config for inspection."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionConfig(AppConfig):
    name = "doctypes.inspection"
    label = "inspection"
    verbose_name = _("Thanh tra")
