"""API of the asset declaration register: duties visible_to the caller; POST adds one, steps move it on."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from doctypes.asset_declaration import services
from doctypes.asset_declaration.imports import DeclarationImporter
from doctypes.asset_declaration.models import DeclarationDuty, DeclarationRule
from doctypes.org.models import Unit
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_import import SheetImportActionMixin
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated, ScopedSlugRelated


class DeclarationRuleSerializer(ScopedModelSerializer):
    class Meta:
        model = DeclarationRule
        fields = ["id", "valid_from", "valid_to", "asset_threshold", "change_threshold", "due_month", "due_day", "citation"]


class DeclarationRuleViewSet(VisibleReadOnlyViewSet):
    queryset = DeclarationRule.objects.all()
    serializer_class = DeclarationRuleSerializer


class DeclarationDutySerializer(ScopedModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = DeclarationDuty
        fields = ["id", "year", "kind", "person", "unit", "position", "source", "due_on", "submitted_on", "published_on",
                  "published_where", "selected_on", "verified_on", "result", "discipline", "disciplined_on",
                  "discipline_measure"]


class DutyInput(serializers.Serializer):
    person = ScopedRelated(queryset=get_user_model().objects.all())
    year = serializers.IntegerField(min_value=2019, max_value=2100)
    kind = serializers.ChoiceField(choices=DeclarationDuty.Kind.choices, default=DeclarationDuty.Kind.ANNUAL)
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all(), required=False, default=None)
    position = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)


class YearInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2019, max_value=2100)


def _step_input(name, **fields):
    return type(name, (serializers.Serializer,), fields)


STEP_INPUTS = {
    "receive": (_step_input("ReceiveDeclarationInput", submitted_on=serializers.DateField()), services.receive_declaration),
    "publish": (_step_input("PublishDeclarationInput", published_on=serializers.DateField(),
                            published_where=serializers.ChoiceField(choices=DeclarationDuty.PublishedWhere.choices)),
                services.publish_declaration),
    "select": (_step_input("SelectDeclarationInput", selected_on=serializers.DateField()), services.select_for_verification),
    "verify": (_step_input("VerifyDeclarationInput", verified_on=serializers.DateField(), result=serializers.ChoiceField(
        choices=DeclarationDuty.Result.choices)), services.record_verification),
    "discipline": (_step_input("DisciplineDeclarationInput", discipline=serializers.ChoiceField(choices=DeclarationDuty.Discipline.choices),
                               disciplined_on=serializers.DateField(), measure=serializers.CharField(max_length=255)),
                   services.record_discipline),
}


class DeclarationDutyViewSet(SheetImportActionMixin, VisibleReadOnlyViewSet):
    """Duties; POST adds one by hand, POST year/ builds the year's list, a step per stage of the process."""

    queryset = DeclarationDuty.objects.select_related("unit")
    serializer_class = DeclarationDutySerializer
    importer = DeclarationImporter()
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["year", "kind", "unit", "person", "result", "discipline"]
    search_fields = ["position"]

    @extend_schema(request=DutyInput, responses={201: DeclarationDutySerializer})
    def create(self, request):
        data = DutyInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        duty = services.add_duty(by=request.user, **data.validated_data)
        return Response(DeclarationDutySerializer(duty).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=YearInput, responses={201: DeclarationDutySerializer(many=True)})
    @action(detail=False, methods=["post"], url_path="year")
    def create_year(self, request):
        """{"year": 2026}: the duties of that year from the staff list."""
        data = YearInput(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.create_year_duties(by=request.user, **data.validated_data)
        return Response(DeclarationDutySerializer(created, many=True).data, status=status.HTTP_201_CREATED)

    def _step(self, request, name):
        duty = self.get_object()
        input_class, service = STEP_INPUTS[name]
        data = input_class(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(DeclarationDutySerializer(service(duty, by=request.user, **data.validated_data)).data)

    @extend_schema(request=STEP_INPUTS["receive"][0], responses={200: DeclarationDutySerializer})
    @action(detail=True, methods=["post"])
    def receive(self, request, pk=None):
        return self._step(request, "receive")

    @extend_schema(request=STEP_INPUTS["publish"][0], responses={200: DeclarationDutySerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._step(request, "publish")

    @extend_schema(request=STEP_INPUTS["select"][0], responses={200: DeclarationDutySerializer})
    @action(detail=True, methods=["post"])
    def select(self, request, pk=None):
        return self._step(request, "select")

    @extend_schema(request=STEP_INPUTS["verify"][0], responses={200: DeclarationDutySerializer})
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        return self._step(request, "verify")

    @extend_schema(request=STEP_INPUTS["discipline"][0], responses={200: DeclarationDutySerializer})
    @action(detail=True, methods=["post"], url_path="discipline")
    def discipline_step(self, request, pk=None):
        return self._step(request, "discipline")
