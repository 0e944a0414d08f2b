"""Optimistic locking over the API: a record's answer carries `ETag: "<version>"`; a write sent with `If-Match`
is refused with 412 and both versions (the stored record, what was sent) when the record has moved on.

A write without `If-Match` stays allowed (the tablet and older clients): it raises the version like any save, so
every client holding an older ETag hears of it.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, permissions
from rest_framework.response import Response

from papi_inspect.choices import ScopedModelSerializer
from papi_inspect.audit import API_EDIT_REASON
from papi_inspect.locking import EditConflict, Versioned, edit_record, expect_version

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match", str, location=OpenApiParameter.HEADER, required=False,
    description=('ETag của bản ghi mà bạn đã đọc, ví dụ "7" (tuỳ chọn). Nếu bản ghi đã được người khác sửa sau đó, '
                 "yêu cầu bị từ chối với mã 412 và bản đang lưu; không gửi thì không kiểm tra."),
)


def etag(version):
    return f'"{version}"'


def if_match_version(request):
    """The version named by the request's If-Match header; None when absent or `*` (no condition)."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    tag = header.split(",")[0].strip().removeprefix("W/").strip('"')
    if not tag.isdigit():
        raise PreconditionFailed(_("If-Match phải là ETag của bản ghi, ví dụ \"7\"."))
    return int(tag)


class PreconditionFailed(exceptions.APIException):
    """412: the record is no longer the version the client read (or If-Match is not one of ours)."""

    status_code = 412
    default_code = "precondition_failed"
    default_detail = "Bản ghi đã thay đổi kể từ khi bạn đọc."

    def __init__(self, detail=None, *, current=None, submitted=None):
        super().__init__(detail)
        self.current = current
        self.submitted = submitted


def _submitted(data):
    """What the client sent, as JSON (files named, not echoed)."""
    if hasattr(data, "lists"):
        data = {key: values if len(values) > 1 else values[0] for key, values in data.lists()}
    if not isinstance(data, dict):
        return {}
    return {key: value if isinstance(value, (str, int, float, bool, list, dict, type(None))) else str(value)
            for key, value in data.items()}


def conflict_response_error(conflict, context):
    """The 412 for an EditConflict raised while serving `context["view"]`: the stored record as this caller reads
    it, and what they sent; nothing was saved."""
    view, request = context.get("view"), context.get("request")
    current = None
    if view is not None and hasattr(view, "get_serializer"):
        record = view.get_queryset().filter(pk=conflict.record.pk).first()
        current = view.get_serializer(record).data if record is not None else None
    return PreconditionFailed(conflict.messages[0], current=current,
                              submitted=_submitted(getattr(request, "data", {})) if request is not None else None)


