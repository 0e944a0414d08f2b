"""The API's Excel import of a register: POST a file to preview, add confirm=1 to save; the same `SheetImporter`
as the back office."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response


class SheetImportInput(serializers.Serializer):
    file = serializers.FileField(help_text="Tệp Excel (.xlsx), dòng đầu là dòng tiêu đề của mẫu")
    confirm = serializers.CharField(required=False, help_text="1 để ghi; bỏ trống để xem trước")


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value is not None else None)


class SheetImportActionMixin:
    """`POST <list>/import/` for a viewset that sets `importer` (a SheetImporter)."""

    importer = None

    @extend_schema(request={"multipart/form-data": SheetImportInput},
                   responses={200: OpenApiTypes.OBJECT, 201: OpenApiTypes.OBJECT})
    @action(detail=False, methods=["post"], url_path="import", parser_classes=[MultiPartParser])
    def import_sheet(self, request):
        """Preview (rows read, errors per row); with confirm=1 save the whole file, refused while any row is wrong."""
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise ValidationError({"file": [_("Cần tệp Excel.")]})
        if request.data.get("confirm") in ("1", "true", "True"):
            saved = self.importer.run(uploaded, by=request.user)
            return Response({"imported": len(saved), "ids": [record.pk for record in saved]}, status=201)
        self.importer.require(request.user)
        preview = self.importer.preview(uploaded)
        return Response({"clean": preview.is_clean, "headers": preview.headers,
                         "rows": [[_json(value) for value in row] for row in preview.table],
                         "errors": [{"row": n, "message": m} for n, m in preview.errors]})
