"""Findings, violations and follow-up: record, report progress, verify, close, escalate when overdue."""

from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from doctypes.finding.access import may_edit_finding, may_report_progress, may_verify
from doctypes.finding.models import Action, ActionProgress, Finding, RecoverTo, Violation
from doctypes.org.models import StaffProfile
from papi_inspect.audit import save
from papi_inspect.notifications import notify
from papi_inspect.permissions import Role
from papi_inspect.pctn_topics import ViolationTopic
from papi_inspect.photos import attach_photo

REPEAT_WINDOW_MONTHS = 24


def _check_editable(finding, by):
    if not may_edit_finding(by, finding):
        raise PermissionDenied(_("Bạn không có quyền ghi, sửa phát hiện này."))
    if finding.inspection_id and finding.inspection.is_frozen:
        raise ValidationError(_("Cuộc thanh tra đã kết luận; phát hiện chỉ được sửa bằng văn bản sửa đổi kết luận."))


@transaction.atomic
def record_finding(*, by, unit, title, criteria, condition, recorded_on, inspection=None, discipline_check=None,
                   procedure_review=None, cause="", effect="", severity=Finding.Severity.MEDIUM, legal_document="",
                   legal_article="", legal_clause="", papi_dimensions=(), latitude=None, longitude=None, photos=()):
    """Record a finding from exactly one source: an inspection, a discipline check or a procedure review.

    Photos taken on the spot are attached in the same transaction, so a finding never lacks its evidence.
    """
    if sum(source is not None for source in (inspection, discipline_check, procedure_review)) != 1:
        raise ValidationError({"source": _("Phát hiện phải thuộc đúng một cuộc thanh tra, kiểm tra hoặc rà soát.")})
    _check_inspected_party(unit, inspection=inspection, discipline_check=discipline_check)
    _check_position(latitude, longitude)
    finding = Finding(
        inspection=inspection, discipline_check=discipline_check, procedure_review=procedure_review, unit=unit,
        title=title, criteria=criteria, condition=condition, cause=cause, effect=effect, severity=severity,
        legal_document=legal_document, legal_article=legal_article, legal_clause=legal_clause,
        recorded_on=recorded_on, recorded_by=by, latitude=latitude, longitude=longitude,
    )
    _check_editable(finding, by)
    save(finding, "Ghi nhận phát hiện", by=by)
    finding.papi_dimensions.set(papi_dimensions)
    for photo in photos:
        attach_photo(finding, by=by, photo=photo, description="Ảnh chụp tại hiện trường")
    return finding


def _check_inspected_party(unit, *, inspection, discipline_check):
    """A finding is about the party inspected or checked: one of the inspection's subject units (Luật Thanh tra 2022,
    the decision names them) or the checked unit (or a part of it); never a unit the team did not visit."""
    if inspection is not None:
        allowed = set(inspection.subject_units.values_list("pk", flat=True))
    elif discipline_check is not None:
        allowed = set(discipline_check.unit.family_ids())
    else:
        return
    if unit is None or unit.pk not in allowed:
        raise ValidationError({"unit": _("Đơn vị không phải là đối tượng của cuộc thanh tra, kiểm tra này.")})


def _check_position(latitude, longitude):
    if (latitude is None) != (longitude is None):
        raise ValidationError({"latitude": _("Vị trí phải có cả vĩ độ và kinh độ.")})
    if latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError({"latitude": _("Vị trí GPS không hợp lệ.")})


@transaction.atomic
def sign_finding(finding, *, by, signer_name, image, signed_at):
    """The inspected party's representative signs the finding on screen; the image is kept with name and time.

    The signature acknowledges what was recorded in their presence; a finding is signed once, and not after
    its inspection is concluded (then corrections are amendments).
    """
    _check_editable(finding, by)
    if not signer_name.strip():
        raise ValidationError({"signer_name": _("Phải ghi họ tên người ký.")})
    if finding.signature_id:
        raise ValidationError(_("Phát hiện này đã có chữ ký xác nhận."))
    finding.signature = attach_photo(finding, by=by, photo=image, description=f"Chữ ký của {signer_name.strip()}")
    finding.signer_name, finding.signed_at = signer_name.strip(), signed_at
    save(finding, "Đơn vị ký xác nhận phát hiện", by=by)
    return finding


