"""Excel import of last year's sheets, one per list of the register (sessions, documents, rotations, conflicts of
interest, gifts, disciplines), each row saved through the service."""

from django.utils.translation import gettext as _

from doctypes.anticorruption import services
from doctypes.anticorruption.access import may_keep_registers
from doctypes.anticorruption.models import (ConductDiscipline, ConflictOfInterest, OutreachSession,
                                             PreventionDocument)
from doctypes.org.models import StaffProfile, Unit
from papi_inspect.sheet_import import (CellError, SheetColumn, SheetImporter, choice_parser, parse_amount, parse_count,
                                       parse_date, parse_text)


def units_by_code():
    return {unit.code.lower(): unit for unit in Unit.objects.all()}


def find_unit(units, code):
    unit = units.get(parse_text(code).lower())
    if unit is None:
        raise CellError(_("không có đơn vị mã %(code)s") % {"code": code})
    return unit


def find_person(name, unit):
    """The one staff member of `unit` (or below it) with this full name; a name shared by two is refused."""
    profiles = list(StaffProfile.objects.filter(full_name__iexact=name.strip(), unit_id__in=unit.family_ids())
                    .select_related("user"))
    if len(profiles) != 1:
        message = _("không tìm thấy cán bộ %(name)s ở %(unit)s") if not profiles else _(
            "có %(count)s cán bộ tên %(name)s ở %(unit)s")
        raise CellError(message % {"name": name, "unit": unit.code, "count": len(profiles)})
    return profiles[0].user


def parse_attendance(text):
    """"snnmt-vp: 20; snnmt-ttr: 12" → [("snnmt-vp", 20), ("snnmt-ttr", 12)]."""
    rows = []
    for part in filter(None, (piece.strip() for piece in parse_text(text).split(";"))):
        code, _sep, count = part.partition(":")
        if not count.strip().isdigit():
            raise CellError(_("ghi theo dạng 'mã đơn vị: số người; ...': %(part)s") % {"part": part})
        rows.append((code.strip(), int(count.strip())))
    return rows


class RegisterImporter(SheetImporter):
    """The office imports; every row names its unit by code, read once per file."""

    def may_import(self, user):
        return may_keep_registers(user)

    def prepare(self):
        return {"units": units_by_code()}

    def check_row(self, values, context):
        values["unit"] = find_unit(context["units"], values["unit"])
        return values


class PersonalImporter(RegisterImporter):
    """The registers about one person: found by full name within the unit given by its code; `service` saves a row."""

    service = None

    def check_row(self, values, context):
        values = super().check_row(values, context)
        values["person"] = find_person(values["person"], values["unit"])
        return values

    def save_row(self, values, *, by, context):
        return type(self).service(by=by, **values)


class SessionImporter(RegisterImporter):
    """One row per class: the organising unit, topic, kind, date, materials and who took part by unit."""

    title = _("Lớp tuyên truyền, tập huấn PCTN")
    columns = [
        SheetColumn("Mã đơn vị tổ chức", "unit"),
        SheetColumn("Chủ đề", "topic"),
        SheetColumn("Hình thức", "kind", choice_parser(OutreachSession.Kind.choices)),
        SheetColumn("Ngày tổ chức", "held_on", parse_date),
        SheetColumn("Số tài liệu phát hành", "materials_published", parse_count, required=False),
        SheetColumn("Thành phần tham gia (mã đơn vị: số người; ...)", "attendance", parse_attendance),
    ]

    def check_row(self, values, context):
        values = super().check_row(values, context)
        values["attendance"] = [(find_unit(context["units"], code), count) for code, count in values["attendance"]]
        return values

    def save_row(self, values, *, by, context):
        return services.record_session(by=by, **values)


class RotationImporter(PersonalImporter):
    """One row per post to rotate: the person by name within the unit, the post, since when, the term, done on."""

    title = _("Chuyển đổi vị trí công tác")
    columns = [
        SheetColumn("Họ và tên", "person"),
        SheetColumn("Mã đơn vị", "unit"),
        SheetColumn("Vị trí công tác", "position"),
        SheetColumn("Giữ vị trí từ ngày", "held_since", parse_date),
        SheetColumn("Thời hạn định kỳ (năm)", "period_years", parse_count),
        SheetColumn("Ngày đã chuyển đổi", "done_on", parse_date, required=False),
    ]

    def save_row(self, values, *, by, context):
        done_on = values.pop("done_on")
        rotation = services.schedule_rotation(by=by, **values)
        return services.rotate(rotation, by=by, done_on=done_on) if done_on else rotation


class DocumentImporter(RegisterImporter):
    """One row per document issued, amended or repealed to carry out the anti-corruption rules."""

    title = _("Văn bản về phòng, chống tham nhũng")
    columns = [
        SheetColumn("Mã đơn vị ban hành", "unit"),
        SheetColumn("Số, ký hiệu", "number"),
        SheetColumn("Trích yếu", "title"),
        SheetColumn("Ngày ban hành", "issued_on", parse_date),
        SheetColumn("Loại", "action", choice_parser(PreventionDocument.Action.choices)),
        SheetColumn("Phạm vi", "scope", choice_parser(PreventionDocument.Scope.choices)),
    ]

    def save_row(self, values, *, by, context):
        return services.record_document(by=by, **values)


PERSON_COLUMNS = [SheetColumn("Họ và tên", "person"), SheetColumn("Mã đơn vị", "unit")]


class ConflictImporter(PersonalImporter):
    title = _("Xung đột lợi ích")
    service = services.record_conflict
    columns = [*PERSON_COLUMNS,
               SheetColumn("Ngày báo cáo", "declared_on", parse_date),
               SheetColumn("Nội dung xung đột lợi ích", "matter"),
               SheetColumn("Cách xử lý", "handling", choice_parser(ConflictOfInterest.Handling.choices), required=False),
               SheetColumn("Ngày xử lý", "handled_on", parse_date, required=False)]

    def check_row(self, values, context):
        values["handling"] = values["handling"] or ConflictOfInterest.Handling.PENDING  # a blank cell: not handled yet
        return super().check_row(values, context)


class GiftImporter(PersonalImporter):
    title = _("Quà tặng nộp lại")
    service = services.record_gift
    columns = [*PERSON_COLUMNS,
               SheetColumn("Ngày nhận quà", "received_on", parse_date),
               SheetColumn("Quà tặng", "description"),
               SheetColumn("Giá trị (đồng)", "value", parse_amount),
               SheetColumn("Ngày nộp lại", "handed_over_on", parse_date, required=False)]


class DisciplineImporter(PersonalImporter):
    title = _("Xử lý vi phạm quy tắc ứng xử, xung đột lợi ích")
    service = services.record_conduct_discipline
    columns = [*PERSON_COLUMNS,
               SheetColumn("Căn cứ xử lý", "ground", choice_parser(ConductDiscipline.Ground.choices)),
               SheetColumn("Ngày quyết định xử lý", "decided_on", parse_date),
               SheetColumn("Hình thức xử lý", "measure"),
               SheetColumn("Số quyết định", "decision_number", required=False)]
