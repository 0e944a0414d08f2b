"""App config of the core: calendar, deadline rules, attachments and shared helpers."""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "papi_inspect"
    label = "papi_inspect"
    verbose_name = _("Hệ thống chung")


class LoginLockConfig(AxesAppConfig):
    """django-axes under a Vietnamese name in the back office (axes itself ships no vi catalogue)."""

    verbose_name = _("Khóa đăng nhập")
