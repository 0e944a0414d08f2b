"""Excel import of last year's case register: one row per case, saved through `record_case`."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doctypes.org.models import Unit
from doctypes.pctn_case import services
from doctypes.pctn_case.access import may_keep_cases
from doctypes.pctn_case.models import PctnCase
from papi_inspect.sheet_import import (CellError, SheetColumn, SheetImporter, choice_parser, parse_amount, parse_date,
                                       parse_text, parse_yes_no)


class PctnCaseImporter(SheetImporter):
    title = gettext_lazy("Nhập sổ vụ việc tham nhũng, lãng phí, tiêu cực")
    columns = [
        SheetColumn("Mã đơn vị", "unit"),
        SheetColumn("Tóm tắt vụ việc", "title"),
        SheetColumn("Ngày phát hiện", "detected_on", parse_date),
        SheetColumn("Phát hiện qua", "channel", choice_parser(PctnCase.Channel.choices)),
        SheetColumn("Loại vụ việc", "kind", choice_parser(PctnCase.Kind.choices)),
        SheetColumn("Ngoài nhà nước", "non_state", parse_yes_no, required=False),
        SheetColumn("Tổ chức ngoài nhà nước", "non_state_organisation", parse_text, required=False),
        SheetColumn("Số tiền (đồng)", "amount_detected", parse_amount, required=False),
        SheetColumn("Đất đai (m2)", "land_detected", parse_amount, required=False),
        SheetColumn("Ngày khởi tố", "prosecuted_on", parse_date, required=False),
        SheetColumn("Ngày có kết quả xử lý", "handled_on", parse_date, required=False),
    ]

    def may_import(self, user):
        return may_keep_cases(user)

    def prepare(self):
        return {"units": {unit.code: unit for unit in Unit.objects.all()}}

    def check_row(self, values, context):
        unit = context["units"].get(values["unit"])
        if unit is None:
            raise CellError(_("mã đơn vị không có trong danh mục: %(code)s") % {"code": values["unit"]})
        values = {**values, "unit": unit, "non_state": bool(values.get("non_state"))}
        # The case's own rules (dates, the non-state organisation), as the service will check them.
        services.check_case(PctnCase(**{k: v for k, v in values.items() if v is not None}), by=None)
        return values

    def save_row(self, values, *, by, context):
        return services.record_case(by=by, **{k: v for k, v in values.items() if v is not None})
