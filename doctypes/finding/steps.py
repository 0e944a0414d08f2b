"""The steps of a follow-up action, declared once: the back office and the API are built from them.

The owner unit reports progress; whoever may edit the finding verifies the result and closes the action.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.finding import services
from doctypes.finding.access import may_report_progress, may_verify
from doctypes.finding.models import Action
from papi_inspect.steps import Step, Workflow

A = Action.Status


class ProgressInput(serializers.Serializer):
    reported_on = serializers.DateField(label=_("Ngày báo cáo"))
    note = serializers.CharField(label=_("Kết quả thực hiện"))
    amount_recovered = serializers.DecimalField(label=_("Số tiền đã thu hồi thêm (đồng)"), max_digits=18, decimal_places=0,
                                                required=False, default=Decimal(0))


class VerifyInput(serializers.Serializer):
    verified_on = serializers.DateField(label=_("Ngày kiểm tra, xác nhận"))
    note = serializers.CharField(label=_("Ghi chú"), required=False, allow_blank=True, default="")


class CloseInput(serializers.Serializer):
    closed_on = serializers.DateField(label=_("Ngày đóng"))


ACTION_STEPS = Workflow(Action, [
    Step("progress", _("Báo cáo tiến độ"), ProgressInput, services.report_action_progress,
         lambda action: action.status in (A.OPEN, A.IN_PROGRESS), may=may_report_progress,
         permissions=("finding.add_actionprogress", "finding.change_action")),
    Step("verify", _("Xác nhận kết quả thực hiện"), VerifyInput, services.verify_action,
         lambda action: action.status == A.IN_PROGRESS, may=may_verify),
    Step("close", _("Đóng kiến nghị"), CloseInput, services.close_action, lambda action: action.status == A.VERIFIED,
         may=may_verify),
])
