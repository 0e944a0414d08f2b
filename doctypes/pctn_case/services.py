"""Recording a corruption, waste or negative case found in the agency, its people and what was recovered.

Every screen, the API and the Excel import call these functions; each runs in one transaction.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doctypes.finding.models import Violation
from doctypes.pctn_case.access import may_keep_cases
from doctypes.pctn_case.models import PctnCase, PctnCasePerson, PctnRecovery
from papi_inspect.audit import save
from papi_inspect.records import check_not_future

PERSON_FIELDS = ("label", "role", "head_responsible", "discipline", "disciplined_on", "prosecuted_on", "sentence",
                 "sentenced_on")
RECOVERY_FIELDS = ("recorded_on", "measure", "amount", "land")


def require_keeper(by, unit=None):
    if not may_keep_cases(by, unit):
        raise PermissionDenied(_("Chỉ Thanh tra Sở được ghi sổ vụ việc tham nhũng, lãng phí, tiêu cực của Sở."))


def _check_date(day, detected_on, *, field, label):
    """An event of the case: not in the future, not before the case was found."""
    if day is None:
        return
    check_not_future(day, field=field, label=label)
    if detected_on and day < detected_on:
        raise ValidationError({field: _("%(label)s không được trước ngày phát hiện.") % {"label": label}})


def check_case(case, *, by):
    """The rules of one case record, on creation and on every correction."""
    errors = {}
    check_not_future(case.detected_on, field="detected_on", label=_("Ngày phát hiện"))
    for field, label in (("prosecuted_on", _("Ngày khởi tố vụ án")), ("tried_on", _("Ngày xét xử sơ thẩm")),
                         ("handled_on", _("Ngày có kết quả xử lý"))):
        _check_date(getattr(case, field), case.detected_on, field=field, label=label)
    if case.tried_on and not case.prosecuted_on:
        errors["prosecuted_on"] = _("Vụ án đã xét xử phải có ngày khởi tố.")
    if case.non_state and not case.non_state_organisation.strip():
        errors["non_state_organisation"] = _("Ghi tên doanh nghiệp, tổ chức khu vực ngoài nhà nước.")
    if case.amount_detected < 0 or case.land_detected < 0:
        errors["amount_detected"] = _("Số tiền, diện tích không được âm.")
    if case.violation_id:
        violation = case.violation
        if not Violation.objects.visible_to(by).filter(pk=violation.pk).exists():
            errors["violation"] = _("Không tìm thấy vi phạm này.")
        elif violation.finding.inspection_id and case.channel != PctnCase.Channel.INSPECTION:
            # 01/PCTN rows 56–59 count the cases found by inspection: a violation of a conclusion is one of them.
            errors["channel"] = _("Vụ việc từ vi phạm trong kết luận thanh tra phải ghi 'phát hiện qua: Thanh tra'.")
        elif PctnCase.objects.filter(violation=violation).exclude(pk=case.pk).exists():
            errors["violation"] = _("Vi phạm này đã được ghi thành một vụ việc khác.")
    if case.denunciation_id and case.channel != PctnCase.Channel.COMPLAINT:
        errors["channel"] = _("Vụ việc từ giải quyết tố cáo phải ghi 'phát hiện qua: Giải quyết khiếu nại, tố cáo'.")
    if errors:
        raise ValidationError(errors)


def check_person(person, case):
    """A person is named by position; discipline and sentence each come with their date (01/PCTN 80–88)."""
    errors = {}
    if not (person.label or "").strip():
        errors["label"] = _("Ghi chức vụ của đối tượng (không ghi họ tên).")
    if person.head_responsible and person.role == PctnCasePerson.Role.OTHER:
        errors["head_responsible"] = _("Chỉ người đứng đầu hoặc cấp phó bị kết luận thiếu trách nhiệm để xảy ra TNLPTC.")
    if bool(person.discipline) != bool(person.disciplined_on):
        errors["disciplined_on"] = _("Hình thức kỷ luật và ngày quyết định kỷ luật phải ghi cùng nhau.")
    if bool(person.sentence) != bool(person.sentenced_on):
        errors["sentenced_on"] = _("Loại tội và ngày xét xử phải ghi cùng nhau.")
    if person.sentenced_on and not person.prosecuted_on:
        errors["prosecuted_on"] = _("Người bị kết án phải có ngày khởi tố.")
    if errors:
        raise ValidationError(errors)
    for field, label in (("disciplined_on", _("Ngày kỷ luật")), ("prosecuted_on", _("Ngày khởi tố bị can")),
                         ("sentenced_on", _("Ngày xét xử"))):
        _check_date(getattr(person, field), case.detected_on, field=field, label=label)


def check_recovery(recovery, case):
    """Money or land, on a day since the case was found; a case from an inspection's violation records the money
    recovered administratively in that violation's follow-up (progress reports), so it is counted once (row 91)."""
    if recovery.amount < 0 or recovery.land < 0 or not (recovery.amount or recovery.land):
        raise ValidationError({"amount": _("Ghi số tiền hoặc diện tích (lớn hơn 0).")})
    if recovery.measure not in PctnRecovery.Measure.values:
        raise ValidationError({"measure": _("Biện pháp không hợp lệ.")})
    _check_date(recovery.recorded_on, case.detected_on, field="recorded_on", label=_("Ngày thu hồi"))
    if case.violation_id and recovery.measure == PctnRecovery.Measure.ADMINISTRATIVE and recovery.amount:
        raise ValidationError({"measure": _("Tiền thu hồi theo kết luận thanh tra được ghi ở báo cáo tiến độ của kiến nghị, "
                                            "không ghi lại ở đây.")})


