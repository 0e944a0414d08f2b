"""App config of the core: calendar, deadline rules, attachments and shared helpers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "papi_inspect"
    label = "papi_inspect"
    verbose_name = _("Hệ thống chung")
