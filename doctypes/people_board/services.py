"""The people's inspection board's register: set up a term, record meetings, recommendations, their follow-up and
result, and the training received; every screen, the API and the Excel import call these."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.papi.models import Dimension
from doctypes.people_board.access import may_keep_board
from doctypes.people_board.models import Board, BoardMeeting, BoardMember, BoardTraining, Recommendation, RecommendationFollowUp
from papi_inspect.audit import save
from papi_inspect.records import check_not_before, check_not_future

# PAPI 1 (participation: the board supervises grassroots democracy) and 3 (vertical accountability), plan 2021 §II.1, §II.7.
PAPI_CODES = ("1", "3")


def _require(by, unit=None):
    if not may_keep_board(by, unit):
        raise PermissionDenied(_("Chỉ Văn phòng Sở được cập nhật sổ Ban Thanh tra nhân dân của đơn vị thuộc Sở."))


def _link_papi(record):
    record.papi.add(*Dimension.objects.filter(code__in=PAPI_CODES))


def _check_in_term(board, day, *, field, label):
    if not board.term_from <= day <= board.term_to:
        raise ValidationError({field: _("%(label)s (%(day)s) nằm ngoài nhiệm kỳ của Ban (%(start)s–%(end)s).") % {
            "label": label, "day": f"{day:%d/%m/%Y}", "start": f"{board.term_from:%d/%m/%Y}", "end": f"{board.term_to:%d/%m/%Y}"}})


@transaction.atomic
def set_up_board(*, by, unit, term_from, term_to, note="", members=(), plan_tasks=()):
    """Record a board's term with its members [{"full_name", "role", "from_on", "to_on"}]; terms of a unit never overlap."""
    _require(by, unit)
    if term_to <= term_from:
        raise ValidationError({"term_to": _("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.")})
    if Board.objects.filter(unit=unit, term_from__lte=term_to, term_to__gte=term_from).exists():
        raise ValidationError({"term_from": _("Đơn vị đã có Ban Thanh tra nhân dân trong khoảng thời gian này.")})
    board = save(Board(unit=unit, term_from=term_from, term_to=term_to, note=note), gettext_noop("Ghi nhận Ban Thanh tra nhân dân"), by=by)
    _link_papi(board)
    board.plan_tasks.set(plan_tasks)
    for member in members:
        add_member(board, by=by, **member)
    return board


def _member_values(board, *, full_name, role, from_on, to_on):
    if not (full_name or "").strip():
        raise ValidationError({"full_name": _("Cần họ và tên thành viên.")})
    if role not in BoardMember.Role.values:
        raise ValidationError({"role": _("Chức danh trong ban không hợp lệ: %(role)s.") % {"role": role}})
    from_on = from_on or board.term_from
    _check_in_term(board, from_on, field="from_on", label=_("Ngày bắt đầu"))
    if to_on is not None and to_on < from_on:
        raise ValidationError({"to_on": _("Ngày thôi tham gia không được trước ngày bắt đầu.")})
    return {"full_name": full_name.strip(), "role": role, "from_on": from_on, "to_on": to_on}


@transaction.atomic
def add_member(board, *, by, full_name, role=BoardMember.Role.MEMBER, from_on=None, to_on=None):
    """Add a member; from/to lie within the term (a member elected later, or leaving early, keeps their own dates)."""
    _require(by, board.unit)
    values = _member_values(board, full_name=full_name, role=role, from_on=from_on, to_on=to_on)
    return save(BoardMember(board=board, **values), gettext_noop("Thêm thành viên Ban TTND"), by=by)


@transaction.atomic
def change_member(member, *, by, full_name, role, from_on=None, to_on=None):
    """Correct a member's name, role or dates (one leaving early gets `to_on`), with the rules of add_member."""
    _require(by, member.board.unit)
    values = _member_values(member.board, full_name=full_name, role=role, from_on=from_on, to_on=to_on)
    for name, value in values.items():
        setattr(member, name, value)
    return save(member, gettext_noop("Sửa thành viên Ban TTND"), by=by)


