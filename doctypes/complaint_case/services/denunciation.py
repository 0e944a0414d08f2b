"""Denunciation services (Luật Tố cáo 2018): initial processing, accept, extend, conclude, handle."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.complaint_case.access import may_request_report, require_register, require_work
from doctypes.complaint_case.models import Denunciation, DenunciationExtension, Petition, Verdict
from doctypes.complaint_case.services.petition import link_case_papi
from doctypes.complaint_case.services.remedies import apply_remedies
from papi_inspect.audit import save
from papi_inspect.deadlines import DeadlineStatus, deadline_status
from papi_inspect.notifications import notify
from papi_inspect.records import check_not_before, check_not_future, check_reason, check_visible, due_date, next_code, require_status as _require

Status = Denunciation.Status
MAX_EXTENSIONS = 2  # Art. 30: complex once, especially complex twice; also enforced by the rule data


@transaction.atomic
def open_denunciation(
    *, by, subject, denounced, received_on, unit, handler=None, identity=None, petition=None, anonymous=False,
    anti_corruption=False,
):
    """Record a denunciation; initial processing is due within 7 working days (Art. 24).

    An anonymous denunciation, or one whose author cannot be identified, is not handled as a
    denunciation (Art. 25): record it as a petition and check or transfer it instead.
    """
    require_register(by, Denunciation, unit)
    check_not_future(received_on, field="received_on", label="Ngày nhận tố cáo")
    if petition is not None:
        check_visible(petition, by, field="petition")
        if petition.outcome != Petition.Outcome.ACCEPT or petition.content_kind != "denunciation":
            raise ValidationError({"petition": _("Chỉ mở hồ sơ tố cáo từ đơn tố cáo đã được thụ lý.")})
        if Denunciation.objects.filter(petition=petition).exists():
            raise ValidationError({"petition": _("Đơn này đã có hồ sơ tố cáo.")})
        anonymous = anonymous or petition.anonymous
        anti_corruption = anti_corruption or petition.anti_corruption
    has_identity = bool((identity or {}).get("name")) or bool(petition and petition.identity_cipher)
    if anonymous or not has_identity:
        raise ValidationError(
            {"identity": _("Tố cáo nặc danh hoặc không rõ người tố cáo không được thụ lý như tố cáo (Luật Tố cáo 2018, Điều 25).")}
        )
    case = Denunciation(
        code=next_code(Denunciation, "TC", received_on.year), petition=petition, subject=subject, denounced=denounced,
        received_on=received_on, unit=unit, handler=handler, anti_corruption=anti_corruption,
        initial_due=due_date("denunciation.initial", received_on),
    )
    case.pseudonym = f"Người tố cáo {case.code}"
    if identity:
        case.set_identity(identity)
    else:
        # Same ciphertext, same keys: the identity is never decrypted just to be copied.
        case.identity_cipher, case.person_key = petition.identity_cipher, petition.person_key
    save(case, gettext_noop("Tiếp nhận tố cáo"), by=by)
    link_case_papi(case, anti_corruption=anti_corruption)
    return case


@transaction.atomic
def extend_initial_processing(case, *, by, reason):
    """Extend initial processing from 7 to 10 working days when verification spans several places (Art. 24)."""
    require_work(by, case)
    _require(case, Status.RECEIVED, message=_("Chỉ kéo dài thời hạn khi đang xử lý ban đầu."))
    if case.initial_extended:
        raise ValidationError({"initial_due": _("Thời hạn xử lý ban đầu chỉ được kéo dài một lần (Điều 24).")})
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do kéo dài.")})
    case.initial_due = due_date("denunciation.initial", case.received_on, extensions=1)
    case.initial_extended = True
    return save(case, f"Kéo dài xử lý ban đầu: {reason.strip()}", by=by)


@transaction.atomic
def decline_denunciation(case, *, by, decided_on, reason):
    """Decide not to accept the denunciation (Art. 29(2)) and record why."""
    require_work(by, case)
    _require(case, Status.RECEIVED, message=_("Chỉ quyết định không thụ lý khi đang xử lý ban đầu."))
    check_not_future(decided_on, field="decided_on", label="Ngày quyết định")
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do không thụ lý.")})
    case.status, case.not_accepted_reason = Status.NOT_ACCEPTED, reason.strip()
    return save(case, gettext_noop("Không thụ lý tố cáo"), by=by)


@transaction.atomic
def accept_denunciation(case, *, by, accepted_on):
    """Accept: notify within 5 working days (Art. 29) and resolve within 30 days (Art. 30)."""
    require_work(by, case)
    _require(case, Status.RECEIVED, message=_("Tố cáo đã được thụ lý hoặc đã có quyết định không thụ lý."))
    check_not_future(accepted_on, field="accepted_on", label="Ngày thụ lý")
    check_not_before(accepted_on, case.received_on, field="accepted_on", label="Ngày thụ lý", earlier_label="ngày nhận tố cáo")
    case.accepted_on, case.status = accepted_on, Status.ACCEPTED
    case.notify_due = due_date("denunciation.notify", accepted_on)
    case.resolve_due = due_date("denunciation.resolve", accepted_on)
    return save(case, gettext_noop("Thụ lý tố cáo"), by=by)


@transaction.atomic
def record_acceptance_notice(case, *, by, notified_on):
    """Record that the denouncer and the denounced were notified of the acceptance (Art. 29)."""
    require_work(by, case)
    _require(case, Status.ACCEPTED, Status.CONCLUDED, Status.HANDLED, message=_("Chưa thụ lý tố cáo."))
    check_not_future(notified_on, field="notified_on", label="Ngày thông báo")
    check_not_before(notified_on, case.accepted_on, field="notified_on", label="Ngày thông báo", earlier_label="ngày thụ lý")
    case.notified_on = notified_on
    return save(case, gettext_noop("Thông báo thụ lý tố cáo"), by=by)


@transaction.atomic
def mark_complex(case, *, by, reason):
    """Record that the case is complex, and why: the precondition of an extension (Luật Tố cáo 2018, Điều 30 khoản 1).

    Its own step, so the finding is recorded with its reason before anyone extends, never inferred from an extension.
    """
    require_work(by, case)
    _require(case, Status.RECEIVED, Status.ACCEPTED, message=_("Chỉ xác định vụ việc phức tạp khi tố cáo đang được xử lý."))
    if case.is_complex:
        raise ValidationError({"is_complex": _("Vụ việc đã được xác định là phức tạp.")})
    reason = check_reason(reason, field="reason", label=_("Lý do xác định vụ việc phức tạp"))
    case.is_complex = True
    return save(case, f"Xác định vụ việc phức tạp (Điều 30): {reason}", by=by)


@transaction.atomic
def mark_especially_complex(case, *, by, reason):
    """Record that a complex case is especially complex, and why: the precondition of a second extension
    (Luật Tố cáo 2018, Điều 30 khoản 1: "đối với vụ việc đặc biệt phức tạp thì có thể gia hạn hai lần")."""
    require_work(by, case)
    _require(case, Status.RECEIVED, Status.ACCEPTED,
             message=_("Chỉ xác định vụ việc đặc biệt phức tạp khi tố cáo đang được xử lý."))
    if not case.is_complex:
        raise ValidationError({"is_especially_complex": _(
            "Hãy xác định vụ việc phức tạp trước khi xác định vụ việc đặc biệt phức tạp (Điều 30).")})
    if case.is_especially_complex:
        raise ValidationError({"is_especially_complex": _("Vụ việc đã được xác định là đặc biệt phức tạp.")})
    reason = check_reason(reason, field="reason", label=_("Lý do xác định vụ việc đặc biệt phức tạp"))
    case.is_especially_complex = True
    return save(case, f"Xác định vụ việc đặc biệt phức tạp (Điều 30): {reason}", by=by)


def extensions_allowed(case):
    """How many resolution extensions Art. 30(1) allows this case: none, once if complex, twice if especially complex."""
    if not case.is_complex:
        return 0
    return MAX_EXTENSIONS if case.is_especially_complex else 1


@transaction.atomic
def extend_resolution(case, *, by, decided_on, decision_number, reason):
    """Extend resolution by a recorded decision with its reason: at most twice, 30 days each (Art. 30).

    Luật Tố cáo 2018 Art. 30(1): only a complex case may be extended, once; an especially complex one twice. So the
    case must have been marked complex (mark_complex), and especially complex (mark_especially_complex) before a
    second extension; the reason must say something (MIN_REASON_LENGTH).
    """
    require_work(by, case)
    _require(case, Status.ACCEPTED, message=_("Chỉ gia hạn khi tố cáo đang được giải quyết."))
    number = case.extensions.count() + 1
    if number > MAX_EXTENSIONS:
        raise ValidationError(
            {"extensions": _("Đã gia hạn hai lần: Luật Tố cáo 2018 Điều 30 không cho phép gia hạn lần thứ ba.")}
        )
    if not case.is_complex:
        raise ValidationError({"is_complex": _(
            "Chỉ gia hạn giải quyết vụ việc phức tạp (Luật Tố cáo 2018, Điều 30 khoản 1): hãy xác định vụ việc phức tạp trước.")})
    if number > extensions_allowed(case):
        raise ValidationError({"is_especially_complex": _(
            "Vụ việc phức tạp chỉ được gia hạn một lần; gia hạn lần thứ hai chỉ dành cho vụ việc đặc biệt phức tạp "
            "(Luật Tố cáo 2018, Điều 30 khoản 1): hãy xác định vụ việc đặc biệt phức tạp trước.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Quyết định gia hạn phải ghi rõ lý do (Điều 30).")})
    reason = check_reason(reason, field="reason", label=_("Lý do gia hạn (Điều 30)"))
    if not decision_number.strip():
        raise ValidationError({"decision_number": _("Cần số quyết định gia hạn.")})
    check_not_future(decided_on, field="decided_on", label="Ngày quyết định gia hạn")
    check_not_before(decided_on, case.accepted_on, field="decided_on", label="Ngày quyết định gia hạn", earlier_label="ngày thụ lý")
    new_due = due_date("denunciation.resolve", case.accepted_on, extensions=number)
    extension = DenunciationExtension(
        denunciation=case, number=number, decided_on=decided_on, decision_number=decision_number.strip(),
        reason=reason.strip(), new_due=new_due, decided_by=by,
    )
    save(extension, f"Gia hạn lần {number}", by=by)
    case.resolve_due = new_due
    save(case, f"Gia hạn giải quyết lần {number}", by=by)
    return extension


@transaction.atomic
def conclude_denunciation(case, *, by, concluded_on, conclusion, verdict, **remedies):
    """Issue the conclusion on the denounced content, saying whether the denunciation was right, partly right or
    wrong (Art. 35 khoản 1: the 04/GQTC count comes from this record), and what it recovers, returns and refers."""
    require_work(by, case)
    _require(case, Status.ACCEPTED, message=_("Phải thụ lý tố cáo trước khi kết luận."))
    check_not_future(concluded_on, field="concluded_on", label="Ngày kết luận")
    check_not_before(concluded_on, case.accepted_on, field="concluded_on", label="Ngày kết luận", earlier_label="ngày thụ lý")
    if not conclusion.strip():
        raise ValidationError({"conclusion": _("Cần nội dung kết luận.")})
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": _("Kết luận phải nói rõ tố cáo đúng, đúng một phần hay sai (Luật Tố cáo 2018, Điều 35).")})
    case.concluded_on, case.conclusion, case.status = concluded_on, conclusion.strip(), Status.CONCLUDED
    case.verdict = verdict
    apply_remedies(case, remedies)
    return save(case, gettext_noop("Kết luận nội dung tố cáo"), by=by)


@transaction.atomic
def record_handling(case, *, by, handled_on, handling):
    """Record how the conclusion was handled; only after the conclusion (Art. 36)."""
    require_work(by, case)
    _require(case, Status.CONCLUDED, message=_("Phải có kết luận trước khi xử lý kết luận."))
    check_not_future(handled_on, field="handled_on", label="Ngày xử lý")
    check_not_before(handled_on, case.concluded_on, field="handled_on", label="Ngày xử lý", earlier_label="ngày kết luận")
    if not handling.strip():
        raise ValidationError({"handling": _("Cần ghi nội dung xử lý.")})
    case.handled_on, case.handling, case.status = handled_on, handling.strip(), Status.HANDLED
    return save(case, gettext_noop("Xử lý kết luận tố cáo"), by=by)


@transaction.atomic
def request_overdue_report(case, *, by, requested_on):
    """On an overdue case the supervisor requests a report, due within 5 working days (Art. 38)."""
    if not may_request_report(by, case):
        raise PermissionDenied(_("Chỉ lãnh đạo, Chánh Thanh tra hoặc lãnh đạo trực tiếp được yêu cầu báo cáo."))
    if case.status != Status.ACCEPTED or deadline_status(case.resolve_due, today=requested_on) != DeadlineStatus.OVERDUE:
        raise ValidationError({"status": _("Chỉ yêu cầu báo cáo khi vụ việc tố cáo đã quá hạn giải quyết (Điều 38).")})
    check_not_future(requested_on, field="requested_on", label="Ngày yêu cầu")
    case.report_requested_on = requested_on
    case.report_due = due_date("denunciation.overdue_report", requested_on)
    save(case, gettext_noop("Yêu cầu báo cáo lý do chậm giải quyết (Điều 38)"), by=by)
    if case.handler_id:
        notify(
            case.handler,
            subject=f"Yêu cầu báo cáo: {case.code} quá hạn giải quyết",
            body=f"Báo cáo lý do chậm giải quyết trước ngày {case.report_due:%d/%m/%Y} (Luật Tố cáo 2018, Điều 38).",
            key=f"denunciation-report:{case.pk}:{requested_on.isoformat()}",
        )
    return case


def denunciation_from_petition(petition, *, by, denounced, unit=None, handler=None, subject=""):
    """Open the denunciation case of a petition whose outcome is 'accept' (the handover "Mở vụ tố cáo từ đơn"); the
    denouncer's identity is carried over encrypted, never decrypted to be copied."""
    return open_denunciation(
        by=by, subject=subject or petition.full_text("matter"), denounced=denounced, received_on=petition.received_on,
        unit=unit or petition.unit, handler=handler or petition.handler, petition=petition,
    )
