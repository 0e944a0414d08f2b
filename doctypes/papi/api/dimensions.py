"""Read-only API for the PAPI reference."""

from rest_framework import serializers

from doctypes.papi.models import Dimension
from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.api import VisibleReadOnlyViewSet


class DimensionSerializer(ScopedModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Dimension
        fields = ["id", "code", "parent", "name_vi", "name_en", "first_year", "last_year"]


class DimensionViewSet(VisibleReadOnlyViewSet):
    queryset = Dimension.objects.select_related("parent")
    serializer_class = DimensionSerializer
    filterset_fields = ["parent", "first_year"]
    search_fields = ["code", "name_vi", "name_en"]
