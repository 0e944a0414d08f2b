"""The steps of a board's recommendation, declared once: the back office and the API are built from them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.people_board import services
from doctypes.people_board.models import Recommendation
from papi_inspect.steps import Step, Workflow


class FollowUpInput(serializers.Serializer):
    on = serializers.DateField(label=_("Ngày"))
    note = serializers.CharField(label=_("Nội dung theo dõi"))


class ResultInput(serializers.Serializer):
    done_on = serializers.DateField(label=_("Ngày hoàn thành"))
    result = serializers.CharField(label=_("Kết quả giải quyết"))


def _open(recommendation):
    return recommendation.done_on is None


RECOMMENDATION_STEPS = Workflow(Recommendation, [
    Step("follow-up", _("Ghi theo dõi, đôn đốc"), FollowUpInput, services.follow_up, _open),
    Step("result", _("Ghi kết quả giải quyết"), ResultInput, services.record_result, _open),
])
