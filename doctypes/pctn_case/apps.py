"""App config for pctn_case."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PctnCaseConfig(AppConfig):
    name = "doctypes.pctn_case"
    label = "pctn_case"
    verbose_name = _("Vụ việc tham nhũng, lãng phí, tiêu cực")