class LockingViewSetMixin:
    """ETag on each record's answer (and on its 412); If-Match checked on every write to one record."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        record = getattr(self, "_etag_record", None)
        if record is not None and (200 <= response.status_code < 300 or response.status_code == 412):
            data = getattr(response, "data", None)
            version = data.get("version") if isinstance(data, dict) else None
            if not isinstance(version, int):  # a serializer that does not list the version: read it back
                version = type(record)._base_manager.filter(pk=record.pk).values_list("version", flat=True).first()
            if version is not None:
                response["ETag"] = etag(version)
        return response

    def get_object(self):
        record = super().get_object()
        if not isinstance(record, Versioned):
            return record
        self._etag_record = record
        if self.request.method in UNSAFE_METHODS:
            expected = if_match_version(self.request)
            if expected is not None:
                if record.version != expected:
                    raise EditConflict(record)
                # Checked again, atomically, when this copy is saved: a write racing in between is refused too.
                expect_version(record, expected)
        return record


class MayEdit(permissions.BasePermission):
    """Editing a record needs its change_ permission (the same grant as its back-office form)."""

    def has_permission(self, request, view):
        opts = view.queryset.model._meta
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


class EditableViewSetMixin:
    # PATCH /<pk>/ (no class docstring: the viewset's own text describes its operations in the schema).

    edit_fields = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("edit_fields"):
            # The body is the editable fields only (all optional), not the record as it is read back.
            extend_schema_view(partial_update=extend_schema(
                request=cls.edit_serializer_class(), responses={200: cls.serializer_class}, parameters=[IF_MATCH_PARAMETER],
            ))(cls)

    def may_edit(self, user, record):
        """Default: a record the user may work on (a read-only grant reads it, never edits it)."""
        manager = type(record).objects
        workable = getattr(manager, "workable_by", None)
        return workable is None or workable(user).filter(pk=record.pk).exists()

    def get_permissions(self):
        if getattr(self, "action", None) == "partial_update":
            return [permissions.IsAuthenticated(), MayEdit()]
        return super().get_permissions()

    @classmethod
    def edit_serializer_class(cls):
        model = cls.queryset.model
        meta = type("Meta", (), {"model": model, "fields": list(cls.edit_fields)})
        return type(f"{model.__name__}Edit", (ScopedModelSerializer,), {"Meta": meta})

    def partial_update(self, request, *args, **kwargs):
        """Correct the record's own fields, as its back-office form does. Send `If-Match` with the ETag you read:
        if someone saved since, nothing is saved and the answer is 412 with the stored record and what you sent."""
        record = self.get_object()
        if not self.may_edit(request.user, record):
            raise exceptions.PermissionDenied(_("Bạn chỉ được xem hồ sơ này, không được sửa."))
        changes = self.edit_serializer_class()(record, data=request.data, partial=True, context=self.get_serializer_context())
        changes.is_valid(raise_exception=True)
        expected = record.__dict__.pop("_expected_version", None)
        edit_record(record, by=request.user, changes=changes.validated_data, expected_version=expected, reason=API_EDIT_REASON)
        return Response(self.get_serializer(self.get_queryset().get(pk=record.pk)).data)


def _schema_of(schema, components):
    while isinstance(schema, dict) and "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return schema or {}


def _answers_versioned_record(operation, components):
    content = (operation or {}).get("responses", {}).get("200", {}).get("content", {})
    schema = _schema_of(content.get("application/json", {}).get("schema"), components)
    return "version" in schema.get("properties", {})


CONFLICT_SCHEMA = {
    "type": "object",
    "description": "412: bản ghi đã được sửa sau phiên bản ghi trong If-Match; không có gì được lưu.",
    "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string", "enum": ["precondition_failed"]},
        "message": {"type": "string", "description": "Ai đã sửa, lúc nào (tiếng Việt)"},
        "current": {"type": "object", "description": "Bản đang lưu, như khi đọc bản ghi (kèm version mới)"},
        "submitted": {"type": "object", "description": "Nội dung bạn đã gửi (chưa được lưu)"},
    }}},
    "required": ["error"],
}


def document_locking(result, generator, request, public):
    """Schema hook: each read of a versioned record names its ETag; each write to one (PATCH, steps, uploads) takes
    If-Match and may answer 412 with both versions."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    paths = result.get("paths", {})
    documented = False
    for path, operations in paths.items():
        if "}/" not in path:
            continue
        record_path = path[: path.index("}/") + 2]
        read = paths.get(record_path, {}).get("get")
        if not _answers_versioned_record(read, components):
            continue
        if path == record_path:
            headers = read["responses"]["200"].setdefault("headers", {})
            headers["ETag"] = {"schema": {"type": "string"}, "description": 'Phiên bản của bản ghi, ví dụ "7"; gửi lại trong If-Match khi sửa.'}
        for method in ("post", "put", "patch", "delete"):
            operation = operations.get(method)
            if operation is None:
                continue
            parameters = operation.setdefault("parameters", [])
            if not any(parameter.get("name") == "If-Match" for parameter in parameters):
                parameters.append({"in": "header", "name": "If-Match", "required": False, "schema": {"type": "string"},
                                   "description": IF_MATCH_PARAMETER.description})
            operation.setdefault("responses", {})["412"] = {
                "description": "Bản ghi đã được người khác sửa; không có gì được lưu.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EditConflictError"}}},
            }
            documented = True
    if documented:
        components["EditConflictError"] = CONFLICT_SCHEMA
    return result