def is_repeated(*, unit, committed_on, exclude=None):
    """A violation by the same unit within the previous 24 months makes this one a repeat."""
    earlier = Violation.objects.filter(
        responsible_unit=unit, committed_on__gte=committed_on - relativedelta(months=REPEAT_WINDOW_MONTHS),
        committed_on__lte=committed_on,
    )
    if exclude is not None:
        earlier = earlier.exclude(pk=exclude.pk)
    return earlier.exists()


@transaction.atomic
def record_violation(finding, *, by, responsible_unit, kind, committed_on, responsible_person="",
                     sanction=Violation.Sanction.NONE, sanction_detail="", amount_to_recover=Decimal(0),
                     assets_to_recover="", recover_to=RecoverTo.STATE, land_to_recover=Decimal(0), fine_amount=Decimal(0),
                     pctn_topic=""):
    """Record a violation; it is flagged when the same unit violated within the last 24 months.

    `pctn_topic` names the preventive rule of Luật PCTN 2018 (Chương II) it breaches, for 01/PCTN rows 15, 19–24, 30, 37.
    """
    _check_editable(finding, by)
    for field, value in (("amount_to_recover", amount_to_recover), ("land_to_recover", land_to_recover),
                         ("fine_amount", fine_amount)):
        if value < 0:
            raise ValidationError({field: _("Số tiền, diện tích không được âm.")})
    if fine_amount and sanction != Violation.Sanction.ADMINISTRATIVE_FINE:
        raise ValidationError({"fine_amount": _("Chỉ ghi số tiền xử phạt khi hình thức xử lý là xử phạt vi phạm hành chính.")})
    if pctn_topic not in ("", *ViolationTopic.values):
        raise ValidationError({"pctn_topic": _("Quy định phòng ngừa tham nhũng không hợp lệ: %(topic)s.") % {"topic": pctn_topic}})
    violation = Violation(
        pctn_topic=pctn_topic, finding=finding, responsible_unit=responsible_unit, responsible_person=responsible_person, kind=kind,
        committed_on=committed_on, sanction=sanction, sanction_detail=sanction_detail,
        amount_to_recover=amount_to_recover, assets_to_recover=assets_to_recover, recover_to=recover_to,
        land_to_recover=land_to_recover, fine_amount=fine_amount,
        repeated=is_repeated(unit=responsible_unit, committed_on=committed_on),
    )
    save(violation, "Ghi nhận vi phạm", by=by)
    return violation


def validate_action(finding, *, due_on, violation=None):
    """A recommendation's due date is after the conclusion date and not before the finding."""
    inspection = finding.inspection
    if inspection is not None and inspection.concluded_on and due_on <= inspection.concluded_on:
        raise ValidationError({"due_on": _('Hạn thực hiện phải sau ngày kết luận (%(concluded_on)s).') % {"concluded_on": f"{inspection.concluded_on:%d/%m/%Y}"}})
    if due_on < finding.recorded_on:
        raise ValidationError({"due_on": _("Hạn thực hiện không được trước ngày ghi nhận phát hiện.")})
    if violation is not None and violation.finding_id != finding.pk:
        raise ValidationError({"violation": _("Vi phạm không thuộc phát hiện này.")})


def validate_loophole(*, loophole_document, loophole_issuer, loophole):
    """A document to amend is named with its issuer and what in it is open to abuse, or not at all (03/PCTN cols 1–3)."""
    given = [value.strip() for value in (loophole_document, loophole_issuer, loophole)]
    if any(given) and not all(given):
        missing = [field for field, value in zip(("loophole_document", "loophole_issuer", "loophole"), given) if not value]
        raise ValidationError({field: _("Kiến nghị sửa văn bản còn sơ hở phải nêu đủ văn bản, cơ quan ban hành và nội dung "
                                         "sơ hở.") for field in missing})


def validate_progress(action, *, note, amount_recovered):
    if action.status in (Action.Status.VERIFIED, Action.Status.CLOSED):
        raise ValidationError(_("Kiến nghị đã được xác nhận hoặc đã hoàn thành."))
    if amount_recovered < 0:
        raise ValidationError({"amount_recovered": _("Số tiền thu hồi không được âm.")})
    if amount_recovered and action.violation is None:
        raise ValidationError({"amount_recovered": _("Kiến nghị không gắn với vi phạm nào có tiền phải thu hồi.")})
    if not note:
        raise ValidationError({"note": _("Phải nêu kết quả thực hiện.")})


