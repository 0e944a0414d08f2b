"""The steps of a dialogue's commitment, declared once: the back office and the API are built from them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.dialogue import services
from doctypes.dialogue.models import Commitment
from papi_inspect.steps import Step, Workflow


class FollowUpInput(serializers.Serializer):
    on = serializers.DateField(label=_("Ngày"))
    note = serializers.CharField(label=_("Nội dung theo dõi"))


class ResultInput(serializers.Serializer):
    done_on = serializers.DateField(label=_("Ngày hoàn thành"))
    result = serializers.CharField(label=_("Kết quả thực hiện"))


def _open(commitment):
    return commitment.done_on is None


COMMITMENT_STEPS = Workflow(Commitment, [
    Step("follow-up", _("Ghi theo dõi, đôn đốc"), FollowUpInput, services.follow_up, _open),
    Step("result", _("Ghi kết quả thực hiện"), ResultInput, services.record_result, _open),
])
