"""What each service of the doctype takes: creation and workflow-step inputs, validated the same way
by the API, the back office and the /cases/ screens (their forms are built from these serializers)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.complaint_case.models import ComplaintCase, DenunciationVerifier, Petition, RedactedCopy
from doctypes.org.models import Unit
from papi_inspect.models import Attachment


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
    return serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())


def _user_field():
    return serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.all(), required=False, allow_null=True)


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


class OutcomeInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Petition.Outcome.choices)
    decided_on = serializers.DateField()
    transfer_to = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    signer = _user_field()


class MergeInput(serializers.Serializer):
    into = serializers.PrimaryKeyRelatedField(queryset=Petition.objects.all())


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
    petition = serializers.PrimaryKeyRelatedField(queryset=Petition.objects.all(), required=False, allow_null=True)


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
    held_on = serializers.DateField()
    result = serializers.CharField()


class DecideInput(serializers.Serializer):
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
    petition = serializers.PrimaryKeyRelatedField(queryset=Petition.objects.all(), required=False, allow_null=True)


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField()


class DeclineInput(ReasonInput):
    decided_on = serializers.DateField()


class NoticeInput(serializers.Serializer):
    notified_on = serializers.DateField()


class ExtendInput(serializers.Serializer):
    decided_on = serializers.DateField()
    decision_number = serializers.CharField()
    reason = serializers.CharField()


class ConcludeInput(serializers.Serializer):
    concluded_on = serializers.DateField()
    conclusion = serializers.CharField()


class HandleInput(serializers.Serializer):
    handled_on = serializers.DateField()
    handling = serializers.CharField()


class ReportRequestInput(serializers.Serializer):
    requested_on = serializers.DateField()


class AssignVerifierInput(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.filter(is_active=True))
    team_role = serializers.ChoiceField(choices=DenunciationVerifier.TeamRole.choices, default=DenunciationVerifier.TeamRole.MEMBER)
    assigned_on = serializers.DateField(required=False)


class VerifierInput(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.all())


class EmptyInput(serializers.Serializer):
    pass


class ConfirmCopyInput(serializers.Serializer):
    copy = serializers.PrimaryKeyRelatedField(queryset=RedactedCopy.objects.filter(confirmed_at__isnull=True))


class RedactedUploadInput(serializers.Serializer):
    original = serializers.PrimaryKeyRelatedField(queryset=Attachment.objects.all())
    uploaded_file = serializers.FileField()
