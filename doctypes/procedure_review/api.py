"""API for the TTHC catalogue, reviews and late-handling statistics, with the Excel import."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from doctypes.procedure_review import services
from doctypes.procedure_review.models import LateHandlingStat, Procedure, ProcedureReview
from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_locking import EditableViewSetMixin


class ProcedureSerializer(ScopedModelSerializer):
    class Meta:
        model = Procedure
        fields = ["id", "code", "name", "field", "processing_days", "fee", "online_level", "in_force"]


class ProcedureViewSet(VisibleReadOnlyViewSet):
    queryset = Procedure.objects.all()
    serializer_class = ProcedureSerializer
    filterset_fields = ["online_level", "field", "in_force"]
    search_fields = ["code", "name", "field"]


class ProcedureReviewSerializer(ScopedModelSerializer):
    procedure = serializers.SlugRelatedField(slug_field="code", read_only=True)
    proposals = serializers.SerializerMethodField()

    class Meta:
        model = ProcedureReview
        fields = ["id", "procedure", "reviewed_on", "summary", "status", "proposals"]

    def get_proposals(self, review) -> list:
        return [{"kind": p.kind, "content": p.content} for p in review.proposals.all()]


class ProcedureReviewViewSet(EditableViewSetMixin, VisibleReadOnlyViewSet):
    queryset = ProcedureReview.objects.select_related("procedure").prefetch_related("proposals")
    serializer_class = ProcedureReviewSerializer
    filterset_fields = ["status", "procedure"]
    search_fields = ["procedure__code", "procedure__name", "summary"]
    edit_fields = ["summary"]  # the office's assessment; proposals and status move through the services


class LateHandlingStatSerializer(ScopedModelSerializer):
    procedure = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = LateHandlingStat
        fields = ["id", "procedure", "period_from", "period_to", "received", "on_time", "late"]


class ImportInput(serializers.Serializer):
    file = serializers.FileField(help_text="Tệp Excel (.xlsx)")
    confirm = serializers.CharField(required=False, help_text="1 để ghi; bỏ trống để xem trước")


class LateHandlingStatViewSet(VisibleReadOnlyViewSet):
    queryset = LateHandlingStat.objects.select_related("procedure")
    serializer_class = LateHandlingStatSerializer
    filterset_fields = ["procedure", "period_to"]
    search_fields = ["procedure__code"]

    @extend_schema(request={"multipart/form-data": ImportInput},
                   responses={200: OpenApiTypes.OBJECT, 201: OpenApiTypes.OBJECT})
    @action(detail=False, methods=["post"], url_path="import", parser_classes=[MultiPartParser])
    def import_file(self, request):
        """POST file=<xlsx> previews; add confirm=1 to import (refused while any row has an error)."""
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise ValidationError({"file": [_("Cần tệp Excel.")]})
        if request.data.get("confirm") in ("1", "true", "True"):
            saved = services.import_late_handling(uploaded, by=request.user)
            return Response({"imported": len(saved)}, status=201)
        services.require_office(request.user)
        preview = services.preview_late_handling(uploaded)
        rows = [{**row, "procedure": row["procedure"].code} for row in preview.rows]
        return Response({"clean": preview.is_clean, "rows": rows,
                         "errors": [{"row": n, "message": m} for n, m in preview.errors]})
