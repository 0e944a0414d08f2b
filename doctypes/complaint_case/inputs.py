"""What each service of the doctype takes: creation and workflow-step inputs, validated the same way
by the API, the back office and the /cases/ screens (their forms are built from these serializers)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.complaint_case.models import ComplaintCase, DenunciationVerifier, Petition, RedactedCopy, Verdict
from doctypes.org.models import Unit
from papi_inspect.choices import ScopedRelated
from papi_inspect.models import Attachment


def _originals(case):
    from doctypes.complaint_case.services.verification import originals_of  # the service decides what an original is

    return originals_of(case)


class IdentityInput(serializers.Serializer):
    """Write-only identity: accepted on creation, never returned."""

    name = serializers.CharField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    id_number = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    representative = serializers.CharField(required=False, allow_blank=True)


class RevealInput(serializers.Serializer):
    reason = serializers.CharField()


def _unit_field():
    return ScopedRelated(queryset=Unit.objects.all())


def _user_field():
    return ScopedRelated(queryset=get_user_model().objects.all(), required=False, allow_null=True)


class PetitionInput(serializers.Serializer):
    received_on = serializers.DateField()
    channel = serializers.ChoiceField(choices=Petition.Channel.choices)
    matter = serializers.CharField()
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    forwarded_by = serializers.CharField(required=False, allow_blank=True, default="")
    anonymous = serializers.BooleanField(required=False, default=False)
    many_signers = serializers.BooleanField(required=False, default=False)
    content_kind = serializers.ChoiceField(choices=Petition._meta.get_field("content_kind").choices, required=False, default="")
    anti_corruption = serializers.BooleanField(required=False, default=False)
    has_verifiable_evidence = serializers.BooleanField(required=False, default=False)
    unit = _unit_field()
    handler = _user_field()
    identity = IdentityInput(required=False)


class ClassifyInput(serializers.Serializer):
    content_kind = serializers.ChoiceField(choices=Petition._meta.get_field("content_kind").choices)
    eligible = serializers.BooleanField()
    within_competence = serializers.BooleanField()
    many_signers = serializers.BooleanField(required=False, allow_null=True, default=None)
    prior_resolution = serializers.ChoiceField(choices=Petition.PriorResolution.choices, required=False, default=None)
    anti_corruption = serializers.BooleanField(required=False, allow_null=True, default=None)
    subject_area = serializers.ChoiceField(choices=Petition.SubjectArea.choices, required=False, default=None)


class OutcomeInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Petition.Outcome.choices)
    decided_on = serializers.DateField(label=_("Ngày xử lý"))
    transfer_to = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="", label=_("Ghi chú"))
    signer = _user_field()


class MergeInput(serializers.Serializer):
    into = ScopedRelated(queryset=Petition.objects.all(), label=_("Gộp vào đơn"),
                         for_record=lambda petition, petitions: petitions.exclude(pk=petition.pk))


class ComplaintInput(serializers.Serializer):
    subject = serializers.CharField()
    complained_act = serializers.CharField()
    complainant_name = serializers.CharField(required=False, allow_blank=True, default="")
    received_on = serializers.DateField()
    level = serializers.ChoiceField(choices=ComplaintCase.Instance.choices, default=1)
    is_complex = serializers.BooleanField(required=False, default=False)
    is_remote = serializers.BooleanField(required=False, default=False)
    anti_corruption = serializers.BooleanField(required=False, default=False)
    unit = _unit_field()
    handler = _user_field()
    petition = ScopedRelated(queryset=Petition.objects.all(), required=False, allow_null=True)


class ComplaintFromPetitionInput(serializers.Serializer):
    complained_act = serializers.CharField(label=_("Quyết định, hành vi bị khiếu nại"))
    subject = serializers.CharField(label=_("Nội dung khiếu nại (để trống: theo đơn)"), required=False, allow_blank=True, default="")
    level = serializers.ChoiceField(label=_("Lần giải quyết"), choices=ComplaintCase.Instance.choices, default=ComplaintCase.Instance.FIRST)
    handler = _user_field()


class DenunciationFromPetitionInput(serializers.Serializer):
    denounced = serializers.CharField(label=_("Người, cơ quan bị tố cáo"))
    subject = serializers.CharField(label=_("Nội dung tố cáo (để trống: theo đơn)"), required=False, allow_blank=True, default="")
    handler = _user_field()


class AcceptInput(serializers.Serializer):
    accepted_on = serializers.DateField()


class VerifyInput(serializers.Serializer):
    verified_on = serializers.DateField()
    result = serializers.CharField()


class DialogueInput(serializers.Serializer):
    held_on = serializers.DateField(label=_("Ngày đối thoại"))
    result = serializers.CharField()


class RemediesInput(serializers.Serializer):
    """What the decision or conclusion recovers, returns and refers; 0 when it does none of it (03/GQKN, 04/GQTC)."""

    recover_money = serializers.DecimalField(max_digits=18, decimal_places=0, min_value=0, required=False, default=0)
    recover_land = serializers.DecimalField(max_digits=14, decimal_places=1, min_value=0, required=False, default=0)
    return_money = serializers.DecimalField(max_digits=18, decimal_places=0, min_value=0, required=False, default=0)
    return_land = serializers.DecimalField(max_digits=14, decimal_places=1, min_value=0, required=False, default=0)
    returned_orgs = serializers.IntegerField(min_value=0, required=False, default=0)
    returned_people = serializers.IntegerField(min_value=0, required=False, default=0)
    disciplined_orgs = serializers.IntegerField(min_value=0, required=False, default=0)
    disciplined_people = serializers.IntegerField(min_value=0, required=False, default=0)
    disciplined_officials = serializers.IntegerField(min_value=0, required=False, default=0)
    referred_cases = serializers.IntegerField(min_value=0, required=False, default=0)
    referred_people = serializers.IntegerField(min_value=0, required=False, default=0)
    referred_officials = serializers.IntegerField(min_value=0, required=False, default=0)


class DecideInput(RemediesInput):
    decided_on = serializers.DateField()
    decision_number = serializers.CharField()
    result = serializers.ChoiceField(choices=ComplaintCase.Result.choices)
    conclusion = serializers.CharField()
    signer = _user_field()


class DenunciationInput(serializers.Serializer):
    subject = serializers.CharField()
    denounced = serializers.CharField()
    received_on = serializers.DateField()
    anonymous = serializers.BooleanField(required=False, default=False)
    anti_corruption = serializers.BooleanField(required=False, default=False)
    unit = _unit_field()
    handler = _user_field()
    identity = IdentityInput(required=False)
    petition = ScopedRelated(queryset=Petition.objects.all(), required=False, allow_null=True)


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(label=_("Lý do"))


class DeclineInput(ReasonInput):
    decided_on = serializers.DateField(label=_("Ngày quyết định"))


class NoticeInput(serializers.Serializer):
    notified_on = serializers.DateField()


class ExtendInput(serializers.Serializer):
    decided_on = serializers.DateField(label=_("Ngày quyết định gia hạn"))
    decision_number = serializers.CharField(label=_("Số quyết định gia hạn"))
    reason = serializers.CharField(label=_("Lý do gia hạn"), help_text=_("Vụ việc phức tạp hoặc đặc biệt phức tạp (Luật Tố cáo 2018, Điều 30)."))


class ConcludeInput(RemediesInput):
    concluded_on = serializers.DateField()
    conclusion = serializers.CharField()
    verdict = serializers.ChoiceField(choices=Verdict.choices)


class WithdrawInput(serializers.Serializer):
    withdrawn_on = serializers.DateField(label=_("Ngày rút đơn"))
    reason = serializers.CharField(label=_("Lý do rút, căn cứ đình chỉ"))


class HandleInput(serializers.Serializer):
    handled_on = serializers.DateField()
    handling = serializers.CharField()


class ReportRequestInput(serializers.Serializer):
    requested_on = serializers.DateField(label=_("Ngày yêu cầu báo cáo"))


class AssignVerifierInput(serializers.Serializer):
    # The agency's own staff only, never the system administrator (scope_choices); the service refuses a conflict.
    user = ScopedRelated(queryset=get_user_model().objects.filter(is_active=True), label=_("Người được giao xác minh"))
    team_role = serializers.ChoiceField(choices=DenunciationVerifier.TeamRole.choices, default=DenunciationVerifier.TeamRole.MEMBER,
                                        label=_("Vai trò trong tổ xác minh"))
    assigned_on = serializers.DateField(required=False, label=_("Ngày giao xác minh"))


class VerifierInput(serializers.Serializer):
    user = ScopedRelated(queryset=get_user_model().objects.all(), label=_("Người thôi giao xác minh"),
                         for_record=lambda case, people: people.filter(pk__in=case.verifiers.values("user")))


class EmptyInput(serializers.Serializer):
    pass


class ConfirmCopyInput(serializers.Serializer):
    copy = ScopedRelated(queryset=RedactedCopy.objects.filter(confirmed_at__isnull=True), label=_("Bản che đã kiểm tra"),
                         for_record=lambda case, copies: copies.filter(denunciation=case))


class RedactedUploadInput(serializers.Serializer):
    original = ScopedRelated(queryset=Attachment.objects.all(), label=_("Tệp gốc cần che"),
                             for_record=lambda case, files: files.filter(pk__in=_originals(case).values("pk")))
    uploaded_file = serializers.FileField(label=_("Bản che (PDF, ảnh)"))
