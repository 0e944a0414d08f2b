"""The steps of an inspection, declared once: the back office and the API are built from them.

Each step names exactly what its service takes (Luật Thanh tra 2022, and 84/2025 from 1/7/2025); the
service checks the order, the dates and who may act, and refuses with its reason.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.inspection import services
from doctypes.inspection.access import may_draft_plan, may_edit_inspection
from doctypes.inspection.models import Inspection
from papi_inspect.choices import ScopedRelated
from papi_inspect.steps import Step, Workflow

S = Inspection.Step


def _at(*steps):
    return lambda inspection: inspection.step in steps


def _people(**options):
    return ScopedRelated(queryset=get_user_model().objects.filter(is_active=True), **options)


class DecideInput(serializers.Serializer):
    number = serializers.CharField(label=_("Số quyết định"))
    decided_on = serializers.DateField(label=_("Ngày quyết định"))
    signer = serializers.CharField(label=_("Người ký"))
    leader = _people(label=_("Trưởng đoàn"))
    members = _people(label=_("Thành viên"), many=True, required=False, default=list)


class AnnounceInput(serializers.Serializer):
    announced_on = serializers.DateField(label=_("Ngày công bố"))


class ExtendInput(serializers.Serializer):
    decision_number = serializers.CharField(label=_("Số quyết định gia hạn"))
    decided_on = serializers.DateField(label=_("Ngày quyết định"))


class EndFieldworkInput(serializers.Serializer):
    ended_on = serializers.DateField(label=_("Ngày kết thúc tiến hành"))


class ReportInput(serializers.Serializer):
    reported_on = serializers.DateField(label=_("Ngày báo cáo, dự thảo kết luận"))


class AppraiseInput(serializers.Serializer):
    appraised_on = serializers.DateField(label=_("Ngày thẩm định"))


class ConcludeInput(serializers.Serializer):
    number = serializers.CharField(label=_("Số kết luận"))
    concluded_on = serializers.DateField(label=_("Ngày kết luận"))
    signer = serializers.CharField(label=_("Người ký"))
    summary = serializers.CharField(label=_("Tóm tắt kết luận"), required=False, allow_blank=True, default="")


class PublishInput(serializers.Serializer):
    published_on = serializers.DateField(label=_("Ngày công khai"))


class AmendInput(serializers.Serializer):
    number = serializers.CharField(label=_("Số văn bản sửa đổi, bổ sung"))
    issued_on = serializers.DateField(label=_("Ngày ban hành"))
    reason = serializers.CharField(label=_("Lý do sửa đổi"))
    changes = serializers.CharField(label=_("Nội dung sửa đổi, bổ sung"))


def _may_decide(user, inspection):
    # The Chánh Thanh tra decides before any team exists, so team membership cannot be the test yet.
    return may_edit_inspection(user, inspection) or may_draft_plan(user)


INSPECTION_STEPS = Workflow(Inspection, [
    Step("decide", _("Ra quyết định thanh tra"), DecideInput, services.decide_inspection, _at(S.PLANNED), may=_may_decide),
    Step("announce", _("Công bố quyết định"), AnnounceInput, services.announce_inspection, _at(S.DECIDED),
         may=may_edit_inspection),
    Step("extend", _("Gia hạn thời hạn thanh tra"), ExtendInput, services.extend_fieldwork, _at(S.FIELDWORK),
         may=may_edit_inspection),
    Step("end-fieldwork", _("Kết thúc tiến hành thanh tra"), EndFieldworkInput, services.end_fieldwork, _at(S.FIELDWORK),
         may=may_edit_inspection),
    Step("report", _("Báo cáo kết quả, dự thảo kết luận"), ReportInput, services.report_inspection,
         _at(S.FIELDWORK_ENDED), may=may_edit_inspection),
    Step("appraise", _("Thẩm định dự thảo kết luận"), AppraiseInput, services.appraise_draft,
         lambda i: i.step == S.REPORTED and i.appraisal_required, may=may_edit_inspection),
    Step("conclude", _("Ban hành kết luận"), ConcludeInput, services.conclude_inspection,
         lambda i: i.step == (S.APPRAISED if i.appraisal_required else S.REPORTED), may=may_edit_inspection),
    Step("publish", _("Công khai kết luận"), PublishInput, services.publish_conclusion, _at(S.CONCLUDED),
         may=may_edit_inspection),
    Step("amend", _("Sửa đổi, bổ sung kết luận"), AmendInput, services.amend_conclusion, _at(S.CONCLUDED, S.PUBLISHED),
         may=may_edit_inspection),
])
