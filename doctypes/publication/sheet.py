"""Importing last year's publication sheet (one row per duty) through the same service as the forms."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from doctypes.org.models import Unit
from doctypes.publication import services
from doctypes.publication.access import may_keep_publications
from doctypes.publication.models import Publication
from papi_inspect.sheet_import import CellError, SheetColumn, SheetImporter, choice_parser, parse_date, parse_text


class PublicationImporter(SheetImporter):
    """Columns of the office's sheet; the unit is its code (e.g. snnmt-khtc); the deadline comes from the rule."""

    title = "Sổ theo dõi công khai"
    columns = [
        SheetColumn("Mã đơn vị", "unit"),
        SheetColumn("Nội dung công khai", "kind", choice_parser(Publication.Kind.choices)),
        SheetColumn("Trích yếu", "title"),
        SheetColumn("Ngày phát sinh", "triggered_on", parse_date),
        SheetColumn("Căn cứ pháp lý", "legal_ground", required=False),
        SheetColumn("Hạn công khai", "due_on", parse_date, required=False),
        SheetColumn("Hình thức", "channel", choice_parser(Publication.Channel.choices), required=False),
        SheetColumn("Ngày công khai", "published_on", parse_date, required=False),
        SheetColumn("Ghi chú", "note", required=False),
    ]

    def may_import(self, user):
        return may_keep_publications(user)

    def prepare(self):
        return {"units": {unit.code: unit for unit in Unit.objects.all()}}

    def check_row(self, values, context):
        unit = context["units"].get(parse_text(values["unit"]))
        if unit is None:
            raise CellError(_("mã đơn vị không có trong danh mục: %(code)s") % {"code": values["unit"]})
        values = {**values, "unit": unit, "channel": values["channel"] or ""}
        # The same checks as the service (deadline rule, dates), without saving: the preview lists them per row.
        services.check_publication(Publication(**{key: value for key, value in values.items()}))
        return values

    def save_row(self, values, *, by, context):
        try:
            return services.record_publication(by=by, **values)
        except PermissionDenied as error:
            # A unit's staff importing another unit's row: the file is refused with the row named, not a bare 403.
            raise ValidationError(str(error)) from error
