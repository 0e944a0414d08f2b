"""API for findings, violations and follow-up actions; writes go through the finding services."""

from decimal import Decimal

from rest_framework import serializers, status
from rest_framework.response import Response

from doctypes.discipline_check.models import DisciplineCheck
from doctypes.finding import services
from doctypes.finding.access import may_edit_finding
from doctypes.finding.models import Action, ActionProgress, Finding, Violation
from doctypes.finding.steps import ACTION_STEPS
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from doctypes.procedure_review.models import ProcedureReview
from papi_inspect.choices import ScopedModelSerializer, ScopedSlugRelated
from papi_inspect.api import VisibleReadOnlyViewSet, VisibleRelated
from papi_inspect.api_locking import EditableViewSetMixin
from papi_inspect.api_records import StepViewSetMixin
from papi_inspect.deadlines import deadline_label


class FindingSerializer(ScopedModelSerializer):
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    inspection = VisibleRelated(Inspection, required=False, allow_null=True)
    discipline_check = VisibleRelated(DisciplineCheck, required=False, allow_null=True)
    procedure_review = VisibleRelated(ProcedureReview, required=False, allow_null=True)

    class Meta:
        model = Finding
        fields = ["id", "inspection", "discipline_check", "procedure_review", "unit", "title", "criteria", "condition",
                  "cause", "effect", "severity", "legal_document", "legal_article", "legal_clause", "recorded_on"]


def finding_editable(user, finding):
    """Who may edit a finding and its violations (the team, the office for its checks), and not once the inspection
    is concluded: the back office's rule for their forms."""
    return may_edit_finding(user, finding) and not (finding.inspection_id and finding.inspection.is_frozen)


class FindingViewSet(EditableViewSetMixin, VisibleReadOnlyViewSet):
    queryset = Finding.objects.select_related("unit")
    serializer_class = FindingSerializer
    filterset_fields = ["inspection", "discipline_check", "procedure_review", "severity"]
    search_fields = ["title", "condition", "legal_document"]
    http_method_names = ["get", "post", "patch", "head", "options"]
    # The text of the finding, as its back-office form edits it; links to the inspection or check stay as recorded.
    edit_fields = ["title", "criteria", "condition", "cause", "effect", "severity", "legal_document", "legal_article",
                   "legal_clause"]

    def may_edit(self, user, finding):
        return finding_editable(user, finding)

    def create(self, request):
        data = FindingSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        finding = services.record_finding(by=request.user, **data.validated_data)
        return Response(FindingSerializer(finding).data, status=status.HTTP_201_CREATED)


class ViolationSerializer(ScopedModelSerializer):
    finding = VisibleRelated(Finding)
    responsible_unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    amount_outstanding = serializers.DecimalField(max_digits=18, decimal_places=0, read_only=True)

    class Meta:
        model = Violation
        fields = ["id", "finding", "responsible_unit", "responsible_person", "kind", "committed_on", "sanction",
                  "sanction_detail", "amount_to_recover", "assets_to_recover", "recover_to", "land_to_recover",
                  "fine_amount", "amount_recovered", "amount_outstanding", "repeated", "pctn_topic"]
        read_only_fields = ["amount_recovered", "amount_outstanding", "repeated"]


class ViolationViewSet(EditableViewSetMixin, VisibleReadOnlyViewSet):
    queryset = Violation.objects.select_related("responsible_unit")
    serializer_class = ViolationSerializer
    filterset_fields = ["finding", "repeated", "sanction"]
    search_fields = ["kind", "responsible_person"]
    http_method_names = ["get", "post", "patch", "head", "options"]
    # Recovered amounts and the repeat flag come from the services (progress reports, the 24-month rule).
    edit_fields = ["responsible_person", "kind", "sanction", "sanction_detail", "assets_to_recover", "pctn_topic"]

    def may_edit(self, user, violation):
        return finding_editable(user, violation.finding)

    def create(self, request):
        data = ViolationSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        violation = services.record_violation(values.pop("finding"), by=request.user, **values)
        return Response(ViolationSerializer(violation).data, status=status.HTTP_201_CREATED)


class ProgressSerializer(ScopedModelSerializer):
    reported_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    amount_recovered = serializers.DecimalField(max_digits=18, decimal_places=0, required=False, default=Decimal(0))

    class Meta:
        model = ActionProgress
        fields = ["id", "reported_on", "reported_by", "note", "amount_recovered"]


class ActionSerializer(ScopedModelSerializer):
    finding = VisibleRelated(Finding)
    violation = VisibleRelated(Violation, required=False, allow_null=True)
    owner_unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    progress = ProgressSerializer(many=True, read_only=True)
    deadline_status = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = ["id", "finding", "violation", "description", "owner_unit", "due_on", "status", "deadline_status",
                  "loophole_document", "loophole_issuer", "loophole",
                  "verified_on", "verification_note", "closed_on", "escalated_on", "progress"]
        read_only_fields = ["status", "verified_on", "verification_note", "closed_on", "escalated_on"]

    def get_deadline_status(self, action) -> str:
        return deadline_label(action.due_on, done=action.status in (Action.Status.VERIFIED, Action.Status.CLOSED))


class ActionViewSet(EditableViewSetMixin, StepViewSetMixin, VisibleReadOnlyViewSet):
    """Follow-up actions; /progress/, /verify/ and /close/ are the declared steps; PATCH corrects the wording."""

    workflow = ACTION_STEPS
    edit_fields = ["description"]

    def may_edit(self, user, action):
        """Whoever may edit its finding (the back office's rule for the action's form)."""
        return may_edit_finding(user, action.finding)
    queryset = Action.objects.select_related("owner_unit").prefetch_related("progress__reported_by")
    serializer_class = ActionSerializer
    filterset_fields = ["finding", "status", "owner_unit"]
    search_fields = ["description"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def create(self, request):
        data = ActionSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        created = services.recommend_action(values.pop("finding"), by=request.user, **values)
        return Response(ActionSerializer(created).data, status=status.HTTP_201_CREATED)
