"""Read-only API for checklist templates and discipline checks, with their scores."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from doctypes.discipline_check import services
from doctypes.discipline_check.models import CheckResult, ChecklistItem, ChecklistTemplate, DisciplineCheck
from doctypes.org.models import StaffProfile, Unit
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated, ScopedSlugRelated
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_locking import EditableViewSetMixin
from papi_inspect.deadlines import deadline_label
from papi_inspect.pctn_topics import PctnTopic


class ChecklistTemplateSerializer(ScopedModelSerializer):
    items = serializers.SerializerMethodField()

    class Meta:
        model = ChecklistTemplate
        fields = ["id", "name", "description", "active", "items"]

    def get_items(self, template) -> list:
        return [{"id": i.pk, "area": i.area, "text": i.text, "weight": i.weight, "per_staff": i.per_staff} for i in template.items.all()]


class ChecklistTemplateViewSet(VisibleReadOnlyViewSet):
    queryset = ChecklistTemplate.objects.prefetch_related("items")
    serializer_class = ChecklistTemplateSerializer
    search_fields = ["name"]


class CheckResultSerializer(ScopedModelSerializer):
    class Meta:
        model = CheckResult
        fields = ["id", "item", "staff", "outcome", "note"]


class DisciplineCheckSerializer(ScopedModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    results = CheckResultSerializer(many=True, read_only=True)
    score = serializers.SerializerMethodField()
    deadline_status = serializers.SerializerMethodField()

    class Meta:
        model = DisciplineCheck
        fields = ["id", "template", "unit", "unit_name", "scheduled_on", "announced", "status", "conducted_on", "summary", "score",
                  "deadline_status", "results", "pctn_topics"]

    def get_score(self, check) -> float | None:
        return services.summary_by_unit(check)

    def get_deadline_status(self, check) -> str:
        return deadline_label(check.scheduled_on, done=check.status == DisciplineCheck.Status.DONE)


class DisciplineCheckViewSet(VisibleReadOnlyViewSet):
    queryset = DisciplineCheck.objects.select_related("unit").prefetch_related("results__item")
    serializer_class = DisciplineCheckSerializer
    filterset_fields = ["unit", "status", "announced", "template", "scheduled_on"]
    search_fields = ["unit__name", "summary"]


class ScheduleSerializer(serializers.Serializer):
    template = ScopedRelated(queryset=ChecklistTemplate.objects.all())
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    scheduled_on = serializers.DateField()
    announced = serializers.BooleanField(default=True)
    pctn_topics = serializers.MultipleChoiceField(choices=PctnTopic.choices, required=False, default=list)


class ResultInputSerializer(serializers.Serializer):
    item = ScopedRelated(queryset=ChecklistItem.objects.all(),
                         for_record=lambda check, items: items.filter(template_id=check.template_id))
    outcome = serializers.ChoiceField(choices=CheckResult.Outcome.values)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    # Staff of the checked unit only (record_results refuses others too).
    staff = ScopedRelated(queryset=StaffProfile.objects.all(), required=False, allow_null=True, default=None,
                          for_record=lambda check, staff: staff.filter(unit_id__in=check.unit.family_ids()))


class ResultsInput(serializers.Serializer):
    results = ResultInputSerializer(many=True)


class FinishSerializer(serializers.Serializer):
    conducted_on = serializers.DateField()
    summary = serializers.CharField(required=False, default="", allow_blank=True)


class DisciplineCheckWriteViewSet(EditableViewSetMixin, DisciplineCheckViewSet):
    """Schedule, record results and finish through the discipline-check services; PATCH corrects the summary."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    edit_fields = ["summary", "pctn_topics"]

    @extend_schema(request=ScheduleSerializer, responses={201: DisciplineCheckSerializer})
    def create(self, request):
        data = ScheduleSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        check = services.schedule_check(by=request.user, **data.validated_data)
        return Response(DisciplineCheckSerializer(check).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ResultsInput, responses={200: DisciplineCheckSerializer})
    @action(detail=True, methods=["post"])
    def results(self, request, pk=None):
        """{"results": [{"item": id, "outcome": "pass|fail|na", "note": "", "staff": id|null}]}"""
        check = self.get_object()
        rows = ResultsInput(data=request.data, context={"request": request, "record": check})
        rows.is_valid(raise_exception=True)
        services.record_results(check, by=request.user, results=[(r["item"], r["outcome"], r["note"], r["staff"])
                                                                 for r in rows.validated_data["results"]])
        return Response(DisciplineCheckSerializer(check).data)

    @extend_schema(request=FinishSerializer, responses={200: DisciplineCheckSerializer})
    @action(detail=True, methods=["post"])
    def finish(self, request, pk=None):
        check = self.get_object()
        data = FinishSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        services.finish_check(check, by=request.user, **data.validated_data)
        check.refresh_from_db()
        return Response(DisciplineCheckSerializer(check).data)
