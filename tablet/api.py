"""The tablet's API: its assignments as JSON, and the sync endpoints that apply queued items, one per call or in batches."""

import json
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doctypes.discipline_check.models import CheckResult, ChecklistItem, DisciplineCheck
from doctypes.finding.models import Action, Finding
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from doctypes.papi.models import Dimension
from papi_inspect.choices import ScopedRelated, ScopedSlugRelated
from papi_inspect.api import VisibleRelated
from tablet import services
from tablet.assignments import assignments_for
from tablet.identity import mark_user
from tablet.models import SyncReceipt

NOT_YOURS = {"does_not_exist": "Không tìm thấy hồ sơ, hoặc bạn không có quyền với hồ sơ này.",
             "incorrect_type": "Mã hồ sơ không hợp lệ."}


def visible(model, **kwargs):
    return VisibleRelated(model, error_messages=NOT_YOURS, **kwargs)


class FindingItemSerializer(serializers.Serializer):
    inspection = visible(Inspection, required=False, allow_null=True, default=None, label=gettext_lazy("Cuộc thanh tra"))
    discipline_check = visible(DisciplineCheck, required=False, allow_null=True, default=None, label=gettext_lazy("Cuộc kiểm tra"))
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all(), required=False, allow_null=True, default=None,
                                        label=gettext_lazy("Đơn vị liên quan"))
    title = serializers.CharField(max_length=500, required=False, allow_blank=True, default="", label=gettext_lazy("Tiêu đề"))
    condition = serializers.CharField(label=gettext_lazy("Thực trạng (điều đã thấy)"))
    criteria = serializers.CharField(label=gettext_lazy("Tiêu chí (quy định phải thực hiện)"))
    cause = serializers.CharField(required=False, allow_blank=True, default="", label=gettext_lazy("Nguyên nhân"))
    severity = serializers.ChoiceField(choices=Finding.Severity.choices, default=Finding.Severity.MEDIUM, label=gettext_lazy("Mức độ"))
    papi_dimension = ScopedRelated(queryset=Dimension.objects.all(), required=False, allow_null=True, default=None,
                                                        label=gettext_lazy("Chỉ số nội dung PAPI liên quan"))
    legal_document = serializers.CharField(max_length=255, required=False, allow_blank=True, default="", label=gettext_lazy("Văn bản căn cứ"))
    legal_article = serializers.CharField(max_length=20, required=False, allow_blank=True, default="", label=gettext_lazy("Điều"))
    legal_clause = serializers.CharField(max_length=20, required=False, allow_blank=True, default="", label=gettext_lazy("Khoản"))
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True, default=None,
                                        coerce_to_string=False, label=gettext_lazy("Vĩ độ"))
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True, default=None,
                                         coerce_to_string=False, label=gettext_lazy("Kinh độ"))
    recorded_on = serializers.DateField(required=False, default=None, label=gettext_lazy("Ngày ghi nhận"))
    signer_name = serializers.CharField(max_length=255, required=False, allow_blank=True, default="", label=gettext_lazy("Họ tên người ký"))
    signed_at = serializers.DateTimeField(required=False, allow_null=True, default=None, label=gettext_lazy("Thời điểm ký"))

    def validate(self, data):
        source = data["inspection"] or data["discipline_check"]
        if source is None:
            raise serializers.ValidationError({"inspection": _("Phát hiện phải thuộc một cuộc thanh tra hoặc kiểm tra công vụ.")})
        # The inspected party: the check's unit, or one of the inspection's subject units (the first by default).
        allowed = [source.unit] if data["discipline_check"] else list(source.subject_units.order_by("pk"))
        if data["unit"] is None:
            data["unit"] = allowed[0] if allowed else None
        # Whether the unit was inspected is record_finding's rule, the same for the tablet, the back office and the API.
        data["title"] = data["title"].strip() or data["condition"].strip()[:120]
        data["recorded_on"] = data["recorded_on"] or timezone.localdate()
        dimension = data.pop("papi_dimension")
        data["papi_dimensions"] = [dimension] if dimension else []
        return data


BASE_VERSION = gettext_lazy("Phiên bản đã đọc")


class CheckResultItemSerializer(serializers.Serializer):
    check = visible(DisciplineCheck, label=gettext_lazy("Cuộc kiểm tra"))
    item = ScopedRelated(queryset=ChecklistItem.objects.all(), label=gettext_lazy("Nội dung kiểm tra"))
    outcome = serializers.ChoiceField(choices=CheckResult.Outcome.choices, label=gettext_lazy("Kết quả"))
    note = serializers.CharField(required=False, allow_blank=True, default="", label=gettext_lazy("Ghi chú"))
    base_version = serializers.IntegerField(allow_null=True, label=BASE_VERSION)


class VerificationItemSerializer(serializers.Serializer):
    action = visible(Action, label=gettext_lazy("Kiến nghị"))
    verified_on = serializers.DateField(required=False, default=None, label=gettext_lazy("Ngày kiểm tra, xác nhận"))
    note = serializers.CharField(required=False, allow_blank=True, default="", label=gettext_lazy("Nhận xét khi xác nhận"))
    base_version = serializers.IntegerField(allow_null=True, label=BASE_VERSION)

    def validate(self, data):
        data["verified_on"] = data["verified_on"] or timezone.localdate()
        return data


