"""App config for PAPI: dimensions and sub-dimensions (later: the plan, reports and scores)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PapiConfig(AppConfig):
    name = "doctypes.papi"
    label = "papi"
    verbose_name = _("PAPI")
