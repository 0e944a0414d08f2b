"""API of the satisfaction results: list and read, record a quarter, import the desk's or province's export."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from doctypes.org.models import Unit
from doctypes.papi.models import Dimension, Task
from doctypes.procedure_review.models import Procedure
from doctypes.satisfaction import services
from doctypes.satisfaction.models import SatisfactionResult
from doctypes.satisfaction.sheet import SatisfactionImporter
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_import import SheetImportActionMixin
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated, ScopedSlugRelated


class SatisfactionResultSerializer(ScopedModelSerializer):
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    procedure = serializers.SlugRelatedField(slug_field="code", read_only=True)
    papi = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    rate = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = SatisfactionResult
        fields = ["id", "unit", "procedure", "service", "year", "quarter", "respondents", "satisfied", "not_satisfied",
                  "rate", "source", "note", "papi", "plan_tasks"]
        read_only_fields = ["plan_tasks"]


class SatisfactionInput(serializers.Serializer):
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    procedure = serializers.SlugRelatedField(slug_field="code", queryset=Procedure.objects.all(), required=False,
                                             allow_null=True, default=None)
    service = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)
    year = serializers.IntegerField()
    quarter = serializers.IntegerField()
    respondents = serializers.IntegerField(min_value=0)
    satisfied = serializers.IntegerField(min_value=0)
    not_satisfied = serializers.IntegerField(min_value=0)
    source = serializers.ChoiceField(choices=SatisfactionResult.Source.choices, default=SatisfactionResult.Source.MANUAL)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    papi = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Dimension.objects.all(), required=False)
    plan_tasks = ScopedRelated(queryset=Task.objects.all(), many=True, required=False, default=list)


class SatisfactionResultViewSet(SheetImportActionMixin, VisibleReadOnlyViewSet):
    """Results of the units the caller may see; POST records a quarter (the office); /import/ reads an export."""

    importer = SatisfactionImporter()
    queryset = SatisfactionResult.objects.select_related("unit", "procedure").prefetch_related("papi", "plan_tasks")
    serializer_class = SatisfactionResultSerializer
    filterset_fields = ["unit", "procedure", "year", "quarter", "source"]
    search_fields = ["procedure__code", "procedure__name", "service", "note"]
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(request=SatisfactionInput, responses={201: SatisfactionResultSerializer})
    def create(self, request):
        data = SatisfactionInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        result = services.record_result(by=request.user, **data.validated_data)
        return Response(SatisfactionResultSerializer(result).data, status=status.HTTP_201_CREATED)
