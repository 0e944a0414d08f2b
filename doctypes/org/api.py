"""Read-only API for units and staff."""

from rest_framework import serializers

from doctypes.org.models import StaffProfile, Unit
from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.api import VisibleReadOnlyViewSet


class UnitSerializer(ScopedModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "parent", "valid_from", "valid_to", "merged_into", "merger_basis"]


class StaffProfileSerializer(ScopedModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = StaffProfile
        fields = ["id", "username", "full_name", "unit", "position", "inspector_rank", "supervisor"]


class UnitViewSet(VisibleReadOnlyViewSet):
    queryset = Unit.objects.all()
    serializer_class = UnitSerializer
    filterset_fields = ["kind", "parent"]
    search_fields = ["code", "name", "short_name"]


class StaffProfileViewSet(VisibleReadOnlyViewSet):
    queryset = StaffProfile.objects.select_related("user")
    serializer_class = StaffProfileSerializer
    filterset_fields = ["unit", "inspector_rank"]
    search_fields = ["full_name", "position"]
