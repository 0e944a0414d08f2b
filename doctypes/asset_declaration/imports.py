"""Excel import of last year's declaration list: who declared, when received, when and where published."""

from django.utils.translation import gettext as _

from doctypes.anticorruption.imports import find_person, find_unit, units_by_code
from doctypes.asset_declaration import services
from doctypes.asset_declaration.access import may_keep_declarations
from doctypes.asset_declaration.models import DeclarationDuty
from papi_inspect.sheet_import import CellError, SheetColumn, SheetImporter, choice_parser, parse_count, parse_date


class DeclarationImporter(SheetImporter):
    """One row per person and year: name within the unit, kind, received on, published on and where."""

    title = _("Kê khai tài sản, thu nhập")
    columns = [
        SheetColumn("Họ và tên", "person"),
        SheetColumn("Mã đơn vị", "unit"),
        SheetColumn("Chức vụ", "position", required=False),
        SheetColumn("Năm", "year", parse_count),
        SheetColumn("Loại kê khai", "kind", choice_parser(DeclarationDuty.Kind.choices)),
        SheetColumn("Ngày nhận bản kê khai", "submitted_on", parse_date, required=False),
        SheetColumn("Ngày công khai", "published_on", parse_date, required=False),
        SheetColumn("Hình thức công khai", "published_where", choice_parser(DeclarationDuty.PublishedWhere.choices),
                    required=False),
    ]

    def may_import(self, user):
        return may_keep_declarations(user)

    def prepare(self):
        return {"units": units_by_code()}

    def check_row(self, values, context):
        values["unit"] = find_unit(context["units"], values["unit"])
        values["person"] = find_person(values["person"], values["unit"])
        if values["published_on"] and not (values["submitted_on"] and values["published_where"]):
            raise CellError(_("đã công khai thì phải có ngày nhận và hình thức công khai"))
        return values

    def save_row(self, values, *, by, context):
        submitted_on, published_on, published_where = (values.pop(key) for key in ("submitted_on", "published_on", "published_where"))
        duty = services.add_duty(by=by, **values)
        if submitted_on:
            duty = services.receive_declaration(duty, by=by, submitted_on=submitted_on)
        if published_on:
            duty = services.publish_declaration(duty, by=by, published_on=published_on, published_where=published_where)
        return duty