class CheckFinishItemSerializer(serializers.Serializer):
    check = visible(DisciplineCheck, label=gettext_lazy("Cuộc kiểm tra"))
    conducted_on = serializers.DateField(required=False, default=None, label=gettext_lazy("Ngày thực hiện"))
    summary = serializers.CharField(required=False, allow_blank=True, default="", label=gettext_lazy("Nhận xét chung"))

    def validate(self, data):
        data["conducted_on"] = data["conducted_on"] or timezone.localdate()
        return data


ITEM_SERIALIZERS = {
    SyncReceipt.Kind.FINDING: FindingItemSerializer,
    SyncReceipt.Kind.CHECK_RESULT: CheckResultItemSerializer,
    SyncReceipt.Kind.VERIFICATION: VerificationItemSerializer,
    SyncReceipt.Kind.CHECK_FINISH: CheckFinishItemSerializer,
}


def _error_body(code, message, http_status, **extra):
    return http_status, {"error": {"code": code, "message": message, **extra}}


def _error(code, message, http_status, **extra):
    http_status, body = _error_body(code, message, http_status, **extra)
    return Response(body, status=http_status)


def _messages(error):
    return " ".join(error.messages)


def _invalid_message(parsed):
    """"Dữ liệu không hợp lệ" with each error under its Vietnamese label, as the tablet shows it to the inspector."""
    parts = []
    for name, messages in parsed.errors.items():
        field = parsed.fields.get(name)
        text = " ".join(str(message) for message in messages) if isinstance(messages, list) else str(messages)
        parts.append(f"{field.label}: {text}" if field is not None and field.label else text)
    return " ".join([str(_("Dữ liệu không hợp lệ.")), *parts])


def _author_refusal(request, author):
    """Why an item may not be applied under this session, or None: its author must be the signed-in user.

    A tablet is shared: an item saved by one inspector and sent later under another's session (a second
    tab, a session that lapsed) would be recorded in the wrong name, so the device's word is checked here.
    """
    if author in (None, ""):
        return _error_body("invalid", str(_("Mục đồng bộ thiếu người ghi (author).")), status.HTTP_400_BAD_REQUEST)
    if str(author) != str(request.user.pk):
        return _error_body("not_author", str(_("Mục này do người khác ghi trên máy tính bảng; chỉ người đó được đồng bộ, "
                                                 "sau khi đăng nhập. Mục vẫn được giữ trên máy cho người đó.")),
                           status.HTTP_403_FORBIDDEN)
    return None


class SyncRequestSerializer(serializers.Serializer):
    """The envelope of one queued item, as the schema shows it; the payload is checked per kind (ITEM_SERIALIZERS)."""

    key = serializers.UUIDField(help_text="Mã đồng bộ do máy tạo; gửi lại cùng mã không tạo bản ghi mới.")
    kind = serializers.ChoiceField(choices=SyncReceipt.Kind.choices)
    author = serializers.IntegerField(help_text="Mã người dùng đã ghi mục trên máy; phải là người đang đăng nhập.")
    payload = serializers.JSONField(help_text="Nội dung mục, theo loại: phát hiện, kết quả kiểm tra, xác nhận kiến nghị.")
    photos = serializers.ListField(child=serializers.ImageField(), required=False)
    signature = serializers.ImageField(required=False)


def answer_item(request, *, key, kind, author, payload, photos=(), signature=None, bases=None):
    """Apply one queued item and say what happened to it, as (HTTP status, body): the same for one item or a batch."""
    try:
        key = uuid.UUID(str(key or ""))
    except ValueError:
        return _error_body("invalid", "Thiếu mã đồng bộ (UUID) của mục.", status.HTTP_400_BAD_REQUEST)
    if not isinstance(kind, str) or kind not in ITEM_SERIALIZERS:
        return _error_body("invalid", "Loại mục đồng bộ không hợp lệ.", status.HTTP_400_BAD_REQUEST)
    try:
        payload = json.loads(payload or "{}") if isinstance(payload, (str, bytes)) else (payload or {})
    except ValueError:
        return _error_body("invalid", "Nội dung mục đồng bộ không đọc được.", status.HTTP_400_BAD_REQUEST)
    if not isinstance(payload, dict):
        return _error_body("invalid", "Nội dung mục đồng bộ không đọc được.", status.HTTP_400_BAD_REQUEST)
    refusal = _author_refusal(request, author)
    if refusal is not None:
        return refusal
    if bases is not None:
        payload = bases.rebase(kind, payload)
    http_status, body = _apply(request, key=key, kind=kind, payload=payload, photos=photos, signature=signature)
    if bases is not None and http_status in (status.HTTP_200_OK, status.HTTP_201_CREATED):
        bases.applied(kind, payload, body.get("version"))
    return http_status, body


