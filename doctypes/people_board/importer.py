"""Last year's spreadsheet of the board's recommendations, imported through the same service as the forms."""

from django.utils.translation import gettext as _

from doctypes.org.models import Unit
from doctypes.people_board import services
from doctypes.people_board.access import may_keep_board
from papi_inspect.sheet_import import CellError, SheetColumn, SheetImporter, parse_date, parse_text


class RecommendationImporter(SheetImporter):
    """One row per recommendation: the board is the one of the unit whose term covers the day it was made."""

    title = "Kiến nghị của Ban Thanh tra nhân dân"
    columns = [
        SheetColumn("Mã đơn vị có Ban TTND", "board_unit"),
        SheetColumn("Ngày kiến nghị", "made_on", parse_date),
        SheetColumn("Nội dung kiến nghị", "content"),
        SheetColumn("Mã đơn vị chịu trách nhiệm", "owner_unit"),
        SheetColumn("Hạn trả lời", "due_on", parse_date),
        SheetColumn("Kết quả giải quyết", "result", parse_text, required=False),
        SheetColumn("Ngày hoàn thành", "done_on", parse_date, required=False),
    ]

    def may_import(self, user):
        return may_keep_board(user)

    def prepare(self):
        return {"units": {unit.code: unit for unit in Unit.objects.all()}}

    def check_row(self, values, context):
        units = context["units"]
        problems = []
        for key, header in (("board_unit", self.columns[0].header), ("owner_unit", self.columns[3].header)):
            if values[key] not in units:
                problems.append(_("%(column)s không có trong danh mục đơn vị: %(code)s") % {"column": header, "code": values[key]})
        if problems:
            raise CellError("; ".join(problems))
        board = services.board_of(units[values["board_unit"]], values["made_on"])
        if board is None:
            raise CellError(_("đơn vị %(code)s không có Ban Thanh tra nhân dân vào ngày %(day)s") % {
                "code": values["board_unit"], "day": f"{values['made_on']:%d/%m/%Y}"})
        if values["due_on"] < values["made_on"]:
            raise CellError(_("hạn trả lời trước ngày kiến nghị"))
        if bool(values["result"]) != bool(values["done_on"]):
            raise CellError(_("kết quả và ngày hoàn thành phải ghi cùng nhau"))
        return {**values, "board": board, "owner_unit": units[values["owner_unit"]]}

    def save_row(self, values, *, by, context):
        recommendation = services.record_recommendation(
            by=by, board=values["board"], made_on=values["made_on"], content=values["content"],
            owner_unit=values["owner_unit"], due_on=values["due_on"])
        if values["done_on"]:
            services.record_result(recommendation, by=by, done_on=values["done_on"], result=values["result"])
        return recommendation
