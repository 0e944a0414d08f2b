"""API bases for doctype records: create through a service, the declared workflow steps as actions, uploads."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.attachments import attach_file
from papi_inspect.choices import record_day
from papi_inspect.core_api import AttachmentSerializer
from papi_inspect.identity import IdentityKeyError
from papi_inspect.locking import EditConflict, editing


class MayChange(permissions.BasePermission):
    """Acting on a record needs the change_ permission (POST maps to add_ by default)."""

    def has_permission(self, request, view):
        opts = view.queryset.model._meta
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


class UploadInput(serializers.Serializer):
    file = serializers.FileField()
    description = serializers.CharField(required=False, allow_blank=True, default="")


def read_input(serializer_class, data, *, user=None, record=None):
    """The validated body; related inputs offer only what `user` may choose (for `record`: on its date, its own)."""
    context = {"user": user, "record": record, "on": record_day(record) if record is not None else None}
    serializer = serializer_class(data=data, context=context)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def run(service, *args, **kwargs):
    """Call a service; Django validation errors become the API's structured 400."""
    try:
        return service(*args, **kwargs)
    except EditConflict:
        raise  # answered 412 with both versions by the exception handler, not as a bad body
    except DjangoValidationError as error:
        raise exceptions.ValidationError(error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages})
    except IdentityKeyError as error:
        raise exceptions.APIException(str(error))


def step_action(step):
    """POST /<pk>/<step.name>/: validate the step's input, run its service, return the record."""

    def endpoint(self, request, pk=None):
        record = self.get_object()
        if not step.permitted(request.user, record):
            # A read-only grant (the registering clerk, a verifier) reads the record, never moves it.
            raise exceptions.PermissionDenied(_("Bạn chỉ được xem hồ sơ này, không được thực hiện bước xử lý này."))
        data = read_input(step.input, request.data, user=request.user, record=record)
        with editing(record):  # with If-Match: refused (412) if the record moved on, even while this step runs
            run(step.service, record, by=request.user, **data)
        return Response(self.get_serializer(self.get_queryset().get(pk=record.pk)).data)

    # DRF maps the route to the method by the name it has when decorated.
    endpoint.__name__ = step.name.replace("-", "_")
    endpoint.__doc__ = f"{step.label}. " + (step.service.__doc__ or "").strip().split("\n")[0]
    parsers = [JSONParser, MultiPartParser, FormParser]
    routed = action(detail=True, methods=["post"], url_path=step.name, parser_classes=parsers,
                    permission_classes=[permissions.IsAuthenticated])(endpoint)
    # After @action, which replaces the function's kwargs where an earlier extend_schema had put the schema:
    # documented before it, every step showed the record's serializer as its body.
    return extend_schema(request=step.input)(routed)


class StepViewSetMixin:
    """Adds one POST action per step of the class's `workflow`, named after the step."""

    workflow = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("workflow") is not None:
            for step in cls.workflow:
                setattr(cls, step.name.replace("-", "_"), step_action(step))


class ServiceViewSet(StepViewSetMixin, mixins.CreateModelMixin, VisibleReadOnlyViewSet):
    """Read through visible_to, create through a service (`create_record`), steps and file uploads."""

    create_input = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("create_input") is not None:
            # The body of a create is the service's input, not the record as it is read back.
            extend_schema_view(create=extend_schema(request=cls.create_input))(cls)

    def create_record(self, user, data):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        record = run(self.create_record, request.user, read_input(self.create_input, request.data, user=request.user))
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": UploadInput}, responses={201: AttachmentSerializer})
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
