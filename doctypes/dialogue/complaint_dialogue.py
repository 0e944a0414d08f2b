"""The complaint's step "dialogue" (Luật Khiếu nại 2011 Art. 30) through this register: found by
doctypes/complaint_case/dialogue_link.py, so the complaint doctype, lower in the layers, never imports this app."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.dialogue import services
from doctypes.dialogue.models import Dialogue
from papi_inspect.choices import ScopedRelated
from papi_inspect.steps import Step


class ComplaintDialogueInput(serializers.Serializer):
    """Choose a dialogue already in the register, or record a new one: its day, who chaired it, where, with whom, and
    its result."""

    dialogue = ScopedRelated(queryset=Dialogue.objects.all(), required=False, allow_null=True, default=None,
                             label=_("Cuộc đối thoại đã ghi trong sổ (để trống: ghi cuộc mới)"))
    held_on = serializers.DateField(label=_("Ngày đối thoại"), required=False, allow_null=True, default=None)
    leader = ScopedRelated(queryset=get_user_model().objects.all(), required=False, allow_null=True, default=None,
                           label=_("Người chủ trì (để trống: người ghi)"))
    place = serializers.CharField(label=_("Địa điểm"), required=False, allow_blank=True, default="")
    participants = serializers.CharField(label=_("Thành phần tham dự"), required=False, allow_blank=True, default="")
    result = serializers.CharField(label=_("Kết quả đối thoại"), required=False, allow_blank=True, default="")


def dialogue_step(own):
    """The complaint's own step, re-declared: same name, label and timing, recorded in this register."""
    return Step(own.name, own.label, ComplaintDialogueInput, services.hold_complaint_dialogue, own.when, own.may,
                own.permissions)


def dialogue_result(case):
    return "\n".join(services.dialogue_results(case))
