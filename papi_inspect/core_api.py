"""API for the core records: deadline rules, the calendar, deadline computation and attachments."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, serializers, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.api import VisibleQuerysetMixin, VisibleReadOnlyViewSet
from papi_inspect.attachments import attach_file
from papi_inspect.deadlines import DeadlineError, compute_deadline, deadline_status
from papi_inspect.models import Attachment, CalendarOverride, DeadlineRule

class DeadlineRuleSerializer(ScopedModelSerializer):
    class Meta:
        model = DeadlineRule
        fields = "__all__"


class CalendarOverrideSerializer(ScopedModelSerializer):
    class Meta:
        model = CalendarOverride
        fields = ["id", "date", "kind", "active", "reason", "source"]


class DeadlineRuleViewSet(VisibleReadOnlyViewSet):
    queryset = DeadlineRule.objects.all()
    serializer_class = DeadlineRuleSerializer
    filterset_fields = ["code", "unit", "unconfirmed"]
    search_fields = ["code", "name", "citation"]


class CalendarOverrideViewSet(VisibleReadOnlyViewSet):
    queryset = CalendarOverride.objects.all()
    serializer_class = CalendarOverrideSerializer
    filterset_fields = ["kind", "active"]


class AttachmentSerializer(ScopedModelSerializer):
    record_type = serializers.CharField(write_only=True, help_text="app_label.model, ví dụ org.unit")
    record_id = serializers.IntegerField(write_only=True)
    file = serializers.FileField(write_only=True)
    record = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = [
            "id", "record_type", "record_id", "file", "record", "original_name", "mime_type", "size",
            "sha256", "description", "uploaded_by", "uploaded_at", "download_url",
        ]
        read_only_fields = ["original_name", "mime_type", "size", "sha256", "uploaded_by", "uploaded_at"]

    def get_record(self, attachment) -> dict:
        return {"type": f"{attachment.content_type.app_label}.{attachment.content_type.model}", "id": attachment.object_id}

    def get_download_url(self, attachment) -> str:
        return reverse("attachment-download", args=[attachment.pk])


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("record_type", str, description="Chỉ tệp của loại hồ sơ này (app_label.model, ví dụ org.unit)"),
            OpenApiParameter("record_id", int, description="Chỉ tệp của hồ sơ có mã này"),
        ]
    )
)
class AttachmentViewSet(VisibleQuerysetMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Files of the records the caller may see; upload with multipart form data."""

    queryset = Attachment.objects.select_related("content_type")
    serializer_class = AttachmentSerializer
    parser_classes = [MultiPartParser, FormParser]
    filterset_fields = ["content_type", "object_id", "mime_type"]
    search_fields = ["original_name", "description"]

    def get_queryset(self):
        """visible_to first; then, if asked, only the files of one record (the list shown on that record)."""
        queryset = super().get_queryset().select_related("content_type")
        params = self.request.query_params
        if params.get("record_type"):
            app_label, _, model_name = params["record_type"].lower().partition(".")
            queryset = queryset.filter(content_type__app_label=app_label, content_type__model=model_name)
        if params.get("record_id"):
            if not params["record_id"].isdigit():
                raise exceptions.ValidationError({"record_id": [gettext("Mã hồ sơ phải là số nguyên dương.")]})
            queryset = queryset.filter(object_id=int(params["record_id"]))
        return queryset

    def perform_create(self, serializer):
        data = serializer.validated_data
        record = _find_record(self.request.user, data["record_type"], data["record_id"])
        try:
            serializer.instance = attach_file(
                record, uploaded_file=data["file"], by=self.request.user, description=data.get("description", "")
            )
        except DjangoValidationError as error:
            # Size and content problems belong to the file field, so a client can show them there.
            raise exceptions.ValidationError({"file": error.messages})


def _find_record(user, record_type, record_id):
    """The record `record_type` #`record_id` if the caller may see it; otherwise 404, as for a missing one."""
    try:
        app_label, model_name = record_type.lower().split(".")
        model = ContentType.objects.get(app_label=app_label, model=model_name).model_class()
    except (ValueError, ContentType.DoesNotExist):
        model = None
    if model is None or not hasattr(model.objects, "visible_to"):
        raise exceptions.ValidationError({"record_type": [gettext("Loại hồ sơ không tồn tại hoặc không nhận tệp đính kèm.")]})
    record = model.objects.visible_to(user).filter(pk=record_id).first()
    if record is None:
        raise exceptions.NotFound()
    return record


@extend_schema(
    parameters=[
        OpenApiParameter("rule", str, required=True, description="Mã quy tắc, ví dụ complaint.accept"),
        OpenApiParameter("start", OpenApiTypes.DATE, required=True, description="Ngày xảy ra sự kiện (YYYY-MM-DD)"),
        OpenApiParameter("complex", bool),
        OpenApiParameter("remote", bool),
        OpenApiParameter("extensions", int),
    ],
    responses=OpenApiTypes.OBJECT,
)
@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated])
def compute_deadline_view(request):
    """Compute a statutory due date, as `papi-inspect deadline` does."""
    params = request.query_params
    errors = {}
    try:
        start = datetime.date.fromisoformat(params.get("start", ""))
    except ValueError:
        errors["start"] = ["Ngày không hợp lệ, dùng dạng YYYY-MM-DD."]
    try:
        extensions = int(params.get("extensions", "0"))
    except ValueError:
        errors["extensions"] = ["Số lần gia hạn phải là số nguyên."]
    if not params.get("rule"):
        errors["rule"] = ["Cần nhập mã quy tắc."]
    if errors:
        raise exceptions.ValidationError(errors)
    flag = lambda name: params.get(name, "").lower() in {"1", "true", "yes"}  # noqa: E731
    try:
        deadline = compute_deadline(
            params["rule"], start, complex=flag("complex"), remote=flag("remote"), extensions=extensions
        )
    except DeadlineError as error:
        raise exceptions.ValidationError({error.field: [str(error)]})
    return Response(
        {
            "rule": deadline.rule.code,
            "start": deadline.start,
            "due": deadline.due,
            "length": deadline.length,
            "unit": deadline.rule.unit,
            "extensions": deadline.extensions,
            "citation": deadline.rule.citation,
            "unconfirmed": deadline.rule.unconfirmed,
            "status": deadline_status(deadline.due),
            "skipped": [{"date": day, "reason": why} for day, why in deadline.skipped],
        }
    )
