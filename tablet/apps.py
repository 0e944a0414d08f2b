"""App config for tablet."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TabletConfig(AppConfig):
    name = "tablet"
    label = "tablet"
    verbose_name = _("Máy tính bảng thanh tra viên")