def _next_code(detected_on):
    prefix = f"VV{detected_on.year}-"
    taken = PctnCase.objects.filter(code__startswith=prefix).values_list("code", flat=True)
    number = max((int(code[len(prefix):]) for code in taken if code[len(prefix):].isdigit()), default=0) + 1
    return f"{prefix}{number:03d}"


@transaction.atomic
def record_case(*, by, unit, title, detected_on, channel, kind=PctnCase.Kind.CORRUPTION, non_state=False,
                non_state_organisation="", violation=None, inspection=None, denunciation=None, amount_detected=Decimal(0),
                land_detected=Decimal(0), prosecuted_on=None, tried_on=None, handled_on=None, whistleblowers_protected=0,
                whistleblowers_retaliated=0, retaliators_handled=0, whistleblowers_rewarded=0, summary="",
                papi_dimensions=(), plan_tasks=(), people=(), recoveries=()):
    """Enter a case found in a unit of the department, with its people ({field: value}) and recoveries.

    Luật PCTN 2018 Chương III (phát hiện tham nhũng) and TT 06/2025/TT-TTCP Biểu 01/PCTN: the register records how it
    was found, its kind, the people (by position, never by name) and their handling, and the assets recovered.
    A case from a violation of an inspection conclusion names that violation: 01/PCTN then counts it once.
    """
    require_keeper(by, unit)
    if not (title or "").strip():
        raise ValidationError({"title": _("Ghi tóm tắt vụ việc.")})
    if violation is not None and inspection is None:
        inspection = violation.finding.inspection
    case = PctnCase(
        code=_next_code(detected_on), title=title.strip(), unit=unit, detected_on=detected_on, channel=channel, kind=kind,
        non_state=non_state, non_state_organisation=non_state_organisation, violation=violation, inspection=inspection,
        denunciation=denunciation, amount_detected=amount_detected or Decimal(0), land_detected=land_detected or Decimal(0),
        prosecuted_on=prosecuted_on, tried_on=tried_on, handled_on=handled_on,
        whistleblowers_protected=whistleblowers_protected or 0, whistleblowers_retaliated=whistleblowers_retaliated or 0,
        retaliators_handled=retaliators_handled or 0, whistleblowers_rewarded=whistleblowers_rewarded or 0,
        summary=summary, recorded_by=by)
    check_case(case, by=by)
    save(case, "Ghi sổ vụ việc tham nhũng, lãng phí, tiêu cực", by=by)
    case.papi_dimensions.set(papi_dimensions)
    case.plan_tasks.set(plan_tasks)
    for values in people:
        save_person(case, by=by, person=PctnCasePerson(**{k: v for k, v in values.items() if k in PERSON_FIELDS}))
    for values in recoveries:
        save_recovery(case, by=by, recovery=PctnRecovery(**{k: v for k, v in values.items() if k in RECOVERY_FIELDS}))
    return case


@transaction.atomic
def correct_case(case, *, by, reason="Sửa thông tin vụ việc"):
    """Save a correction of the case's own fields under the same rules as when it was entered."""
    require_keeper(by, case.unit)
    check_case(case, by=by)
    return save(case, reason, by=by)


@transaction.atomic
def save_person(case, *, by, person):
    """Add or correct one person of the case (checked as on entry)."""
    require_keeper(by, case.unit)
    person.case = case
    person.discipline, person.sentence = person.discipline or "", person.sentence or ""
    check_person(person, case)
    return save(person, "Ghi đối tượng của vụ việc", by=by)


@transaction.atomic
def save_recovery(case, *, by, recovery):
    """Add or correct one recovery of the case (checked as on entry)."""
    require_keeper(by, case.unit)
    recovery.case = case
    recovery.amount, recovery.land = recovery.amount or Decimal(0), recovery.land or Decimal(0)
    check_recovery(recovery, case)
    return save(recovery, "Ghi kết quả thu hồi", by=by)
