"""Importing the one-stop desk's or the province's satisfaction export; a quarter already recorded is replaced."""

from django.utils.translation import gettext as _

from doctypes.org.models import Unit
from doctypes.procedure_review.models import Procedure
from doctypes.satisfaction import services
from doctypes.satisfaction.access import may_keep_satisfaction
from doctypes.satisfaction.models import SatisfactionResult
from papi_inspect.sheet_import import CellError, SheetColumn, SheetImporter, choice_parser, parse_count, parse_text


class SatisfactionImporter(SheetImporter):
    """One row per procedure (its TTHC code) or service, unit and quarter."""

    title = "Kết quả khảo sát hài lòng"
    columns = [
        SheetColumn("Mã đơn vị", "unit"),
        SheetColumn("Mã TTHC", "procedure", required=False),
        SheetColumn("Dịch vụ công", "service", required=False),
        SheetColumn("Năm", "year", parse_count),
        SheetColumn("Quý", "quarter", parse_count),
        SheetColumn("Số người được khảo sát", "respondents", parse_count),
        SheetColumn("Hài lòng", "satisfied", parse_count),
        SheetColumn("Không hài lòng", "not_satisfied", parse_count),
        SheetColumn("Nguồn", "source", choice_parser(SatisfactionResult.Source.choices)),
        SheetColumn("Ghi chú", "note", required=False),
    ]

    def may_import(self, user):
        return may_keep_satisfaction(user)

    def prepare(self):
        return {"units": {unit.code: unit for unit in Unit.objects.all()},
                "procedures": {procedure.code: procedure for procedure in Procedure.objects.all()}, "seen": set()}

    def check_row(self, values, context):
        unit = context["units"].get(parse_text(values["unit"]))
        if unit is None:
            raise CellError(_("mã đơn vị không có trong danh mục: %(code)s") % {"code": values["unit"]})
        procedure = None
        if values["procedure"]:
            procedure = context["procedures"].get(parse_text(values["procedure"]))
            if procedure is None:
                raise CellError(_("mã TTHC không có trong danh mục: %(code)s") % {"code": values["procedure"]})
        values = {**values, "unit": unit, "procedure": procedure}
        services.check_result(SatisfactionResult(**{key: value for key, value in values.items()}))
        key = (unit.pk, procedure.pk if procedure else values["service"], values["year"], values["quarter"])
        if key in context["seen"]:
            raise CellError(_("trùng dòng khác của tệp (cùng thủ tục/dịch vụ, đơn vị và quý)"))
        context["seen"].add(key)
        return values

    def save_row(self, values, *, by, context):
        return services.record_result(by=by, replace=True, **values)
