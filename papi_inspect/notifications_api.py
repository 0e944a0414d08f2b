"""API for a user's own notifications: list them and mark one read."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.models import Notification
from papi_inspect.notifications import mark_read


class NotificationSerializer(ScopedModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "subject", "body", "link", "created_at", "read_at"]


class NotificationViewSet(viewsets.ReadOnlyModelViewSet):
    """Only the caller's own messages exist here, whatever their role."""

    serializer_class = NotificationSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["read_at"]
    search_fields = ["subject", "body"]

    def get_queryset(self):
        return Notification.objects.visible_to(self.request.user)

    @extend_schema(request=None, responses={200: NotificationSerializer})
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        return Response(self.get_serializer(mark_read(self.get_object(), by=request.user)).data)
