"""API of the publication register: list and read, record a duty, mark it published, import a sheet."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from doctypes.org.models import Unit
from doctypes.papi.models import Dimension, Task
from doctypes.publication import services
from doctypes.publication.models import Publication
from doctypes.publication.sheet import PublicationImporter
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_import import SheetImportActionMixin
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated, ScopedSlugRelated


class PublicationSerializer(ScopedModelSerializer):
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    papi = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    state = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = ["id", "unit", "kind", "title", "triggered_on", "rule_code", "legal_ground", "due_on", "channel",
                  "published_on", "state", "note", "papi", "plan_tasks"]
        read_only_fields = ["rule_code", "plan_tasks"]

    def get_state(self, publication) -> str:
        return publication.state()


class PublicationInput(serializers.Serializer):
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    kind = serializers.ChoiceField(choices=Publication.Kind.choices)
    title = serializers.CharField(max_length=500)
    triggered_on = serializers.DateField()
    legal_ground = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    channel = serializers.ChoiceField(choices=Publication.Channel.choices, required=False, default="", allow_blank=True)
    published_on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    papi = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Dimension.objects.all(), required=False)
    plan_tasks = ScopedRelated(queryset=Task.objects.all(), many=True, required=False, default=list)


class PublishInput(serializers.Serializer):
    published_on = serializers.DateField()
    channel = serializers.ChoiceField(choices=Publication.Channel.choices)
    note = serializers.CharField(required=False, allow_blank=True, default=None, allow_null=True)


class PublicationViewSet(SheetImportActionMixin, VisibleReadOnlyViewSet):
    """Publications of the units the caller may see; POST records a duty, /publish/ records that it was met."""

    importer = PublicationImporter()
    queryset = Publication.objects.select_related("unit").prefetch_related("papi", "plan_tasks")
    serializer_class = PublicationSerializer
    filterset_fields = ["unit", "kind", "channel", "published_on", "due_on"]
    search_fields = ["title", "legal_ground", "note"]
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(request=PublicationInput, responses={201: PublicationSerializer})
    def create(self, request):
        data = PublicationInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        publication = services.record_publication(by=request.user, **data.validated_data)
        return Response(PublicationSerializer(publication).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PublishInput, responses={200: PublicationSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        publication = self.get_object()
        data = PublishInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        services.mark_published(publication, by=request.user, **data.validated_data)
        return Response(PublicationSerializer(publication).data)
