"""The steps of a discipline check, declared once: the back office and the API are built from them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.discipline_check import services
from doctypes.discipline_check.models import DisciplineCheck
from papi_inspect.steps import Step, Workflow


class FinishInput(serializers.Serializer):
    conducted_on = serializers.DateField(label=_("Ngày thực hiện"))
    summary = serializers.CharField(label=_("Nhận xét chung"), required=False, allow_blank=True, default="")


CHECK_STEPS = Workflow(DisciplineCheck, [
    Step("finish", _("Kết thúc kiểm tra"), FinishInput, services.finish_check,
         lambda check: check.status == DisciplineCheck.Status.SCHEDULED),
])
