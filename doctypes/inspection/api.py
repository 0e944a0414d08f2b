"""API for inspection plans and inspections; every step is a POST that calls the same service as the back office."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound

from doctypes.inspection.access import may_edit_inspection
from doctypes.inspection.conclusion_docx import conclusion_docx, conclusion_filename
from doctypes.inspection.models import Inspection, InspectionPlan, InspectionTeamMember
from doctypes.inspection.planning import plan_warnings
from doctypes.inspection.steps import INSPECTION_STEPS
from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_locking import EditableViewSetMixin
from papi_inspect.api_records import StepViewSetMixin
from papi_inspect.deadlines import deadline_label
from papi_inspect.state_documents import DOCX_CONTENT_TYPE


class InspectionPlanSerializer(ScopedModelSerializer):
    deadline_status = serializers.SerializerMethodField()
    warnings = serializers.SerializerMethodField()

    class Meta:
        model = InspectionPlan
        fields = ["id", "year", "number", "title", "status", "drafted_on", "due_on", "deadline_status", "approved_by",
                  "approved_on", "warnings"]

    def get_deadline_status(self, plan) -> str:
        return deadline_label(plan.due_on, done=plan.status == InspectionPlan.Status.APPROVED)

    def get_warnings(self, plan) -> dict[str, list[str]]:
        return {str(pk): texts for pk, texts in plan_warnings(plan).items()}


class InspectionPlanViewSet(VisibleReadOnlyViewSet):
    queryset = InspectionPlan.objects.all()
    serializer_class = InspectionPlanSerializer
    filterset_fields = ["year", "status"]
    search_fields = ["title", "number"]


class TeamMemberSerializer(ScopedModelSerializer):
    member = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = InspectionTeamMember
        fields = ["member", "role"]


class InspectionSerializer(ScopedModelSerializer):
    subject_units = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    team = TeamMemberSerializer(many=True, read_only=True)
    step_label = serializers.CharField(source="get_step_display", read_only=True)
    deadline_status = serializers.SerializerMethodField()

    class Meta:
        model = Inspection
        fields = ["id", "plan", "year", "kind", "grounds", "grounds_detail", "case_reference", "complaint_case",
                  "denunciation", "title", "scope", "pctn_topics",
                  "period_from", "period_to", "quarter", "subject_units", "level", "remote", "step", "step_label",
                  "next_due", "next_due_rule", "deadline_status", "decision_number", "decision_date", "decision_signer",
                  "announced_on", "fieldwork_started_on", "fieldwork_due", "fieldwork_extensions",
                  "extension_decision_number", "fieldwork_ended_on", "reported_on", "appraisal_required", "appraised_on",
                  "conclusion_number", "concluded_on", "conclusion_signer", "published_on", "team"]

    def get_deadline_status(self, inspection) -> str:
        return deadline_label(inspection.next_due)


class InspectionViewSet(EditableViewSetMixin, StepViewSetMixin, VisibleReadOnlyViewSet):
    """Read through visible_to; one POST action per declared step (/inspections/<pk>/announce/, ...); PATCH corrects
    the title and scope, as the back-office form does."""

    workflow = INSPECTION_STEPS
    edit_fields = ["title", "scope", "pctn_topics"]

    def may_edit(self, user, inspection):
        """The chief inspector or the team, until the conclusion is signed (then it is frozen)."""
        return may_edit_inspection(user, inspection) and not inspection.is_frozen
    queryset = Inspection.objects.all()
    serializer_class = InspectionSerializer
    filterset_fields = ["year", "kind", "step", "plan", "quarter"]
    search_fields = ["title", "decision_number", "conclusion_number"]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("subject_units", "team__member")

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path="conclusion-docx")
    def conclusion_docx(self, request, pk=None):
        inspection = self.get_object()
        if not inspection.reported_on:
            raise NotFound()
        response = HttpResponse(conclusion_docx(inspection), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{conclusion_filename(inspection)}"'
        return response
