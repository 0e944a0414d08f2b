"""App config for anticorruption."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnticorruptionConfig(AppConfig):
    name = "doctypes.anticorruption"
    label = "anticorruption"
    verbose_name = _("Phòng, chống tham nhũng")
