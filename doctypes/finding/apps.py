"""App config for finding."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindingConfig(AppConfig):
    name = "doctypes.finding"
    label = "finding"
    verbose_name = _("Phát hiện, kiến nghị, xử lý vi phạm")
