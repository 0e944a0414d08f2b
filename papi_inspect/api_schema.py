"""OpenAPI rules for the whole API: the error answer, the Idempotency-Key header, one name per input serializer."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

WRITE_METHODS = {"POST", "PUT", "PATCH"}
IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY_MAX_LENGTH = 200


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Mã lỗi máy đọc được, ví dụ invalid, not_found, permission_denied")
    message = serializers.CharField(help_text="Thông báo bằng tiếng Việt")
    fields = serializers.DictField(required=False, help_text="Lỗi theo từng trường (chỉ khi dữ liệu không hợp lệ)")


class ErrorSerializer(serializers.Serializer):
    """Every API error: `{"error": {"code", "message", "fields"?}}` (papi_inspect.api.exception_handler)."""

    error = ErrorDetailSerializer()


IDEMPOTENCY_PARAMETER = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    {"type": "string", "minLength": 1, "maxLength": IDEMPOTENCY_KEY_MAX_LENGTH},
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        "Khoá chống ghi trùng (tuỳ chọn, ví dụ một UUID). Gửi lại cùng khoá với cùng nội dung trong 24 giờ thì nhận lại "
        "đúng câu trả lời lần đầu mà không ghi lần nữa; cùng khoá với nội dung khác bị từ chối (422)."
    ),
)

_ERROR = OpenApiResponse(ErrorSerializer, description="Lỗi, dạng {\"error\": {\"code\", \"message\", \"fields\"?}}")


class PapiAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus what every operation of this API shares."""

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.method in WRITE_METHODS:
            parameters.append(IDEMPOTENCY_PARAMETER)
        return parameters

    def _get_response_bodies(self, direction="response"):
        """Add the structured error to every operation: 400 (bad body or filter), 401, 403, 404 on one record, and
        any other error code (405, 409, 412, 422, 429) under `default`."""
        responses = super()._get_response_bodies(direction)
        codes = ["400", "401", "403"]
        if "{" in self.path:
            codes.append("404")
        for code in [*codes, "default"]:
            if code not in responses:
                responses[code] = self._get_response_for_code(_ERROR, code, direction=direction)
        return responses

    def get_serializer_name(self, serializer, direction):
        """A doctype's input serializers carry its name ("InspectionDecideInput"): two doctypes may both have
        a DecideInput, and the schema must show each with its own fields."""
        name = super().get_serializer_name(serializer, direction)
        module = type(serializer).__module__
        if name.endswith("Input") and module.startswith("doctypes."):
            app = module.split(".")[1]
            name = "".join(part.title() for part in app.split("_")) + name
        return name