@transaction.atomic
def record_meeting(*, by, board, held_on, content, plan_tasks=()):
    """A meeting held within the term, on a day that has come, with what it dealt with."""
    _require(by, board.unit)
    check_not_future(held_on, field="held_on", label=_("Ngày họp"))
    _check_in_term(board, held_on, field="held_on", label=_("Ngày họp"))
    if not (content or "").strip():
        raise ValidationError({"content": _("Cần ghi nội dung cuộc họp.")})
    meeting = save(BoardMeeting(board=board, held_on=held_on, content=content.strip()), gettext_noop("Ghi cuộc họp Ban TTND"), by=by)
    meeting.plan_tasks.set(plan_tasks)
    return meeting


@transaction.atomic
def record_recommendation(*, by, board, made_on, content, owner_unit, due_on, plan_tasks=()):
    """A recommendation to a unit of the department, answered by `due_on` (never before it was made)."""
    _require(by, board.unit)
    if owner_unit.pk not in board.unit.agency().family_ids():
        raise ValidationError({"owner_unit": _("Đơn vị chịu trách nhiệm phải thuộc Sở có Ban Thanh tra nhân dân.")})
    check_not_future(made_on, field="made_on", label=_("Ngày kiến nghị"))
    _check_in_term(board, made_on, field="made_on", label=_("Ngày kiến nghị"))
    check_not_before(due_on, made_on, field="due_on", label=_("Hạn trả lời"), earlier_label=_("ngày kiến nghị"))
    if not (content or "").strip():
        raise ValidationError({"content": _("Cần ghi nội dung kiến nghị.")})
    recommendation = Recommendation(board=board, made_on=made_on, content=content.strip(), owner_unit=owner_unit, due_on=due_on)
    save(recommendation, gettext_noop("Ghi kiến nghị của Ban TTND"), by=by)
    _link_papi(recommendation)
    recommendation.plan_tasks.set(plan_tasks)
    return recommendation


@transaction.atomic
def follow_up(recommendation, *, by, on, note):
    """A follow-up entry (reminder, partial answer) on a day that has come, not before the recommendation."""
    _require(by, recommendation.board.unit)
    check_not_future(on, field="on", label=_("Ngày theo dõi"))
    check_not_before(on, recommendation.made_on, field="on", label=_("Ngày theo dõi"), earlier_label=_("ngày kiến nghị"))
    if not (note or "").strip():
        raise ValidationError({"note": _("Cần ghi nội dung theo dõi.")})
    entry = RecommendationFollowUp(recommendation=recommendation, on=on, note=note.strip())
    save(entry, gettext_noop("Theo dõi kiến nghị của Ban TTND"), by=by)
    return recommendation


@transaction.atomic
def record_result(recommendation, *, by, done_on, result):
    """The unit's answer closes the recommendation: done on a day that has come, not before it was made."""
    _require(by, recommendation.board.unit)
    if recommendation.done_on is not None:
        raise ValidationError({"done_on": _("Kiến nghị đã có kết quả.")})
    check_not_future(done_on, field="done_on", label=_("Ngày hoàn thành"))
    check_not_before(done_on, recommendation.made_on, field="done_on", label=_("Ngày hoàn thành"), earlier_label=_("ngày kiến nghị"))
    if not (result or "").strip():
        raise ValidationError({"result": _("Cần ghi kết quả giải quyết kiến nghị.")})
    recommendation.done_on, recommendation.result = done_on, result.strip()
    return save(recommendation, gettext_noop("Ghi kết quả giải quyết kiến nghị"), by=by)


@transaction.atomic
def record_training(*, by, board, held_on, topic, organiser="", attendees=(), plan_tasks=()):
    """Training received by members of this board (plan 2021 §II.7: the board's members are trained)."""
    _require(by, board.unit)
    check_not_future(held_on, field="held_on", label=_("Ngày tập huấn"))
    if not (topic or "").strip():
        raise ValidationError({"topic": _("Cần ghi chủ đề tập huấn.")})
    strangers = [member for member in attendees if member.board_id != board.pk]
    if strangers:
        raise ValidationError({"attendees": _("%(name)s không phải thành viên của Ban này.") % {"name": strangers[0].full_name}})
    training = save(BoardTraining(board=board, held_on=held_on, topic=topic.strip(), organiser=organiser),
                    gettext_noop("Ghi tập huấn Ban TTND"), by=by)
    training.attendees.set(attendees)
    training.plan_tasks.set(plan_tasks)
    return training


def board_of(unit, day):
    """The board whose term covers `day` for `unit`, or None."""
    return Board.objects.filter(unit=unit, term_from__lte=day, term_to__gte=day).first()
