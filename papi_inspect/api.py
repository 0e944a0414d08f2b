"""API base: permissions, a visible_to-scoped viewset, and JSON errors with a message."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, serializers, viewsets
from rest_framework.views import exception_handler as drf_exception_handler

from papi_inspect.choices import context_user, scope_choices
from papi_inspect.api_locking import LockingViewSetMixin, conflict_response_error
from papi_inspect.api_tokens import TokenExpired
from papi_inspect.locking import EditConflict


class VisibleQuerysetMixin(LockingViewSetMixin):
    """Every query is the viewset's `queryset` narrowed by `visible_to(request.user)`; each record's answer carries
    its ETag and a write with If-Match is refused (412) once the record moved on (LockingViewSetMixin).

    Write actions in later doctypes call their `services.py` functions, which record the
    history reason; this base only decides which rows exist for the caller.
    """

    def get_queryset(self):
        # From the class's queryset, so the select_related / prefetch_related a viewset declares are kept
        # (starting from Model.objects dropped them, and a list paid one query per row for them).
        return self.queryset.all().visible_to(self.request.user)


class VisibleReadOnlyViewSet(VisibleQuerysetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class VisibleRelated(serializers.PrimaryKeyRelatedField):
    """A related record the caller can see; others are reported as not found."""

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def get_queryset(self):
        user = context_user(self.context)
        return scope_choices(self.model.objects.all(), user) if user is not None else self.model.objects.none()


_MESSAGES = {
    TokenExpired: TokenExpired.default_detail,
    exceptions.NotAuthenticated: "Bạn cần đăng nhập.",
    exceptions.AuthenticationFailed: "Thông tin đăng nhập không hợp lệ.",
    exceptions.PermissionDenied: "Bạn không có quyền thực hiện thao tác này.",
    exceptions.NotFound: "Không tìm thấy bản ghi.",
    exceptions.MethodNotAllowed: "Phương thức không được hỗ trợ.",
    exceptions.ValidationError: "Dữ liệu không hợp lệ.",
    exceptions.ParseError: "Dữ liệu gửi lên không đọc được.",
    exceptions.Throttled: "Quá nhiều yêu cầu, vui lòng thử lại sau.",
}


def exception_handler(exc, context):
    """Every API error is `{"error": {"code", "message", "fields"?}}` with a Vietnamese message."""
    if isinstance(exc, EditConflict):
        exc = conflict_response_error(exc, context)
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    error = {"code": getattr(exc, "default_code", "error")}
    if isinstance(exc, exceptions.ValidationError):
        error["message"] = _MESSAGES[exceptions.ValidationError]
        error["fields"] = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
    else:
        error["message"] = next((text for cls, text in _MESSAGES.items() if isinstance(exc, cls)), str(exc.detail))
    for extra in ("current", "submitted"):  # a 412 shows both versions: the stored record and what was sent
        if getattr(exc, extra, None) is not None:
            error[extra] = getattr(exc, extra)
    response.data = {"error": error}
    return response
