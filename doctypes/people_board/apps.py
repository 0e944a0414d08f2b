"""App config for people_board."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleBoardConfig(AppConfig):
    name = "doctypes.people_board"
    label = "people_board"
    verbose_name = _("Ban Thanh tra nhân dân")
