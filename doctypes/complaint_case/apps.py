"""App config for complaint_case."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintCaseConfig(AppConfig):
    name = "doctypes.complaint_case"
    label = "complaint_case"
    verbose_name = _("Đơn thư, khiếu nại, tố cáo")
