"""API for petitions, complaint cases, denunciations and the identity access log (/api/v1/)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from doctypes.complaint_case.inputs import (
    ComplaintInput, DenunciationInput, PetitionInput, RevealInput,
)
from doctypes.complaint_case.models import (
    ComplaintCase, Denunciation, DenunciationExtension, DenunciationVerifier, IdentityAccessLog, Petition, RedactedCopy,
)
from doctypes.complaint_case.services import complaint as complaints
from doctypes.complaint_case.services import denunciation as denunciations
from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services import verification
from doctypes.complaint_case.services.identity import reveal_identity, reveal_text, store_signature
from doctypes.complaint_case.steps import COMPLAINT_STEPS, DENUNCIATION_STEPS, PETITION_STEPS
from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_locking import EditableViewSetMixin
from papi_inspect.api_records import MayChange, ServiceViewSet, UploadInput, read_input, run
from papi_inspect.calendar import working_calendar
from papi_inspect.identity import HIDDEN_FIELDS, IDENTITY_PARTS, sealed_fields


class RevealAnswer(serializers.Serializer):
    record = serializers.CharField(help_text="Số hồ sơ")
    identity = serializers.DictField(child=serializers.CharField(allow_blank=True, allow_null=True), help_text="Họ tên, địa chỉ, giấy tờ… của người được bảo vệ")


class RevealTextAnswer(serializers.Serializer):
    record = serializers.CharField(help_text="Số hồ sơ")
    text = serializers.DictField(child=serializers.CharField(allow_blank=True), help_text="Nội dung đầy đủ của từng trường")
    files = serializers.ListField(child=serializers.DictField(), help_text="Mô tả đầy đủ của các tệp")


class SignatureAnswer(serializers.Serializer):
    record = serializers.CharField()
    signature = serializers.CharField(help_text="stored")


class CaseViewSet(ServiceViewSet):
    """A record with a protected person: its identity is revealed with a logged reason, its signature stored sealed."""

    @extend_schema(request=RevealInput, responses={200: RevealAnswer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def reveal(self, request, pk=None):
        """The identity, for the assigned handler or the chief inspector only; every call is logged."""
        record = self.get_object()
        identity = run(reveal_identity, record, by=request.user, reason=read_input(RevealInput, request.data)["reason"])
        shown = {key: identity.get(key, "") for key in IDENTITY_PARTS if not key.startswith("signature")}
        if identity.get("signature"):
            shown["signature"] = f"data:{identity['signature_type']};base64,{identity['signature']}"
        response = Response({"record": record.code, "identity": shown})
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(request=RevealInput, responses={200: RevealTextAnswer})
    @action(detail=True, methods=["post"], url_path="reveal-text", permission_classes=[permissions.IsAuthenticated])
    def reveal_text(self, request, pk=None):
        """The full free text (a letter names its author) for those who may reveal the identity; every call is logged.
        Lists and details carry the redacted text only."""
        record = self.get_object()
        text = run(reveal_text, record, by=request.user, reason=read_input(RevealInput, request.data)["reason"])
        response = Response({"record": record.code, "text": text["fields"], "files": text["files"]})
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(request={"multipart/form-data": UploadInput}, responses={201: SignatureAnswer})
    @action(detail=True, methods=["post"], url_path="signature", parser_classes=[MultiPartParser, FormParser],
            permission_classes=[MayChange])
    def signature(self, request, pk=None):
        """Store the scanned signature encrypted with the identity; it is returned only by /reveal/."""
        record = self.get_object()
        run(store_signature, record, by=request.user, uploaded_file=read_input(UploadInput, request.data)["file"])
        return Response({"record": record.code, "signature": "stored"}, status=status.HTTP_201_CREATED)


def _with_deadline(model_class, *extra):
    """A serializer with every field except the identity ones, plus the deadline status."""

    class Serializer(ScopedModelSerializer):
        deadline_status = serializers.SerializerMethodField()

        def get_deadline_status(self, record) -> str | None:
            # One working calendar per response: building it reads the override table, once, not once per row.
            if "working calendar" not in self.context:
                self.context["working calendar"] = working_calendar()
            status = record.deadline_status_on(self.context["working calendar"])
            return str(status) if status else None

        class Meta:
            model = model_class
            exclude = [name for name in HIDDEN_FIELDS if hasattr(model_class, name)] + list(sealed_fields(model_class))

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


class ExtensionSerializer(ScopedModelSerializer):
    class Meta:
        model = DenunciationExtension
        fields = ["number", "decided_on", "decision_number", "reason", "new_due", "decided_by"]


class VerifierSerializer(ScopedModelSerializer):
    class Meta:
        model = DenunciationVerifier
        fields = ["user", "team_role", "assigned_on", "assigned_by"]


class RedactedCopySerializer(ScopedModelSerializer):
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


class PetitionViewSet(CaseViewSet):
    queryset = Petition.objects.prefetch_related("papi")
    serializer_class = PetitionSerializer
    create_input = PetitionInput
    filterset_fields = ["status", "channel", "content_kind", "outcome", "unit", "anonymous"]
    search_fields = ["code", "matter"]

    workflow = PETITION_STEPS

    def create_record(self, user, data):
        return services.register_petition(by=user, identity=data.pop("identity", None), **data)


class ComplaintCaseViewSet(EditableViewSetMixin, CaseViewSet):
    queryset = ComplaintCase.objects.prefetch_related("papi")
    serializer_class = ComplaintCaseSerializer
    create_input = ComplaintInput
    filterset_fields = ["status", "level", "is_complex", "is_remote", "unit", "handler"]
    search_fields = ["code", "subject", "complained_act", "complainant_name"]
    # What the handler corrects by hand, as in the back-office form; dates and outcomes move only by the steps.
    edit_fields = ["subject", "complained_act", "complainant_name"]

    workflow = COMPLAINT_STEPS

    def create_record(self, user, data):
        return complaints.open_complaint_case(by=user, **data)


class DenunciationViewSet(CaseViewSet):
    queryset = Denunciation.objects.prefetch_related("papi", "extensions", "verifiers")
    serializer_class = DenunciationSerializer
    create_input = DenunciationInput
    filterset_fields = ["status", "is_complex", "anti_corruption", "unit", "handler"]
    search_fields = ["code", "subject", "denounced"]

    workflow = DENUNCIATION_STEPS

    def create_record(self, user, data):
        return denunciations.open_denunciation(by=user, identity=data.pop("identity", None), **data)

    @extend_schema(responses={200: RedactedCopySerializer(many=True)})
    @action(detail=True, methods=["get"], url_path="redacted-copies")
    def redacted_copies(self, request, pk=None):
        """The redacted copies of the case (files under /files/<id>/); originals are never listed here."""
        case = self.get_object()
        return Response(RedactedCopySerializer(verification.copies_for(request.user, case), many=True).data)


class IdentityAccessLogSerializer(ScopedModelSerializer):
    class Meta:
        model = IdentityAccessLog
        fields = ["id", "user", "at", "reason", "record_label", "record_type", "record_id", "granted"]


class IdentityAccessLogViewSet(VisibleReadOnlyViewSet):
    queryset = IdentityAccessLog.objects.all()
    serializer_class = IdentityAccessLogSerializer
    filterset_fields = ["user", "record_type", "granted"]
