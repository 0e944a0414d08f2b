"""Leaders' dialogues with citizens: record a dialogue with its commitments, follow each commitment to its result, and
record a complaint's dialogue (Luật Khiếu nại 2011 Art. 30) as a dialogue linked to the case."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.complaint_case.services.complaint import mark_dialogued
from doctypes.dialogue.access import may_keep_dialogues
from doctypes.dialogue.models import Commitment, CommitmentFollowUp, Dialogue
from doctypes.papi.models import Dimension
from papi_inspect.audit import save
from papi_inspect.permissions import Role, has_role, is_active_staff
from papi_inspect.records import check_not_before, check_not_future, check_visible

# PAPI 3, vertical accountability: leaders meet citizens and answer them (plan 2021 §II.7, §III.4).
PAPI_CODES = ("3",)


def _require(by, unit=None):
    if not may_keep_dialogues(by, unit):
        raise PermissionDenied(_("Chỉ Thanh tra Sở được cập nhật sổ đối thoại của đơn vị thuộc Sở."))


def _check_people(*, unit, leader, kind):
    if not is_active_staff(leader) or getattr(getattr(leader, "staff_profile", None), "unit_id", None) not in unit.agency().family_ids():
        raise ValidationError({"leader": _("Người chủ trì phải là cán bộ của Sở tổ chức đối thoại.")})
    # A dialogue with citizens is the leaders' own duty (plan 2021 §III.4); a complaint's may be chaired by the
    # verifier (Art. 30), so only the first needs a leader.
    if kind == Dialogue.Kind.CITIZENS and not has_role(leader, Role.LEADERSHIP):
        raise ValidationError({"leader": _("Đối thoại với người dân do Lãnh đạo Sở chủ trì.")})


def _save_dialogue(*, by, held_on, leader, unit, topic, kind, place="", participant_count=0, participants="", result=""):
    check_not_future(held_on, field="held_on", label=_("Ngày đối thoại"))
    if not (topic or "").strip():
        raise ValidationError({"topic": _("Cần ghi chủ đề đối thoại.")})
    _check_people(unit=unit, leader=leader, kind=kind)
    dialogue = Dialogue(kind=kind, held_on=held_on, leader=leader, unit=unit, topic=topic.strip(), place=place,
                        participant_count=participant_count or 0, participants=participants, result=(result or "").strip())
    save(dialogue, gettext_noop("Ghi cuộc đối thoại với người dân"), by=by)
    dialogue.papi.add(*Dimension.objects.filter(code__in=PAPI_CODES))
    return dialogue


@transaction.atomic
def hold_dialogue(*, by, held_on, leader, unit, topic, place="", participant_count=0, participants="", result="",
                  complaint_cases=(), petitions=(), commitments=(), plan_tasks=()):
    """Record a leaders' dialogue with citizens, the cases and petitions it dealt with, and its commitments
    [{"content", "owner_unit", "due_on"}]."""
    _require(by, unit)
    dialogue = _save_dialogue(by=by, held_on=held_on, leader=leader, unit=unit, topic=topic, kind=Dialogue.Kind.CITIZENS,
                              place=place, participant_count=participant_count, participants=participants, result=result)
    for case in complaint_cases:
        check_visible(case, by, field="complaint_cases")
    for petition in petitions:
        check_visible(petition, by, field="petitions")
    dialogue.complaint_cases.set(complaint_cases)
    dialogue.petitions.set(petitions)
    dialogue.plan_tasks.set(plan_tasks)
    for commitment in commitments:
        add_commitment(dialogue, by=by, **commitment)
    return dialogue


@transaction.atomic
def add_commitment(dialogue, *, by, content, owner_unit, due_on):
    """A commitment made at the dialogue, owned by a unit of the department, due on or after the dialogue."""
    _require(by, dialogue.unit)
    if owner_unit.pk not in dialogue.unit.agency().family_ids():
        raise ValidationError({"owner_unit": _("Đơn vị thực hiện cam kết phải thuộc Sở.")})
    check_not_before(due_on, dialogue.held_on, field="due_on", label=_("Hạn thực hiện"), earlier_label=_("ngày đối thoại"))
    if not (content or "").strip():
        raise ValidationError({"content": _("Cần ghi nội dung cam kết.")})
    commitment = Commitment(dialogue=dialogue, content=content.strip(), owner_unit=owner_unit, due_on=due_on)
    return save(commitment, gettext_noop("Ghi cam kết sau đối thoại"), by=by)


@transaction.atomic
def follow_up(commitment, *, by, on, note):
    """A follow-up entry of a commitment, on a day that has come, not before the dialogue."""
    _require(by, commitment.dialogue.unit)
    check_not_future(on, field="on", label=_("Ngày theo dõi"))
    check_not_before(on, commitment.dialogue.held_on, field="on", label=_("Ngày theo dõi"), earlier_label=_("ngày đối thoại"))
    if not (note or "").strip():
        raise ValidationError({"note": _("Cần ghi nội dung theo dõi.")})
    save(CommitmentFollowUp(commitment=commitment, on=on, note=note.strip()), gettext_noop("Theo dõi cam kết sau đối thoại"), by=by)
    return commitment


@transaction.atomic
def record_result(commitment, *, by, done_on, result):
    """The commitment is met: its result, on a day that has come, not before the dialogue."""
    _require(by, commitment.dialogue.unit)
    if commitment.done_on is not None:
        raise ValidationError({"done_on": _("Cam kết đã có kết quả.")})
    check_not_future(done_on, field="done_on", label=_("Ngày hoàn thành"))
    check_not_before(done_on, commitment.dialogue.held_on, field="done_on", label=_("Ngày hoàn thành"),
                     earlier_label=_("ngày đối thoại"))
    if not (result or "").strip():
        raise ValidationError({"result": _("Cần ghi kết quả thực hiện cam kết.")})
    commitment.done_on, commitment.result = done_on, result.strip()
    return save(commitment, gettext_noop("Ghi kết quả thực hiện cam kết"), by=by)


@transaction.atomic
def hold_complaint_dialogue(case, *, by, dialogue=None, held_on=None, leader=None, place="", participants="", result=""):
    """The complaint step "dialogue" (Luật Khiếu nại 2011 Art. 30): link the case to a dialogue already recorded, or
    record a new one (chaired by `leader`, else by whoever records it) with its result; the case then moves on
    without keeping its own text (complaint.mark_dialogued, which checks who may work on the case)."""
    if dialogue is None:
        if held_on is None:
            raise ValidationError({"held_on": _("Cần ngày đối thoại, hoặc chọn cuộc đối thoại đã ghi trong sổ.")})
        if not (result or "").strip():
            raise ValidationError({"result": _("Cần ghi kết quả đối thoại.")})
        mark_dialogued(case, by=by, held_on=held_on)
        dialogue = _save_dialogue(
            by=by, held_on=held_on, leader=leader or by, unit=case.unit, kind=Dialogue.Kind.COMPLAINT, place=place,
            topic=_("Đối thoại giải quyết khiếu nại %(code)s") % {"code": case.code}, participants=participants, result=result)
    else:
        check_visible(dialogue, by, field="dialogue")
        mark_dialogued(case, by=by, held_on=dialogue.held_on)
    dialogue.complaint_cases.add(case)
    return case


def dialogue_results(case):
    """The results of the dialogues linked to a complaint case, oldest first."""
    return [d.result for d in Dialogue.objects.filter(complaint_cases=case).order_by("held_on", "id") if d.result]
