"""API for petitions, complaint cases, denunciations and the identity access log (/api/v1/)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from rest_framework import serializers

from django.urls import reverse
from rest_framework.decorators import action
from rest_framework.response import Response

from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services import complaint as complaints
from doctypes.complaint_case.services import denunciation as denunciations
from doctypes.complaint_case.services import verification
from doctypes.complaint_case.api_base import HIDDEN_FIELDS, CaseViewSet, IdentityInput, step
from doctypes.complaint_case.models import (
    ComplaintCase, Denunciation, DenunciationExtension, DenunciationVerifier, IdentityAccessLog, Petition, RedactedCopy,
)
from doctypes.org.models import Unit
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.calendar import WorkingCalendar
from papi_inspect.models import Attachment


def _with_deadline(model_class, *extra):
    """A serializer with every field except the identity ones, plus the deadline status."""

    class Serializer(serializers.ModelSerializer):
        deadline_status = serializers.SerializerMethodField()

        def get_deadline_status(self, record) -> str | None:
            # One working calendar per response: building it reads the override table, once, not once per row.
            if "working calendar" not in self.context:
                self.context["working calendar"] = WorkingCalendar()
            status = record.deadline_status_on(self.context["working calendar"])
            return str(status) if status else None

        class Meta:
            model = model_class
            exclude = [name for name in HIDDEN_FIELDS if hasattr(model_class, name)]

    Serializer.__name__ = f"{model_class.__name__}Serializer"
    return Serializer


class PetitionSerializer(_with_deadline(Petition)):
    """A read-only viewer (the clerk who registered it) gets where the petition is, not what it says."""

    def to_representation(self, petition):
        data = super().to_representation(petition)
        request = self.context.get("request")
        if request and not self._workable(petition, request.user):
            for name in ("summary", "outcome_note"):
                data.pop(name, None)
        return data

    def _workable(self, petition, user):
        # Asked once for the whole page of a list, not once per row.
        known = self.context.setdefault("workable petitions", {})
        if petition.pk not in known:
            page = self.parent.instance if isinstance(self.parent, serializers.ListSerializer) else [petition]
            asked = {row.pk for row in page if row.pk not in known} | {petition.pk}
            workable = set(Petition.objects.workable_by(user).filter(pk__in=asked).values_list("pk", flat=True))
            known.update({pk: pk in workable for pk in asked})
        return known[petition.pk]


ComplaintCaseSerializer = _with_deadline(ComplaintCase)


class ExtensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DenunciationExtension
        fields = ["number", "decided_on", "decision_number", "reason", "new_due", "decided_by"]


class VerifierSerializer(serializers.ModelSerializer):
    class Meta:
        model = DenunciationVerifier
        fields = ["user", "team_role", "assigned_on", "assigned_by"]


class RedactedCopySerializer(serializers.ModelSerializer):
    """A redacted copy and the link to its file (the only file a verifier may download)."""

    file = serializers.SerializerMethodField()
    download = serializers.SerializerMethodField()

    class Meta:
        model = RedactedCopy
        fields = ["id", "source", "original", "automatic", "made_by", "made_at", "file", "download"]

    def get_file(self, copy) -> int | None:
        attachment = copy.file
        return attachment.pk if attachment else None

    def get_download(self, copy) -> str | None:
        attachment = copy.file
        return reverse("attachment-download", args=[attachment.pk]) if attachment else None


class DenunciationSerializer(_with_deadline(Denunciation)):
    extensions = ExtensionSerializer(many=True, read_only=True)
    verifiers = VerifierSerializer(many=True, read_only=True)


def _visible(model, user, record, *, field):
    """A related record named in the input must be one the caller may see."""
    if not model.objects.visible_to(user).filter(pk=record.pk).exists():
        raise ValidationError({field: "Không tìm thấy bản ghi."})
    return record


def merge_visible(petition, *, by, into):
    """Merge into a petition the caller may see (an unseen one is reported as missing)."""
    return services.merge_petitions(petition, into=_visible(Petition, by, into, field="into"), by=by)


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


class PetitionViewSet(CaseViewSet):
    queryset = Petition.objects.prefetch_related("papi")
    serializer_class = PetitionSerializer
    create_input = PetitionInput
    filterset_fields = ["status", "channel", "content_kind", "outcome", "unit", "anonymous"]
    search_fields = ["code", "matter"]

    def create_record(self, user, data):
        return services.register_petition(by=user, identity=data.pop("identity", None), **data)

    classify = step(ClassifyInput, services.classify_petition, url_path="classify")
    outcome = step(OutcomeInput, services.record_petition_outcome, url_path="outcome")

    merge = step(MergeInput, merge_visible, url_path="merge")


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


class ComplaintCaseViewSet(CaseViewSet):
    queryset = ComplaintCase.objects.prefetch_related("papi")
    serializer_class = ComplaintCaseSerializer
    create_input = ComplaintInput
    filterset_fields = ["status", "level", "is_complex", "is_remote", "unit", "handler"]
    search_fields = ["code", "subject", "complained_act", "complainant_name"]

    def create_record(self, user, data):
        if data.get("petition") is not None:
            _visible(Petition, user, data["petition"], field="petition")
        return complaints.open_complaint_case(by=user, **data)

    accept = step(AcceptInput, complaints.accept_complaint, url_path="accept")
    verify = step(VerifyInput, complaints.record_verification, url_path="verify")
    dialogue = step(DialogueInput, complaints.record_dialogue, url_path="dialogue")
    decide = step(DecideInput, complaints.decide_complaint, url_path="decide")


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


class RedactedUploadInput(serializers.Serializer):
    original = serializers.PrimaryKeyRelatedField(queryset=Attachment.objects.all())
    uploaded_file = serializers.FileField()


class DenunciationViewSet(CaseViewSet):
    queryset = Denunciation.objects.prefetch_related("papi", "extensions", "verifiers")
    serializer_class = DenunciationSerializer
    create_input = DenunciationInput
    filterset_fields = ["status", "is_complex", "anti_corruption", "unit", "handler"]
    search_fields = ["code", "subject", "denounced"]

    def create_record(self, user, data):
        if data.get("petition") is not None:
            _visible(Petition, user, data["petition"], field="petition")
        return denunciations.open_denunciation(by=user, identity=data.pop("identity", None), **data)

    extend_initial = step(ReasonInput, denunciations.extend_initial_processing, url_path="extend-initial")
    decline = step(DeclineInput, denunciations.decline_denunciation, url_path="decline")
    accept = step(AcceptInput, denunciations.accept_denunciation, url_path="accept")
    notify = step(NoticeInput, denunciations.record_acceptance_notice, url_path="notify")
    extend = step(ExtendInput, denunciations.extend_resolution, url_path="extend")
    conclude = step(ConcludeInput, denunciations.conclude_denunciation, url_path="conclude")
    handle = step(HandleInput, denunciations.record_handling, url_path="handle")
    request_report = step(ReportRequestInput, denunciations.request_overdue_report, url_path="request-report")
    assign_verifier = step(AssignVerifierInput, verification.assign_verifier, url_path="assign-verifier")
    unassign_verifier = step(VerifierInput, verification.unassign_verifier, url_path="unassign-verifier")
    redact = step(EmptyInput, verification.make_redacted_copies, url_path="redact")
    upload_redacted = step(RedactedUploadInput, verification.upload_redacted_copy, url_path="upload-redacted")

    @action(detail=True, methods=["get"], url_path="redacted-copies")
    def redacted_copies(self, request, pk=None):
        """The redacted copies of the case (files under /files/<id>/); originals are never listed here."""
        case = self.get_object()
        return Response(RedactedCopySerializer(verification.copies_for(request.user, case), many=True).data)


class IdentityAccessLogSerializer(serializers.ModelSerializer):
    class Meta:
        model = IdentityAccessLog
        fields = ["id", "user", "at", "reason", "record_label", "record_type", "record_id", "granted"]


class IdentityAccessLogViewSet(VisibleReadOnlyViewSet):
    queryset = IdentityAccessLog.objects.all()
    serializer_class = IdentityAccessLogSerializer
    filterset_fields = ["user", "record_type", "granted"]