@transaction.atomic
def recommend_action(finding, *, by, description, owner_unit, due_on, violation=None, loophole_document="",
                     loophole_issuer="", loophole=""):
    """A recommendation gets an owner unit and a due date that is after the conclusion date; one to amend a
    document that leaves room for corruption names the document, its issuer and the loophole (03/PCTN)."""
    if not may_edit_finding(by, finding):
        raise PermissionDenied(_("Bạn không có quyền ghi kiến nghị cho phát hiện này."))
    validate_action(finding, due_on=due_on, violation=violation)
    validate_loophole(loophole_document=loophole_document, loophole_issuer=loophole_issuer, loophole=loophole)
    action = Action(finding=finding, violation=violation, description=description, owner_unit=owner_unit, due_on=due_on,
                    loophole_document=loophole_document.strip(), loophole_issuer=loophole_issuer.strip(),
                    loophole=loophole.strip())
    save(action, "Ghi kiến nghị", by=by)
    return action


@transaction.atomic
def report_action_progress(action, *, by, reported_on, note, amount_recovered=Decimal(0)):
    """The owner unit reports progress; recovered money is added to the violation's running total."""
    if not may_report_progress(by, action):
        raise PermissionDenied(_("Chỉ đơn vị thực hiện được báo cáo tiến độ kiến nghị này."))
    validate_progress(action, note=note, amount_recovered=amount_recovered)
    progress = ActionProgress(action=action, reported_on=reported_on, reported_by=by, note=note, amount_recovered=amount_recovered)
    save(progress, "Báo cáo tiến độ", by=by)
    if amount_recovered:
        violation = Violation.objects.select_for_update().get(pk=action.violation_id)
        violation.amount_recovered += amount_recovered  # the row is locked above
        save(violation, "Cập nhật số tiền đã thu hồi", by=by)
    action.status = Action.Status.IN_PROGRESS
    save(action, "Báo cáo tiến độ", by=by)
    return progress


@transaction.atomic
def verify_action(action, *, by, verified_on, note="", photos=()):
    """The inspector checks the evidence (photos taken on the spot are kept) and confirms the action was carried out."""
    if not may_verify(by, action):
        raise PermissionDenied(_("Chỉ người có thẩm quyền với phát hiện mới được xác nhận kết quả."))
    if action.status != Action.Status.IN_PROGRESS:
        raise ValidationError(_("Chỉ xác nhận được kiến nghị đã có báo cáo tiến độ."))
    action.status, action.verified_by, action.verified_on, action.verification_note = (
        Action.Status.VERIFIED, by, verified_on, note,
    )
    save(action, "Kiểm tra, xác nhận kết quả", by=by)
    for photo in photos:
        attach_photo(action, by=by, photo=photo, description="Ảnh kiểm tra, xác nhận kết quả")
    return action


@transaction.atomic
def close_action(action, *, by, closed_on):
    """Close a verified action; closing without verification is refused."""
    if not may_verify(by, action):
        raise PermissionDenied(_("Bạn không có quyền đóng kiến nghị này."))
    if action.status != Action.Status.VERIFIED:
        raise ValidationError(_("Chưa được kiểm tra, xác nhận kết quả: không thể đóng kiến nghị."))
    action.status, action.closed_on = Action.Status.CLOSED, closed_on
    save(action, "Hoàn thành kiến nghị", by=by)
    return action


def _heads_of(unit):
    profiles = StaffProfile.objects.filter(unit=unit, user__groups__name=Role.UNIT_HEAD, user__is_active=True)
    return [profile.user for profile in profiles.select_related("user")]


def _leadership():
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(groups__name=Role.LEADERSHIP, is_active=True))


@transaction.atomic
def escalate_overdue_actions(*, today):
    """Notify the owner unit's head and leadership of each open action past its due date (once per action)."""
    overdue = Action.objects.filter(due_on__lt=today).exclude(status=Action.Status.CLOSED).select_related("owner_unit")
    count = 0
    for action in overdue:
        link = reverse("admin:finding_action_change", args=[action.pk])
        subject = f"Kiến nghị quá hạn: {action.owner_unit} (hạn {action.due_on:%d/%m/%Y})"
        for recipient in _heads_of(action.owner_unit) + _leadership():
            notify(recipient, subject=subject, body=action.description, link=link, key=f"finding.action.overdue.{action.pk}")
        if action.escalated_on is None:
            action.escalated_on = today
            save(action, "Báo cáo kiến nghị quá hạn", by=None)
        count += 1
    return count
