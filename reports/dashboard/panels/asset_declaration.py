"""Dashboard row of the asset declarations: received / due / overdue."""

from django.utils.translation import gettext_lazy as _

from doctypes.asset_declaration.models import DeclarationDuty
from reports.dashboard.panels import DuePanel

PANELS = [DuePanel(DeclarationDuty, _("Kê khai tài sản, thu nhập"), due="due_on", done="submitted_on", papi="4")]
