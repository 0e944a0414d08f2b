"""API building blocks shared by the reception and case endpoints: steps, reveal, uploads."""


from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, mixins, permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from doctypes.complaint_case.identity import IDENTITY_PARTS, IdentityKeyError
from doctypes.complaint_case.services.identity import reveal_identity, store_signature
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.attachments import attach_file
from papi_inspect.core_api import AttachmentSerializer

# Never serialised by any endpoint: the encrypted identity and its keyed hashes.
HIDDEN_FIELDS = ("identity_cipher", "person_key", "matter_key")


class MayChange(permissions.BasePermission):
    """Workflow steps change a record, so they need the change_ permission (POST maps to add_ by default)."""

    def has_permission(self, request, view):
        opts = view.queryset.model._meta
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


class IdentityInput(serializers.Serializer):
    """Write-only identity: accepted on creation, never returned."""

    name = serializers.CharField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    id_number = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    representative = serializers.CharField(required=False, allow_blank=True)


class RevealInput(serializers.Serializer):
    reason = serializers.CharField()


class UploadInput(serializers.Serializer):
    file = serializers.FileField()
    description = serializers.CharField(required=False, allow_blank=True, default="")


def read_input(serializer_class, data):
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def run(service, *args, **kwargs):
    """Call a service; Django validation errors become the API's structured 400."""
    try:
        return service(*args, **kwargs)
    except DjangoValidationError as error:
        raise exceptions.ValidationError(error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages})
    except IdentityKeyError as error:
        raise exceptions.APIException(str(error))


def step(serializer_class, service, *, url_path):
    """A POST /<pk>/<url_path>/ endpoint that runs one workflow service and returns the record."""

    def endpoint(self, request, pk=None):
        record = self.get_object()
        if not self.queryset.model.objects.workable_by(request.user).filter(pk=record.pk).exists():
            # A read-only grant (the registering clerk, a verifier) reads the record, never moves it.
            raise exceptions.PermissionDenied("Bạn chỉ được xem hồ sơ này, không được thực hiện bước xử lý.")
        run(service, record, by=request.user, **read_input(serializer_class, request.data))
        return Response(self.get_serializer(self.get_queryset().get(pk=record.pk)).data)

    # DRF maps the route to the method by the name it has when decorated.
    endpoint.__name__ = url_path.replace("-", "_")
    endpoint.__doc__ = (service.__doc__ or "").strip().split("\n")[0]
    return action(detail=True, methods=["post"], url_path=url_path, permission_classes=[MayChange])(endpoint)


class CaseViewSet(mixins.CreateModelMixin, VisibleReadOnlyViewSet):
    """Read through visible_to, create through a service, reveal with a logged reason, upload files."""

    create_input = None

    def create(self, request, *args, **kwargs):
        record = run(self.create_record, request.user, read_input(self.create_input, request.data))
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def reveal(self, request, pk=None):
        """The identity, for the assigned handler or the chief inspector only; every call is logged."""
        record = self.get_object()
        identity = run(reveal_identity, record, by=request.user, reason=read_input(RevealInput, request.data)["reason"])
        shown = {key: identity.get(key, "") for key in IDENTITY_PARTS if not key.startswith("signature")}
        if identity.get("signature"):
            shown["signature"] = f"data:{identity['signature_type']};base64,{identity['signature']}"
        response = Response({"record": record.code, "identity": shown})
        response["Cache-Control"] = "no-store"
        return response

    @action(detail=True, methods=["post"], url_path="signature", parser_classes=[MultiPartParser, FormParser],
            permission_classes=[MayChange])
    def signature(self, request, pk=None):
        """Store the scanned signature encrypted with the identity; it is returned only by /reveal/."""
        record = self.get_object()
        run(store_signature, record, by=request.user, uploaded_file=read_input(UploadInput, request.data)["file"])
        return Response({"record": record.code, "signature": "stored"}, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], url_path="attachments", parser_classes=[MultiPartParser, FormParser],
            permission_classes=[MayChange])
    def upload(self, request, pk=None):
        """Attach a file; attach_file keeps it under a neutral name, as a citizen's file name may name them."""
        record = self.get_object()
        data = read_input(UploadInput, request.data)
        try:
            attachment = attach_file(record, uploaded_file=data["file"], by=request.user, description=data["description"])
        except DjangoValidationError as error:
            raise exceptions.ValidationError({"file": error.messages})
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)
