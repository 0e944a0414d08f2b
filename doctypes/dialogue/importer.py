"""Last year's spreadsheet of leaders' dialogues, one row per dialogue (with at most one commitment), imported
through the same service as the forms."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from doctypes.dialogue import services
from doctypes.dialogue.access import may_keep_dialogues
from doctypes.org.models import Unit
from papi_inspect.permissions import Role
from papi_inspect.sheet_import import CellError, SheetColumn, SheetImporter, parse_count, parse_date, parse_text


class DialogueImporter(SheetImporter):
    """The leader is named as in the staff list (full name); units by their code."""

    title = "Đối thoại với người dân"
    columns = [
        SheetColumn("Ngày đối thoại", "held_on", parse_date),
        SheetColumn("Lãnh đạo chủ trì", "leader"),
        SheetColumn("Mã đơn vị tổ chức", "unit"),
        SheetColumn("Chủ đề", "topic"),
        SheetColumn("Địa điểm", "place", parse_text, required=False),
        SheetColumn("Số người dân tham dự", "participant_count", parse_count, required=False),
        SheetColumn("Thành phần tham dự", "participants", parse_text, required=False),
        SheetColumn("Kết quả đối thoại", "result", parse_text, required=False),
        SheetColumn("Nội dung cam kết", "commitment", parse_text, required=False),
        SheetColumn("Mã đơn vị thực hiện cam kết", "owner_unit", parse_text, required=False),
        SheetColumn("Hạn thực hiện cam kết", "due_on", parse_date, required=False),
    ]

    def may_import(self, user):
        return may_keep_dialogues(user)

    def prepare(self):
        leaders = get_user_model().objects.filter(is_active=True, groups__name=str(Role.LEADERSHIP)).select_related("staff_profile")
        return {"units": {unit.code: unit for unit in Unit.objects.all()},
                "leaders": {user.staff_profile.full_name.lower(): user for user in leaders if hasattr(user, "staff_profile")}}

    def check_row(self, values, context):
        units, problems = context["units"], []
        leader = context["leaders"].get(values["leader"].lower())
        if leader is None:
            problems.append(_("không có lãnh đạo Sở tên %(name)s") % {"name": values["leader"]})
        if values["unit"] not in units:
            problems.append(_("mã đơn vị không có trong danh mục: %(code)s") % {"code": values["unit"]})
        commitment = [values["commitment"], values["owner_unit"], values["due_on"]]
        if any(commitment) and not all(commitment):
            problems.append(_("cam kết cần đủ nội dung, đơn vị thực hiện và hạn"))
        elif values["owner_unit"] and values["owner_unit"] not in units:
            problems.append(_("mã đơn vị không có trong danh mục: %(code)s") % {"code": values["owner_unit"]})
        elif values["due_on"] and values["due_on"] < values["held_on"]:
            problems.append(_("hạn thực hiện cam kết trước ngày đối thoại"))
        if problems:
            raise CellError("; ".join(problems))
        return {**values, "leader": leader, "unit": units[values["unit"]],
                "owner_unit": units.get(values["owner_unit"]), "participant_count": values["participant_count"] or 0}

    def save_row(self, values, *, by, context):
        commitments = ([{"content": values["commitment"], "owner_unit": values["owner_unit"], "due_on": values["due_on"]}]
                       if values["commitment"] else [])
        return services.hold_dialogue(
            by=by, held_on=values["held_on"], leader=values["leader"], unit=values["unit"], topic=values["topic"],
            place=values["place"], participant_count=values["participant_count"], participants=values["participants"],
            result=values["result"], commitments=commitments)
