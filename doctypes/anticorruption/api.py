"""API of the anti-corruption registers: list and read what visible_to shows; POST creates through the service."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from doctypes.anticorruption import services
from doctypes.anticorruption.imports import (ConflictImporter, DisciplineImporter, DocumentImporter, GiftImporter,
                                             RotationImporter, SessionImporter)
from doctypes.anticorruption.models import (ConductDiscipline, ConflictOfInterest, GiftHandover, JobRotation,
                                            OutreachSession, PreventionDocument)
from doctypes.org.models import Unit
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_import import SheetImportActionMixin
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated, ScopedSlugRelated


def _unit_input(**options):
    return ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all(), **options)


def _person_input():
    return ScopedRelated(queryset=get_user_model().objects.all())


class AttendanceSerializer(serializers.Serializer):
    unit = _unit_input()
    count = serializers.IntegerField(min_value=1)


class OutreachSessionSerializer(ScopedModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    attendance = serializers.SerializerMethodField()

    class Meta:
        model = OutreachSession
        fields = ["id", "unit", "topic", "kind", "held_on", "materials_published", "note", "attendance", "plan_tasks"]

    def get_attendance(self, session) -> list:
        return [{"unit": row.unit.code, "count": row.count} for row in session.attendance.all()]


class SessionInput(serializers.Serializer):
    unit = _unit_input()
    topic = serializers.CharField(max_length=500)
    kind = serializers.ChoiceField(choices=OutreachSession.Kind.choices)
    held_on = serializers.DateField()
    materials_published = serializers.IntegerField(min_value=0, default=0)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    attendance = AttendanceSerializer(many=True, required=False, default=list)


class RegisterViewSet(VisibleReadOnlyViewSet):
    """A register's list and detail, with POST creating one entry through `service` from `input_class`."""

    http_method_names = ["get", "post", "head", "options"]
    input_class = None
    service = None

    def perform_service(self, data):
        return type(self).service(by=self.request.user, **data)

    def create(self, request):
        data = self.input_class(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        record = self.perform_service(dict(data.validated_data))
        return Response(self.serializer_class(record).data, status=status.HTTP_201_CREATED)


class OutreachSessionViewSet(SheetImportActionMixin, RegisterViewSet):
    queryset = OutreachSession.objects.select_related("unit").prefetch_related("attendance__unit")
    serializer_class = OutreachSessionSerializer
    input_class = SessionInput
    importer = SessionImporter()
    filterset_fields = ["kind", "unit", "held_on"]
    search_fields = ["topic"]

    def perform_service(self, data):
        data["attendance"] = [(row["unit"], row["count"]) for row in data["attendance"]]
        return services.record_session(by=self.request.user, **data)


class PreventionDocumentSerializer(ScopedModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = PreventionDocument
        fields = ["id", "unit", "number", "title", "issued_on", "action", "scope", "plan_tasks"]


class DocumentInput(serializers.Serializer):
    unit = _unit_input()
    number = serializers.CharField(max_length=60)
    title = serializers.CharField(max_length=500)
    issued_on = serializers.DateField()
    action = serializers.ChoiceField(choices=PreventionDocument.Action.choices)
    scope = serializers.ChoiceField(choices=PreventionDocument.Scope.choices)


class PreventionDocumentViewSet(SheetImportActionMixin, RegisterViewSet):
    queryset = PreventionDocument.objects.select_related("unit")
    importer = DocumentImporter()
    serializer_class = PreventionDocumentSerializer
    input_class = DocumentInput
    service = services.record_document
    filterset_fields = ["action", "scope", "unit"]
    search_fields = ["number", "title"]


class JobRotationSerializer(ScopedModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = JobRotation
        fields = ["id", "person", "unit", "position", "held_since", "period_years", "due_on", "current_due", "done_on",
                  "new_position", "deferred_until", "deferral_reason"]


class RotationInput(serializers.Serializer):
    person = _person_input()
    unit = _unit_input(required=False, default=None)
    position = serializers.CharField(max_length=255)
    held_since = serializers.DateField()
    period_years = serializers.IntegerField()


class RotateInput(serializers.Serializer):
    done_on = serializers.DateField()
    new_position = serializers.CharField(required=False, default="", allow_blank=True)


class DeferInput(serializers.Serializer):
    until = serializers.DateField()
    reason = serializers.CharField()


class JobRotationViewSet(SheetImportActionMixin, RegisterViewSet):
    queryset = JobRotation.objects.select_related("unit", "person")
    serializer_class = JobRotationSerializer
    input_class = RotationInput
    service = services.schedule_rotation
    importer = RotationImporter()
    filterset_fields = ["unit", "person", "done_on"]
    search_fields = ["position"]

    def _step(self, request, input_class, service):
        rotation = self.get_object()
        data = input_class(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        return Response(self.serializer_class(service(rotation, by=request.user, **data.validated_data)).data)

    @extend_schema(request=RotateInput, responses={200: JobRotationSerializer})
    @action(detail=True, methods=["post"])
    def rotate(self, request, pk=None):
        """The staff member moved to another post: {"done_on", "new_position"}."""
        return self._step(request, RotateInput, services.rotate)

    @extend_schema(request=DeferInput, responses={200: JobRotationSerializer})
    @action(detail=True, methods=["post"])
    def defer(self, request, pk=None):
        """Not rotated yet, with the reason and the new term: {"until", "reason"}."""
        return self._step(request, DeferInput, services.defer_rotation)


class ConflictOfInterestSerializer(ScopedModelSerializer):
    class Meta:
        model = ConflictOfInterest
        fields = ["id", "person", "unit", "declared_on", "matter", "handling", "handled_on"]


class ConflictInput(serializers.Serializer):
    person = _person_input()
    unit = _unit_input(required=False, default=None)
    declared_on = serializers.DateField()
    matter = serializers.CharField()
    handling = serializers.ChoiceField(choices=ConflictOfInterest.Handling.choices, required=False, default="")
    handled_on = serializers.DateField(required=False, default=None, allow_null=True)


class HandleInput(serializers.Serializer):
    handling = serializers.ChoiceField(choices=[c for c in ConflictOfInterest.Handling.choices if c[0]])
    handled_on = serializers.DateField()


class ConflictOfInterestViewSet(SheetImportActionMixin, RegisterViewSet):
    queryset = ConflictOfInterest.objects.select_related("unit")
    importer = ConflictImporter()
    serializer_class = ConflictOfInterestSerializer
    input_class = ConflictInput
    service = services.record_conflict
    filterset_fields = ["unit", "person", "handling"]
    search_fields = ["matter"]

    @extend_schema(request=HandleInput, responses={200: ConflictOfInterestSerializer})
    @action(detail=True, methods=["post"])
    def handle(self, request, pk=None):
        """How the conflict was handled: {"handling", "handled_on"}."""
        conflict = self.get_object()
        data = HandleInput(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(self.serializer_class(services.handle_conflict(conflict, by=request.user, **data.validated_data)).data)


class GiftHandoverSerializer(ScopedModelSerializer):
    class Meta:
        model = GiftHandover
        fields = ["id", "person", "unit", "received_on", "description", "value", "handed_over_on"]


class GiftInput(serializers.Serializer):
    person = _person_input()
    unit = _unit_input(required=False, default=None)
    received_on = serializers.DateField()
    description = serializers.CharField(max_length=500)
    value = serializers.DecimalField(max_digits=15, decimal_places=0)
    handed_over_on = serializers.DateField(required=False, default=None, allow_null=True)


class GiftHandoverViewSet(SheetImportActionMixin, RegisterViewSet):
    queryset = GiftHandover.objects.select_related("unit")
    importer = GiftImporter()
    serializer_class = GiftHandoverSerializer
    input_class = GiftInput
    service = services.record_gift
    filterset_fields = ["unit", "person"]
    search_fields = ["description"]


class ConductDisciplineSerializer(ScopedModelSerializer):
    class Meta:
        model = ConductDiscipline
        fields = ["id", "person", "unit", "ground", "decided_on", "measure", "decision_number"]


class ConductInput(serializers.Serializer):
    person = _person_input()
    unit = _unit_input(required=False, default=None)
    ground = serializers.ChoiceField(choices=ConductDiscipline.Ground.choices)
    decided_on = serializers.DateField()
    measure = serializers.CharField(max_length=255)
    decision_number = serializers.CharField(max_length=60, required=False, default="", allow_blank=True)


class ConductDisciplineViewSet(SheetImportActionMixin, RegisterViewSet):
    queryset = ConductDiscipline.objects.select_related("unit")
    importer = DisciplineImporter()
    serializer_class = ConductDisciplineSerializer
    input_class = ConductInput
    service = services.record_conduct_discipline
    filterset_fields = ["unit", "person", "ground"]
    search_fields = ["measure"]
