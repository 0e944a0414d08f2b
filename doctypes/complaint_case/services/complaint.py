"""Complaint case services: accept, verify, dialogue, decide (Luật Khiếu nại 2011; NĐ 124/2020)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.complaint_case.access import require_register, require_work
from doctypes.complaint_case.models import ComplaintCase, Petition
from doctypes.complaint_case.services.petition import link_case_papi
from doctypes.complaint_case.services.remedies import apply_remedies
from papi_inspect.audit import save
from papi_inspect.identity import decrypt_identity
from papi_inspect.permissions import Role, has_role
from papi_inspect.records import check_not_before, check_not_future, check_visible, due_date, next_code, require_status as _require

Status = ComplaintCase.Status


def _accept_rule(level):
    # Art. 27 (first instance); Art. 36 for the second, whose 10 days are unconfirmed data.
    return "complaint.accept" if level == ComplaintCase.Instance.FIRST else "complaint.accept_second"


def _resolve_rule(level):
    return "complaint.resolve" if level == ComplaintCase.Instance.FIRST else "complaint.resolve_second"


@transaction.atomic
def open_complaint_case(
    *, by, subject, complained_act, received_on, unit, handler=None, petition=None, complainant_name="",
    level=ComplaintCase.Instance.FIRST, is_complex=False, is_remote=False, anti_corruption=False,
):
    """Open a case for a complaint; its acceptance is due 10 days after receipt (Art. 27 / Art. 36)."""
    require_register(by, ComplaintCase, unit)
    check_not_future(received_on, field="received_on", label="Ngày nhận đơn")
    if petition is not None:
        check_visible(petition, by, field="petition")
        if petition.outcome != Petition.Outcome.ACCEPT or petition.content_kind != "complaint":
            raise ValidationError({"petition": _("Chỉ mở hồ sơ khiếu nại từ đơn khiếu nại đã được thụ lý.")})
        if ComplaintCase.objects.filter(petition=petition).exists():
            raise ValidationError({"petition": _("Đơn này đã có hồ sơ khiếu nại.")})
        complainant_name = complainant_name or decrypt_identity(petition.identity_cipher).get("name", "")
        anti_corruption = anti_corruption or petition.anti_corruption
    if not complainant_name.strip():
        raise ValidationError({"complainant_name": _("Cần họ tên người khiếu nại.")})
    case = ComplaintCase(
        code=next_code(ComplaintCase, "KN", received_on.year), petition=petition, subject=subject,
        complained_act=complained_act, complainant_name=complainant_name.strip(), received_on=received_on,
        unit=unit, handler=handler, level=level, is_complex=is_complex, is_remote=is_remote,
        anti_corruption=anti_corruption, accept_due=due_date(_accept_rule(level), received_on),
    )
    save(case, gettext_noop("Mở hồ sơ khiếu nại"), by=by)
    link_case_papi(case, anti_corruption=anti_corruption)
    return case


def complaint_from_petition(petition, *, by, complained_act, subject="", handler=None, level=ComplaintCase.Instance.FIRST,
                            is_remote=False):
    """Open the complaint case of a petition whose outcome is 'accept' (the handover "Mở vụ khiếu nại từ đơn"):
    received when the petition was, by the petition's unit, the complainant named from the petition's identity."""
    return open_complaint_case(
        by=by, subject=subject or petition.full_text("matter"), complained_act=complained_act, received_on=petition.received_on,
        unit=petition.unit, handler=handler or petition.handler, petition=petition, level=level, is_remote=is_remote,
    )


@transaction.atomic
def accept_complaint(case, *, by, accepted_on):
    """Accept (thụ lý) the complaint; resolution is due in 30/45 days, 45/60 in remote areas (Art. 28),
    or 45/60, 60/70 at second instance (Art. 37)."""
    require_work(by, case)
    _require(case, Status.RECEIVED, message=_("Hồ sơ đã được thụ lý."))
    check_not_future(accepted_on, field="accepted_on", label="Ngày thụ lý")
    check_not_before(accepted_on, case.received_on, field="accepted_on", label="Ngày thụ lý", earlier_label="ngày nhận đơn")
    case.accepted_on, case.status = accepted_on, Status.ACCEPTED
    case.resolve_due = due_date(_resolve_rule(case.level), accepted_on, complex=case.is_complex, remote=case.is_remote)
    return save(case, gettext_noop("Thụ lý giải quyết khiếu nại"), by=by)


@transaction.atomic
def mark_complex(case, *, by, is_complex=True):
    """A case found complex gets the longer limit of Art. 28 / Art. 37, counted from acceptance."""
    require_work(by, case)
    case.is_complex = is_complex
    if case.accepted_on:
        case.resolve_due = due_date(_resolve_rule(case.level), case.accepted_on, complex=is_complex, remote=case.is_remote)
    return save(case, "Xác định vụ việc phức tạp" if is_complex else "Bỏ xác định phức tạp", by=by)


@transaction.atomic
def record_verification(case, *, by, verified_on, result):
    """Record the verification (xác minh) result; it follows acceptance."""
    require_work(by, case)
    _require(case, Status.ACCEPTED, message=_("Phải thụ lý trước khi ghi kết quả xác minh."))
    check_not_future(verified_on, field="verified_on", label="Ngày xác minh")
    check_not_before(verified_on, case.accepted_on, field="verified_on", label="Ngày xác minh", earlier_label="ngày thụ lý")
    if not result.strip():
        raise ValidationError({"verification_result": _("Cần ghi kết quả xác minh.")})
    case.verified_on, case.verification_result, case.status = verified_on, result, Status.VERIFIED
    return save(case, gettext_noop("Ghi kết quả xác minh"), by=by)


def _check_dialogue(case, *, by, held_on):
    # Art. 30: the dialogue follows verification, on a day that has come.
    require_work(by, case)
    _require(case, Status.VERIFIED, message=_("Phải xác minh trước khi đối thoại."))
    check_not_future(held_on, field="dialogue_on", label="Ngày đối thoại")
    check_not_before(held_on, case.verified_on, field="dialogue_on", label="Ngày đối thoại", earlier_label="ngày xác minh")


@transaction.atomic
def record_dialogue(case, *, by, held_on, result):
    """Record the dialogue (đối thoại, Art. 30), held after verification, with its result typed on the case."""
    _check_dialogue(case, by=by, held_on=held_on)
    if not result.strip():
        raise ValidationError({"dialogue_result": _("Cần ghi kết quả đối thoại.")})
    case.dialogue_on, case.dialogue_result, case.status = held_on, result, Status.DIALOGUED
    return save(case, gettext_noop("Ghi kết quả đối thoại"), by=by)


@transaction.atomic
def mark_dialogued(case, *, by, held_on):
    """The dialogue (Art. 30) was held on `held_on` and its result recorded elsewhere (the dialogue register, which
    links this case): the case moves on with the day, and keeps no text of its own."""
    _check_dialogue(case, by=by, held_on=held_on)
    case.dialogue_on, case.status = held_on, Status.DIALOGUED
    return save(case, gettext_noop("Ghi kết quả đối thoại"), by=by)


@transaction.atomic
def decide_complaint(case, *, by, decided_on, decision_number, result, conclusion, signer=None, **remedies):
    """Issue the resolution decision, after verification; at second instance only after the
    mandatory dialogue (NĐ 124/2020 Art. 28). `signer` is the leader who signs it (Art. 31); `remedies` are what
    it recovers, returns and refers (Art. 31 khoản 2, Art. 40: the decision states them; 03/GQKN counts them)."""
    require_work(by, case)
    if case.status in (Status.RECEIVED, Status.ACCEPTED):
        raise ValidationError({"status": _("Chưa xác minh: không thể ra quyết định giải quyết trước khi xác minh.")})
    if case.level == ComplaintCase.Instance.SECOND and case.status != Status.DIALOGUED:
        raise ValidationError({"status": _("Giải quyết khiếu nại lần hai bắt buộc phải đối thoại trước khi ra quyết định.")})
    _require(case, Status.VERIFIED, Status.DIALOGUED, message=_("Hồ sơ đã có quyết định."))
    check_not_future(decided_on, field="decided_on", label="Ngày ra quyết định")
    check_not_before(decided_on, case.verified_on, field="decided_on", label="Ngày ra quyết định", earlier_label="ngày xác minh")
    if not decision_number.strip():
        raise ValidationError({"decision_number": _("Cần số quyết định.")})
    if signer is not None and not has_role(signer, Role.LEADERSHIP):
        raise ValidationError({"signer": _("Quyết định giải quyết khiếu nại do Giám đốc Sở hoặc Phó Giám đốc được giao ký "
                                         "(Luật Khiếu nại 2011, Điều 20).")})
    case.decided_on, case.decision_number, case.result = decided_on, decision_number.strip(), result
    case.conclusion, case.status = conclusion, Status.DECIDED
    apply_remedies(case, remedies)
    if signer is not None:
        case.signer = signer
    return save(case, gettext_noop("Ra quyết định giải quyết khiếu nại"), by=by)
