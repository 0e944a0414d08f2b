"""API for the reception log and the leaders' reception schedule (/api/v1/)."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from doctypes.citizen_reception import services
from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.citizen_reception.steps import RECEPTION_STEPS
from doctypes.complaint_case.api import CaseViewSet
from doctypes.complaint_case.inputs import IdentityInput
from doctypes.complaint_case.models import ContentKind
from doctypes.org.models import Unit
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_records import read_input, run
from papi_inspect.identity import HIDDEN_FIELDS, sealed_fields


class ReceptionSerializer(ScopedModelSerializer):
    concerns_denunciation = serializers.BooleanField(read_only=True)

    class Meta:
        model = Reception
        exclude = [name for name in HIDDEN_FIELDS if hasattr(Reception, name)] + list(sealed_fields(Reception))


class ReceptionInput(serializers.Serializer):
    received_on = serializers.DateField()
    kind = serializers.ChoiceField(choices=Reception.Kind.choices)
    identity = IdentityInput()
    group_size = serializers.IntegerField(min_value=1, default=1)
    content = serializers.CharField()
    documents_received = serializers.CharField(required=False, allow_blank=True, default="")
    classification = serializers.ChoiceField(choices=ContentKind.choices)
    handling = serializers.ChoiceField(choices=Reception.Handling.choices)
    transfer_to = serializers.CharField(required=False, allow_blank=True, default="")
    verbal_statement = serializers.CharField(required=False, allow_blank=True, default="")
    statement_signed = serializers.BooleanField(required=False, default=False)
    refusal_ground = serializers.ChoiceField(choices=Reception.RefusalGround.choices, required=False, allow_blank=True, default="")
    refusal_note = serializers.CharField(required=False, allow_blank=True, default="")
    leader_present = serializers.CharField(required=False, allow_blank=True, default="")
    unit = ScopedRelated(queryset=Unit.objects.all())
    create_petition = serializers.BooleanField(required=False, default=False)
    matter = serializers.CharField(required=False, allow_blank=True, default="")


class ReceptionViewSet(CaseViewSet):
    queryset = Reception.objects.prefetch_related("papi")  # listed per row: one query for the page
    serializer_class = ReceptionSerializer
    create_input = ReceptionInput
    filterset_fields = ["kind", "classification", "handling", "refusal_ground", "unit", "officer"]
    search_fields = ["code", "content", "transfer_to"]
    workflow = RECEPTION_STEPS

    def create_record(self, user, data):
        return services.log_reception(by=user, **data)


class ReceptionDaySerializer(ScopedModelSerializer):
    class Meta:
        model = ReceptionDay
        fields = ["id", "month", "planned_on", "held_on", "leader", "delegate", "place", "moved_because"]


class PublishInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    day_of_month = serializers.IntegerField()
    leader = ScopedRelated(queryset=get_user_model().objects.all())
    delegate = ScopedRelated(queryset=get_user_model().objects.all(), required=False, allow_null=True)
    place = serializers.CharField(required=False, allow_blank=True, default="")


class PublishAnswer(serializers.Serializer):
    created = ReceptionDaySerializer(many=True)
    months_without_reception = serializers.ListField(child=serializers.CharField(), help_text="MM/YYYY")


class MayAddDays(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.user.has_perm("citizen_reception.add_receptionday")


class ReceptionDayViewSet(VisibleReadOnlyViewSet):
    queryset = ReceptionDay.objects.all()
    serializer_class = ReceptionDaySerializer
    filterset_fields = ["leader", "delegate"]

    @extend_schema(request=PublishInput, responses={201: PublishAnswer})
    @action(detail=False, methods=["post"], permission_classes=[MayAddDays])
    def publish(self, request):
        """Publish a year's schedule on a fixed day of the month (Luật Tiếp công dân 2013, Art. 18)."""
        days = run(services.publish_schedule, by=request.user, **read_input(PublishInput, request.data, user=request.user))
        year = request.data.get("year")
        missing = [f"{month:%m/%Y}" for month in services.months_without_reception(int(year))]
        return Response({"created": self.get_serializer(days, many=True).data, "months_without_reception": missing},
                        status=status.HTTP_201_CREATED)
