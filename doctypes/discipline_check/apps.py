"""App config for discipline_check."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisciplineCheckConfig(AppConfig):
    name = "doctypes.discipline_check"
    label = "discipline_check"
    verbose_name = _("Kiểm tra công vụ")
