"""Recording the anti-corruption registers: sessions, documents, rotations, conflicts, gifts and conduct violations."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from doctypes.anticorruption.access import may_keep_registers
from doctypes.anticorruption.models import (ConductDiscipline, ConflictOfInterest, GiftHandover, JobRotation,
                                            OutreachSession, PreventionDocument, SessionAttendance)
from papi_inspect.audit import save
from papi_inspect.permissions import unit_of
from papi_inspect.records import check_not_before, check_not_future, check_reason

# NĐ 59/2019/NĐ-CP Điều 37 khoản 1: the periodic rotation term is from a full 2 to 5 years, by sector.
ROTATION_YEARS = (2, 5)


def _require_keeper(by, unit):
    if not may_keep_registers(by, unit):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở được ghi sổ công tác phòng, chống tham nhũng của đơn vị này."))


def _link(record, plan_tasks, papi_dimensions=None):
    if plan_tasks:
        record.plan_tasks.set(plan_tasks)
    if papi_dimensions:
        record.papi_dimensions.set(papi_dimensions)


def _unit_of_person(person, unit):
    unit = unit or unit_of(person)
    if unit is None:
        raise ValidationError({"person": gettext("Cán bộ chưa có đơn vị công tác; hãy chọn đơn vị.")})
    return unit


@transaction.atomic
def record_session(*, by, unit, topic, kind, held_on, materials_published=0, attendance=(), note="",
                   plan_tasks=(), papi_dimensions=()):
    """A class held on the anti-corruption law, with [(unit, count)] taking part (Luật PCTN 2018 Điều 4 khoản 2)."""
    _require_keeper(by, unit)
    check_not_future(held_on, field="held_on", label=gettext("Ngày tổ chức"))
    seen = set()
    for row_unit, count in attendance:
        if row_unit.pk in seen:
            raise ValidationError({"attendance": gettext("Đơn vị %(unit)s được ghi hai lần.") % {"unit": row_unit}})
        if not count or count < 1:
            raise ValidationError({"attendance": gettext("Số lượt người của %(unit)s phải lớn hơn 0.") % {"unit": row_unit}})
        seen.add(row_unit.pk)
    session = save(OutreachSession(unit=unit, topic=topic, kind=kind, held_on=held_on, note=note,
                                   materials_published=materials_published or 0), "Ghi lớp tuyên truyền, tập huấn", by=by)
    for row_unit, count in attendance:
        save(SessionAttendance(session=session, unit=row_unit, count=count), "Ghi thành phần tham gia", by=by)
    _link(session, plan_tasks, papi_dimensions)
    return session


@transaction.atomic
def record_document(*, by, unit, number, title, issued_on, action, scope, plan_tasks=(), papi_dimensions=()):
    """A document issued, amended or repealed to carry out the anti-corruption rules (Luật PCTN 2018 Điều 20, 22)."""
    _require_keeper(by, unit)
    check_not_future(issued_on, field="issued_on", label=gettext("Ngày ban hành"))
    if PreventionDocument.objects.filter(unit=unit, number=number, action=action).exists():
        raise ValidationError({"number": gettext("Văn bản %(number)s đã có trong sổ.") % {"number": number}})
    document = save(PreventionDocument(unit=unit, number=number, title=title, issued_on=issued_on, action=action,
                                       scope=scope), "Ghi văn bản phòng, chống tham nhũng", by=by)
    _link(document, plan_tasks, papi_dimensions)
    return document


def rotation_due(held_since, period_years):
    """The day a rotation falls due: the anniversary `period_years` after taking the post (29/2 → 28/2)."""
    try:
        return held_since.replace(year=held_since.year + period_years)
    except ValueError:
        return held_since.replace(year=held_since.year + period_years, day=28)


@transaction.atomic
def schedule_rotation(*, by, person, position, held_since, period_years, unit=None, plan_tasks=()):
    """Put a staff member in a post on the rotation list, due when the term ends (NĐ 59/2019/NĐ-CP Điều 37 khoản 1:
    from a full 2 to 5 years, by the sector's list)."""
    unit = _unit_of_person(person, unit)
    _require_keeper(by, unit)
    low, high = ROTATION_YEARS
    if not period_years or not low <= period_years <= high:
        raise ValidationError({"period_years": gettext("Thời hạn định kỳ chuyển đổi phải từ %(low)s đến %(high)s năm "
                                                       "(NĐ 59/2019/NĐ-CP Điều 37).") % {"low": low, "high": high}})
    check_not_future(held_since, field="held_since", label=gettext("Ngày giữ vị trí"))
    if JobRotation.objects.filter(person=person, position=position, done_on__isnull=True).exists():
        raise ValidationError({"position": gettext("Cán bộ này đã có trong danh sách phải chuyển đổi vị trí %(position)s.")
                               % {"position": position}})
    due = rotation_due(held_since, period_years)
    rotation = save(JobRotation(person=person, unit=unit, position=position, held_since=held_since,
                                period_years=period_years, due_on=due, current_due=due), "Lập danh sách chuyển đổi", by=by)
    _link(rotation, plan_tasks)
    return rotation


@transaction.atomic
def rotate(rotation, *, by, done_on, new_position=""):
    """The staff member moved to another post on `done_on` (the rotation decision's effective date)."""
    _require_keeper(by, rotation.unit)
    if rotation.done_on:
        raise ValidationError({"done_on": gettext("Cán bộ đã được chuyển đổi vị trí.")})
    check_not_future(done_on, field="done_on", label=gettext("Ngày chuyển đổi"))
    check_not_before(done_on, rotation.held_since, field="done_on", label=gettext("Ngày chuyển đổi"),
                     earlier_label=gettext("ngày giữ vị trí"))
    rotation.done_on, rotation.new_position = done_on, new_position
    return save(rotation, "Đã chuyển đổi vị trí công tác", by=by)


@transaction.atomic
def defer_rotation(rotation, *, by, until, reason):
    """Not rotated yet, with the reason the law admits and the new term (NĐ 59/2019/NĐ-CP Điều 38: under
    investigation or discipline, pregnancy or raising a child under 36 months, illness, the only one qualified)."""
    _require_keeper(by, rotation.unit)
    if rotation.done_on:
        raise ValidationError({"until": gettext("Cán bộ đã được chuyển đổi vị trí.")})
    reason = check_reason(reason, field="reason", label=gettext("Lý do chưa chuyển đổi"))
    if until is None:
        raise ValidationError({"until": gettext("Cần ghi thời hạn chuyển đổi mới.")})
    check_not_before(until, rotation.due_on, field="until", label=gettext("Thời hạn mới"),
                     earlier_label=gettext("hạn chuyển đổi"))
    rotation.deferred_until, rotation.deferral_reason, rotation.current_due = until, reason, until
    return save(rotation, "Lùi thời hạn chuyển đổi", by=by)


@transaction.atomic
def record_conflict(*, by, person, declared_on, matter, handling="", handled_on=None, unit=None, plan_tasks=()):
    """A conflict of interest reported, and the measure its head took (Luật PCTN 2018 Điều 23 khoản 3)."""
    unit = _unit_of_person(person, unit)
    _require_keeper(by, unit)
    check_not_future(declared_on, field="declared_on", label=gettext("Ngày báo cáo"))
    _check_handling(handling, handled_on, declared_on)
    conflict = save(ConflictOfInterest(person=person, unit=unit, declared_on=declared_on, matter=matter,
                                       handling=handling or "", handled_on=handled_on), "Ghi xung đột lợi ích", by=by)
    _link(conflict, plan_tasks)
    return conflict


def _check_handling(handling, handled_on, declared_on):
    if bool(handling) != bool(handled_on):
        raise ValidationError({"handled_on": gettext("Ghi cả cách xử lý và ngày xử lý, hoặc để trống cả hai.")})
    if handled_on:
        check_not_future(handled_on, field="handled_on", label=gettext("Ngày xử lý"))
        check_not_before(handled_on, declared_on, field="handled_on", label=gettext("Ngày xử lý"),
                         earlier_label=gettext("ngày báo cáo"))


@transaction.atomic
def handle_conflict(conflict, *, by, handling, handled_on):
    """The measure the head took on a reported conflict (Luật PCTN 2018 Điều 23 khoản 3; NĐ 59/2019 Điều 44–46)."""
    _require_keeper(by, conflict.unit)
    _check_handling(handling, handled_on, conflict.declared_on)
    conflict.handling, conflict.handled_on = handling, handled_on
    return save(conflict, "Xử lý xung đột lợi ích", by=by)


@transaction.atomic
def record_gift(*, by, person, received_on, description, value, handed_over_on=None, unit=None, plan_tasks=()):
    """A gift declared and handed over to the unit (Luật PCTN 2018 Điều 22; NĐ 59/2019/NĐ-CP Điều 22: within 5 working days)."""
    unit = _unit_of_person(person, unit)
    _require_keeper(by, unit)
    check_not_future(received_on, field="received_on", label=gettext("Ngày nhận quà"))
    if value is None or value <= 0:
        raise ValidationError({"value": gettext("Giá trị quà tặng phải lớn hơn 0 đồng.")})
    if handed_over_on:
        check_not_future(handed_over_on, field="handed_over_on", label=gettext("Ngày nộp lại"))
        check_not_before(handed_over_on, received_on, field="handed_over_on", label=gettext("Ngày nộp lại"),
                         earlier_label=gettext("ngày nhận quà"))
    gift = save(GiftHandover(person=person, unit=unit, received_on=received_on, description=description, value=value,
                             handed_over_on=handed_over_on), "Ghi quà tặng nộp lại", by=by)
    _link(gift, plan_tasks)
    return gift


@transaction.atomic
def record_conduct_discipline(*, by, person, ground, decided_on, measure, decision_number="", unit=None):
    """A staff member disciplined for a breach of the code of conduct or a conflict of interest (Luật PCTN 2018 Điều 20, 23)."""
    unit = _unit_of_person(person, unit)
    _require_keeper(by, unit)
    check_not_future(decided_on, field="decided_on", label=gettext("Ngày quyết định"))
    return save(ConductDiscipline(person=person, unit=unit, ground=ground, decided_on=decided_on, measure=measure,
                                  decision_number=decision_number), "Ghi xử lý vi phạm", by=by)
