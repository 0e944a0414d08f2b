"""API for the PAPI plan, quarterly reports and scores; every write calls the same service as the screens."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from doctypes.org.models import Unit
from doctypes.papi import rollup, services
from doctypes.papi.models import Dimension
from doctypes.papi.models.plan import Plan, Task, TaskGroup
from doctypes.papi.models.report import OfficeReport, UnitReport, UnitReportEntry
from doctypes.papi.models.score import PapiScore, ScoreImport
from doctypes.papi.score_import import import_scores
from doctypes.papi.score_sheet import SheetRefused
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated, ScopedSlugRelated
from papi_inspect.api import VisibleQuerysetMixin, VisibleReadOnlyViewSet
from papi_inspect.permissions import unit_of
from papi_inspect.state_documents import DOCX_CONTENT_TYPE

UNIT_CODES = ScopedSlugRelated(slug_field="code", many=True, queryset=Unit.objects.all())


class PlanSerializer(ScopedModelSerializer):
    report_dates = serializers.SerializerMethodField()

    class Meta:
        model = Plan
        fields = ["id", "number", "issued_on", "year", "title", "implements", "status", "owner", "province", "copied_from",
                  "unconfirmed", "report_dates"]

    def get_report_dates(self, plan) -> list:
        return [{"quarter": d.quarter, "period": d.period_label, "unit_due": f"{d.unit_due_day:02d}/{d.unit_due_month:02d}",
                 "office_due": f"{d.office_due_day:02d}/{d.office_due_month:02d}"} for d in plan.report_dates.all()]


class TaskSerializer(ScopedModelSerializer):
    group = ScopedRelated(queryset=TaskGroup.objects.all())
    lead_units = UNIT_CODES
    cooperating_units = ScopedSlugRelated(slug_field="code", many=True, queryset=Unit.objects.all(), required=False)
    dimensions = ScopedSlugRelated(slug_field="code", many=True, queryset=Dimension.objects.all(), required=False)
    plan = serializers.IntegerField(source="group.plan_id", read_only=True)

    class Meta:
        model = Task
        fields = ["id", "plan", "group", "order", "text", "lead_units", "cooperating_units", "recurrence", "status",
                  "dimensions", "retired_reason"]
        read_only_fields = ["order", "retired_reason"]


class CopyInput(serializers.Serializer):
    year = serializers.IntegerField(help_text="Năm của kế hoạch mới")


class RetireInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ProgressRowInput(serializers.Serializer):
    task = serializers.IntegerField()
    progress = serializers.CharField()
    result = serializers.CharField(required=False, allow_blank=True, default="")


class ProgressInput(serializers.Serializer):
    summary = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    entries = ProgressRowInput(many=True, required=False)


class EvidenceInput(serializers.Serializer):
    entry = serializers.IntegerField(help_text="Dòng nhiệm vụ của báo cáo")
    file = serializers.FileField()
    description = serializers.CharField(required=False, allow_blank=True, default="")


class EvidenceAnswer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class PlanViewSet(VisibleReadOnlyViewSet):
    queryset = Plan.objects.all()
    serializer_class = PlanSerializer
    filterset_fields = ["year", "status"]

    @extend_schema(request=CopyInput, responses={201: PlanSerializer})
    @action(detail=True, methods=["post"])
    def copy(self, request, pk=None):
        """Copy the plan to another year (the office only)."""
        plan = self.get_object()
        data = CopyInput(data=request.data, context={"request": request})
        if not data.is_valid():
            raise ValidationError({"year": [_("Cần năm của kế hoạch mới.")]})
        copy = services.copy_plan_to_year(plan, by=request.user, year=data.validated_data["year"])
        return Response(PlanSerializer(copy).data, status=status.HTTP_201_CREATED)


class TaskViewSet(VisibleQuerysetMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Task.objects.all()
    serializer_class = TaskSerializer
    filterset_fields = ["group", "group__plan", "status", "recurrence"]
    search_fields = ["text"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        group = data["group"]
        if not TaskGroup.objects.visible_to(self.request.user).filter(pk=group.pk).exists():
            raise ValidationError({"group": [_("Không tìm thấy nhóm nhiệm vụ.")]})
        serializer.instance = services.add_task(
            group, by=self.request.user, text=data["text"], lead_units=data["lead_units"],
            cooperating_units=data.get("cooperating_units", []), recurrence=data.get("recurrence", Task.Recurrence.CONTINUOUS),
            dimensions=data.get("dimensions", []),
        )

    def perform_update(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.update_task(
            serializer.instance, by=self.request.user, text=data.get("text"), recurrence=data.get("recurrence"),
            status=data.get("status"), lead_units=data.get("lead_units"), cooperating_units=data.get("cooperating_units"),
            dimensions=data.get("dimensions"),
        )

    @extend_schema(request=RetireInput, responses={200: TaskSerializer})
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None):
        task = self.get_object()
        data = RetireInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        task = services.retire_task(task, by=request.user, reason=data.validated_data["reason"])
        return Response(TaskSerializer(task).data)


class EntrySerializer(ScopedModelSerializer):
    class Meta:
        model = UnitReportEntry
        fields = ["id", "task", "progress", "result"]


class UnitReportSerializer(ScopedModelSerializer):
    entries = EntrySerializer(many=True, read_only=True)
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    is_late = serializers.BooleanField(read_only=True)

    class Meta:
        model = UnitReport
        fields = ["id", "plan", "unit", "year", "quarter", "due_on", "status", "summary", "figures", "submitted_at", "is_late",
                  "entries"]
        read_only_fields = ["due_on", "status", "summary", "figures", "submitted_at"]


class UnitReportViewSet(VisibleQuerysetMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = UnitReport.objects.all()
    serializer_class = UnitReportSerializer
    filterset_fields = ["plan", "year", "quarter", "status"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = serializer.validated_data["plan"]
        if not Plan.objects.visible_to(request.user).filter(pk=plan.pk).exists():
            raise ValidationError({"plan": [_("Không tìm thấy kế hoạch.")]})
        report = services.start_unit_report(plan, unit=unit_of(request.user), by=request.user,
                                            year=serializer.validated_data["year"], quarter=serializer.validated_data["quarter"])
        return Response(UnitReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ProgressInput, responses={200: UnitReportSerializer})
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        """{"summary": "...", "entries": [{"task": id, "progress": "done", "result": "..."}]}"""
        report = self.get_object()
        data = ProgressInput(data=request.data, context={"request": request})
        if not data.is_valid():
            raise ValidationError({"entries": [_("Mỗi dòng cần task và progress.")], **data.errors})
        rows = data.validated_data.get("entries") or []
        progress = {row["task"]: (row["progress"], row["result"]) for row in rows}
        report = services.save_report_progress(report, by=request.user, progress=progress,
                                               summary=data.validated_data.get("summary"))
        return Response(UnitReportSerializer(report).data)

    @extend_schema(request=None, responses={200: UnitReportSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return Response(UnitReportSerializer(services.submit_unit_report(self.get_object(), by=request.user)).data)

    @extend_schema(request={"multipart/form-data": EvidenceInput}, responses={201: EvidenceAnswer})
    @action(detail=True, methods=["post"])
    def evidence(self, request, pk=None):
        """Multipart: entry (id), file, description."""
        report = self.get_object()
        data = EvidenceInput(data=request.data, context={"request": request})
        entry = report.entries.filter(pk=data.validated_data["entry"]).first() if data.is_valid() else None
        if entry is None:
            raise ValidationError({"entry": [_("Cần dòng nhiệm vụ của báo cáo này và tệp minh chứng.")]})
        attachment = services.attach_evidence(entry, by=request.user, uploaded_file=data.validated_data["file"],
                                              description=data.validated_data["description"])
        return Response({"id": attachment.pk, "name": attachment.original_name}, status=status.HTTP_201_CREATED)


class OfficeReportSerializer(ScopedModelSerializer):
    class Meta:
        model = OfficeReport
        fields = ["id", "plan", "year", "quarter", "due_on", "number", "results", "shortcomings", "next_tasks", "figures",
                  "status", "frozen_at"]
        read_only_fields = ["due_on", "figures", "status", "frozen_at"]


class OfficeReportViewSet(VisibleQuerysetMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = OfficeReport.objects.all()
    serializer_class = OfficeReportSerializer
    filterset_fields = ["plan", "year", "quarter", "status"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        if not Plan.objects.visible_to(self.request.user).filter(pk=data["plan"].pk).exists():
            raise ValidationError({"plan": [_("Không tìm thấy kế hoạch.")]})
        serializer.instance = rollup.start_office_report(data["plan"], year=data["year"], quarter=data["quarter"],
                                                         by=self.request.user)

    def perform_update(self, serializer):
        data = serializer.validated_data
        serializer.instance = rollup.update_office_report(
            serializer.instance, by=self.request.user, results=data.get("results"), shortcomings=data.get("shortcomings"),
            next_tasks=data.get("next_tasks"), number=data.get("number"),
        )

    @extend_schema(request=None, responses={200: OfficeReportSerializer})
    @action(detail=True, methods=["post"])
    def freeze(self, request, pk=None):
        return Response(OfficeReportSerializer(rollup.freeze_office_report(self.get_object(), by=request.user)).data)

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None):
        report = self.get_object()
        response = HttpResponse(rollup.office_report_docx(report), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{rollup.office_report_filename(report)}"'
        return response


class PapiScoreSerializer(ScopedModelSerializer):
    province = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = PapiScore
        fields = ["id", "province", "year", "indicator", "label", "score", "scale_min", "scale_max", "rank", "n_provinces",
                  "mean", "minimum", "maximum", "note"]


class PapiScoreViewSet(VisibleReadOnlyViewSet):
    queryset = PapiScore.objects.all()
    serializer_class = PapiScoreSerializer
    filterset_fields = ["province__code", "year", "indicator"]


class ScoreImportSerializer(ScopedModelSerializer):
    sheet = serializers.FileField(write_only=True)
    province_code = serializers.CharField(write_only=True)
    year = serializers.IntegerField(write_only=True, required=False)

    class Meta:
        model = ScoreImport
        fields = ["id", "file_name", "province", "years", "created", "updated", "unchanged", "skipped", "imported_at",
                  "sheet", "province_code", "year"]
        read_only_fields = ["file_name", "province", "years", "created", "updated", "unchanged", "skipped", "imported_at"]


class ScoreImportViewSet(VisibleQuerysetMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = ScoreImport.objects.all()
    serializer_class = ScoreImportSerializer
    parser_classes = [MultiPartParser, FormParser]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        sheet = serializer.validated_data["sheet"]
        try:
            result = import_scores(name=sheet.name, data=sheet.read(), province_code=serializer.validated_data["province_code"],
                                   year=serializer.validated_data.get("year"), by=request.user)
        except SheetRefused as refused:
            raise ValidationError({"sheet": [f"Dòng {row}: {reason}" for row, reason in refused.problems]}) from refused
        return Response({
            "province": result.province.code, "years": result.years, "created": result.created, "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": [{"row": r, "label": label, "reason": why} for r, label, why in result.skipped],
        }, status=status.HTTP_201_CREATED if result.log else status.HTTP_200_OK)
