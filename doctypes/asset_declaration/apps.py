"""App config for asset_declaration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetDeclarationConfig(AppConfig):
    name = "doctypes.asset_declaration"
    label = "asset_declaration"
    verbose_name = _("Kê khai tài sản, thu nhập")
