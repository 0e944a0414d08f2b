"""App config for citizen_reception."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizenReceptionConfig(AppConfig):
    name = "doctypes.citizen_reception"
    label = "citizen_reception"
    verbose_name = _("Tiếp công dân")
