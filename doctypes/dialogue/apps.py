"""App config for dialogue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "doctypes.dialogue"
    label = "dialogue"
    verbose_name = _("Đối thoại với người dân")