def _apply(request, *, key, kind, payload, photos, signature):
    try:
        # A retry is answered from its receipt: what was applied stays as it was, whatever the payload says now.
        answer = services.replay(by=request.user, key=key)
    except ValidationError as refused:
        return _error_body("refused", _messages(refused), status.HTTP_422_UNPROCESSABLE_ENTITY)
    if answer is not None:
        return status.HTTP_200_OK, answer
    parsed = ITEM_SERIALIZERS[kind](data=payload, context={"request": request})
    if not parsed.is_valid():
        return _error_body("invalid", _invalid_message(parsed), status.HTTP_400_BAD_REQUEST, fields=parsed.errors)
    try:
        answer, duplicate = services.apply_sync_item(by=request.user, key=key, kind=kind, values=parsed.validated_data,
                                                     photos=photos, signature=signature)
    except services.SyncConflict as conflict:
        return _error_body("conflict", "Bản trên máy chủ đã thay đổi từ khi bạn mở. Hãy chọn giữ bản nào.",
                           status.HTTP_409_CONFLICT, server=conflict.server, mine=conflict.mine)
    except PermissionDenied as refused:
        return _error_body("refused", str(refused) or "Bạn không có quyền sửa hồ sơ này.", status.HTTP_403_FORBIDDEN)
    except ValidationError as refused:
        return _error_body("refused", _messages(refused), status.HTTP_422_UNPROCESSABLE_ENTITY)
    return (status.HTTP_200_OK if duplicate else status.HTTP_201_CREATED), answer


class SyncView(APIView):
    """POST one queued item: multipart with `key` (UUID), `kind`, `author`, `payload` (JSON), `photos` and `signature` files."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, JSONParser]

    @extend_schema(request={"multipart/form-data": SyncRequestSerializer, "application/json": SyncRequestSerializer},
                   responses={200: OpenApiTypes.OBJECT, 201: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT,
                              403: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT, 422: OpenApiTypes.OBJECT})
    def post(self, request):
        if not isinstance(request.data, dict):
            # A JSON body of null, a list or a number: nothing to read the item from.
            return _error("invalid", _("Nội dung gửi lên phải là một mục đồng bộ (đối tượng JSON hoặc biểu mẫu)."),
                          status.HTTP_400_BAD_REQUEST)
        http_status, body = answer_item(request, key=request.data.get("key"), kind=request.data.get("kind"),
                                        author=request.data.get("author"), payload=request.data.get("payload"),
                                        photos=request.FILES.getlist("photos"), signature=request.FILES.get("signature"))
        return Response(body, status=http_status)


# The server's ceiling. The device sends at most 20 items or 8 MB of files at once (queue.js), which stays under the
# proxy's body limit (README: 25 MB) and Django's DATA_UPLOAD_MAX_NUMBER_FILES (100).
BATCH_MAX_ITEMS = 50


class BatchItemSerializer(serializers.Serializer):
    key = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=SyncReceipt.Kind.choices)
    author = serializers.IntegerField(help_text="Mã người dùng đã ghi mục; mục của người khác bị từ chối (not_author).")
    payload = serializers.JSONField()


class BatchSyncRequestSerializer(serializers.Serializer):
    """The schema of a batch: `items` (JSON list), and the files of item i as `photos-<i>` and `signature-<i>`."""

    items = BatchItemSerializer(many=True, help_text=f"Tối đa {BATCH_MAX_ITEMS} mục, theo thứ tự trên máy.")


class BatchSyncView(APIView):
    """POST several queued items at once, applied in order, each on its own: one answer per item, by its key.

    On a weak connection the round trip costs more than the work, so the device sends its queue in batches.
    An item is applied in its own transaction, exactly as through SyncView: a batch cut short by a lost
    connection is sent again whole, and the items already applied answer from their receipts.
    """

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": BatchSyncRequestSerializer},
                   responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT})
    def post(self, request):
        try:
            items = json.loads(request.data.get("items") or "")
        except ValueError:
            items = None
        if not isinstance(items, list) or not items or not all(isinstance(item, dict) for item in items):
            return _error("invalid", "Danh sách mục đồng bộ (items) không đọc được.", status.HTTP_400_BAD_REQUEST)
        if len(items) > BATCH_MAX_ITEMS:
            return _error("invalid", f"Mỗi lần gửi tối đa {BATCH_MAX_ITEMS} mục.", status.HTTP_400_BAD_REQUEST)
        bases = services.BatchBases()
        results = []
        for index, item in enumerate(items):
            http_status, body = answer_item(
                request, key=item.get("key"), kind=item.get("kind"), author=item.get("author"), payload=item.get("payload"), bases=bases,
                photos=request.FILES.getlist(f"photos-{index}"), signature=request.FILES.get(f"signature-{index}"),
            )
            results.append({"key": str(item.get("key", "")), "status": http_status, **body})
        return Response({"results": results}, status=status.HTTP_200_OK)


class AssignmentsView(APIView):
    """Today's and this week's work of the signed-in user, with the checklists and base versions the device needs."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        response = Response(assignments_for(request.user, today=timezone.localdate()))
        response["Cache-Control"] = "private, no-cache"
        return mark_user(response, request.user)
