"""App config for procedure_review."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcedureReviewConfig(AppConfig):
    name = "doctypes.procedure_review"
    label = "procedure_review"
    verbose_name = _("Thủ tục hành chính")
