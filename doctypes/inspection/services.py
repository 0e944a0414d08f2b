"""Inspection rules: the annual plan, then decision → announcement → fieldwork → report → conclusion → publication."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doctypes.inspection.access import may_draft_plan, may_edit_inspection
from doctypes.inspection.models import Inspection, InspectionAmendment, InspectionPlan, InspectionTeamMember
from papi_inspect.audit import save
from papi_inspect.deadlines import DeadlineError, compute_deadline, rule_in_force
from papi_inspect.pctn_topics import clean_topics
from papi_inspect.permissions import is_inspectorate

Step = Inspection.Step


def plan_due_date(year):
    """Due date of the plan for `year`: the rule's fixed day (20/12 of the year before under the 2022 law).

    The fixed day is stored as a count from 30 November so that it stays data with a validity period.
    """
    return _deadline("inspection.annual_plan", datetime.date(year - 1, 11, 30)).due


@transaction.atomic
def draft_inspection_plan(*, owner, year, title, by, drafted_on, number=""):
    """The Chánh Thanh tra drafts the annual plan; its approval is due by the rule in force."""
    if not may_draft_plan(by):
        raise PermissionDenied(_("Chỉ Chánh Thanh tra được lập kế hoạch thanh tra năm."))
    if InspectionPlan.objects.filter(owner=owner, year=year).exists():
        raise ValidationError({"year": _('Đã có kế hoạch thanh tra năm %(year)s.') % {"year": year}})
    plan = InspectionPlan(
        owner=owner, year=year, title=title, number=number, drafted_by=by, drafted_on=drafted_on, due_on=plan_due_date(year)
    )
    save(plan, "Lập kế hoạch thanh tra năm", by=by)
    return plan


@transaction.atomic
def approve_inspection_plan(plan, *, by, approved_by, approved_on, number):
    """Record the approval; approving after the due date is recorded but the list shows it late."""
    if not may_draft_plan(by, plan):
        raise PermissionDenied(_("Chỉ Chánh Thanh tra được trình, ghi nhận phê duyệt kế hoạch."))
    if plan.status == InspectionPlan.Status.APPROVED:
        raise ValidationError(_("Kế hoạch đã được phê duyệt."))
    if not plan.inspections.exists():
        raise ValidationError(_("Kế hoạch chưa có cuộc thanh tra nào."))
    plan.status, plan.approved_by, plan.approved_on, plan.number = InspectionPlan.Status.APPROVED, approved_by, approved_on, number
    save(plan, "Phê duyệt kế hoạch thanh tra", by=by)
    return plan


@transaction.atomic
def add_inspection(*, owner, by, title, subject_units, year, plan=None, kind=Inspection.Kind.PLANNED, grounds="",
                   grounds_detail="", case_reference="", scope="", period_from=None, period_to=None, quarter=None,
                   papi_dimensions=(), level=Inspection.Level.DEPARTMENT, remote=False, complaint_case=None,
                   denunciation=None, pctn_topics=()):
    """Add a planned inspection to the plan, or an unscheduled one with its grounds (Luật Thanh tra 2022).

    An inspection on the grounds of a complaint or denunciation is linked to that case when the case
    is in the system, and only to a case the author may see. `pctn_topics`: what it examines, as 01/PCTN counts it.
    """
    if not may_draft_plan(by) and not (plan is None and is_inspectorate(by)):
        raise PermissionDenied(_("Bạn không có quyền thêm cuộc thanh tra."))
    errors = {}
    if kind == Inspection.Kind.PLANNED and plan is None:
        errors["plan"] = "Cuộc thanh tra theo kế hoạch phải thuộc một kế hoạch."
    if plan is not None and plan.status == InspectionPlan.Status.APPROVED and kind == Inspection.Kind.PLANNED:
        errors["plan"] = "Kế hoạch đã phê duyệt; cuộc thanh tra phát sinh phải là thanh tra đột xuất."
    if kind == Inspection.Kind.UNSCHEDULED and not grounds:
        errors["grounds"] = "Thanh tra đột xuất phải nêu căn cứ."
    errors.update(_case_link_errors(by, grounds, complaint_case, denunciation, case_reference))
    if not subject_units:
        errors["subject_units"] = "Phải có ít nhất một đối tượng thanh tra."
    if period_from and period_to and period_to < period_from:
        errors["period_to"] = "Thời kỳ thanh tra: ngày kết thúc phải sau ngày bắt đầu."
    if errors:
        raise ValidationError(errors)
    topics = clean_topics(pctn_topics)
    inspection = Inspection(
        pctn_topics=topics,
        owner=owner, plan=plan, year=year, kind=kind, grounds=grounds, grounds_detail=grounds_detail,
        case_reference=case_reference, title=title, scope=scope, period_from=period_from, period_to=period_to,
        quarter=quarter, level=level, remote=remote, complaint_case=complaint_case, denunciation=denunciation,
    )
    save(inspection, "Thêm cuộc thanh tra", by=by)
    inspection.subject_units.set(subject_units)
    inspection.papi_dimensions.set(papi_dimensions)
    return inspection


def _case_link_errors(by, grounds, complaint_case, denunciation, case_reference):
    """A linked case must match the grounds and be visible to the author; complaint/denunciation grounds need a case."""
    from doctypes.complaint_case.models import ComplaintCase, Denunciation

    errors = {}
    links = (
        ("complaint_case", complaint_case, ComplaintCase, Inspection.Grounds.COMPLAINT),
        ("denunciation", denunciation, Denunciation, Inspection.Grounds.DENUNCIATION),
    )
    for field, case, model, matching_grounds in links:
        if case is None:
            continue
        if grounds != matching_grounds:
            errors[field] = "Hồ sơ liên kết phải khớp với căn cứ thanh tra đột xuất."
        elif not model.objects.visible_to(by).filter(pk=case.pk).exists():
            errors[field] = "Bạn không được xem hồ sơ này nên không thể liên kết."
    needs_case = grounds in (Inspection.Grounds.COMPLAINT, Inspection.Grounds.DENUNCIATION)
    if needs_case and not (complaint_case or denunciation or case_reference.strip()):
        errors["case_reference"] = "Thanh tra do khiếu nại, tố cáo phải liên kết hồ sơ vụ việc (hoặc ghi số hiệu hồ sơ ngoài hệ thống)."
    return errors


def _require(inspection, by, *, at, step_name):
    if not may_edit_inspection(by, inspection):
        raise PermissionDenied(_("Chỉ Chánh Thanh tra và đoàn thanh tra được cập nhật cuộc thanh tra."))
    if inspection.is_frozen and step_name != "publish":
        raise ValidationError(_("Cuộc thanh tra đã kết luận; mọi sửa đổi phải lập văn bản sửa đổi, bổ sung kết luận."))
    if inspection.step != at:
        raise ValidationError(
            _('Không thể thực hiện bước này khi cuộc thanh tra đang ở bước "%(step)s".') % {"step": inspection.get_step_display()}
        )


def _not_before(day, earlier, field, label):
    if earlier and day < earlier:
        raise ValidationError({field: _('Ngày này không được trước %(label)s (%(earlier)s).') % {"label": label, "earlier": f"{earlier:%d/%m/%Y}"}})


def _set_due(inspection, deadline):
    inspection.next_due = deadline.due if deadline else None
    inspection.next_due_rule = f"{deadline.rule.name} – {deadline.rule.citation}" if deadline else ""


def _deadline(code, start, **kwargs):
    try:
        return compute_deadline(code, start, **kwargs)
    except DeadlineError as error:
        raise ValidationError({error.field: str(error)}) from error


@transaction.atomic
def decide_inspection(inspection, *, by, number, decided_on, signer, leader, members=()):
    """The decision names its number, date, signer and team (Luật Thanh tra 2022: Chánh Thanh tra signs)."""
    if not may_edit_inspection(by, inspection) and not may_draft_plan(by):
        raise PermissionDenied(_("Chỉ Chánh Thanh tra ra quyết định thanh tra."))
    if inspection.step != Step.PLANNED:
        raise ValidationError(_("Cuộc thanh tra đã có quyết định."))
    if not number or not signer:
        raise ValidationError({"number": _("Phải có số quyết định và người ký.")})
    if leader in members:
        raise ValidationError({"members": _("Trưởng đoàn không được lặp lại trong danh sách thành viên.")})
    inspection.decision_number, inspection.decision_date, inspection.decision_signer = number, decided_on, signer
    inspection.step = Step.DECIDED
    _set_due(inspection, None)
    save(inspection, "Ra quyết định thanh tra", by=by)
    InspectionTeamMember.objects.create(inspection=inspection, member=leader, role=InspectionTeamMember.Role.LEADER)
    for member in members:
        InspectionTeamMember.objects.create(inspection=inspection, member=member)
    return inspection


@transaction.atomic
def announce_inspection(inspection, *, by, announced_on):
    """Announce the decision to the subject; fieldwork starts from it."""
    _require(inspection, by, at=Step.DECIDED, step_name="announce")
    _not_before(announced_on, inspection.decision_date, "announced_on", "ngày quyết định")
    inspection.announced_on = inspection.fieldwork_started_on = announced_on
    inspection.step = Step.FIELDWORK
    deadline = _deadline("inspection.fieldwork", announced_on, remote=inspection.remote)
    inspection.fieldwork_due = deadline.due
    _set_due(inspection, deadline)
    save(inspection, "Công bố quyết định thanh tra", by=by)
    return inspection


@transaction.atomic
def extend_fieldwork(inspection, *, by, decision_number, decided_on):
    """Extend fieldwork by an extension decision, within the rule's maximum number of extensions."""
    _require(inspection, by, at=Step.FIELDWORK, step_name="extend")
    if not decision_number:
        raise ValidationError({"decision_number": _("Phải có số quyết định gia hạn.")})
    deadline = _deadline(
        "inspection.fieldwork", inspection.fieldwork_started_on, remote=inspection.remote,
        extensions=inspection.fieldwork_extensions + 1,
    )
    inspection.fieldwork_extensions += 1
    inspection.extension_decision_number, inspection.extension_decision_date = decision_number, decided_on
    inspection.fieldwork_due = deadline.due
    _set_due(inspection, deadline)
    save(inspection, "Gia hạn thời hạn thanh tra", by=by)
    return inspection


@transaction.atomic
def end_fieldwork(inspection, *, by, ended_on):
    """End fieldwork; past the allowed duration it is refused unless an extension decision covers it."""
    _require(inspection, by, at=Step.FIELDWORK, step_name="end")
    _not_before(ended_on, inspection.fieldwork_started_on, "ended_on", "ngày bắt đầu tiến hành")
    if ended_on > inspection.fieldwork_due:
        raise ValidationError({
            "ended_on": _('Thời hạn tiến hành thanh tra hết ngày %(fieldwork_due)s; phải có quyết định gia hạn trước khi kết thúc muộn hơn.') % {"fieldwork_due": f"{inspection.fieldwork_due:%d/%m/%Y}"}
        })
    code = "inspection.report_provincial" if inspection.level == Inspection.Level.PROVINCIAL else "inspection.report"
    inspection.fieldwork_ended_on = ended_on
    inspection.step = Step.FIELDWORK_ENDED
    _set_due(inspection, _deadline(code, ended_on))
    save(inspection, "Kết thúc tiến hành thanh tra", by=by)
    return inspection


def appraisal_required_on(day):
    """The 2025 law requires appraisal of the draft: true when an appraisal rule is in force on `day`."""
    try:
        rule_in_force("inspection.appraisal", day)
    except DeadlineError:
        return False
    return True


@transaction.atomic
def report_inspection(inspection, *, by, reported_on):
    """Results report and draft conclusion: 15 days after fieldwork (20 at provincial level)."""
    _require(inspection, by, at=Step.FIELDWORK_ENDED, step_name="report")
    _not_before(reported_on, inspection.fieldwork_ended_on, "reported_on", "ngày kết thúc tiến hành")
    inspection.reported_on = reported_on
    inspection.step = Step.REPORTED
    inspection.appraisal_required = appraisal_required_on(reported_on)
    code = "inspection.appraisal" if inspection.appraisal_required else "inspection.conclusion"
    _set_due(inspection, _deadline(code, reported_on))
    save(inspection, "Báo cáo kết quả, dự thảo kết luận", by=by)
    return inspection


@transaction.atomic
def appraise_draft(inspection, *, by, appraised_on):
    """Appraisal (thẩm định) of the draft conclusion, required by Luật Thanh tra 84/2025/QH15."""
    _require(inspection, by, at=Step.REPORTED, step_name="appraise")
    if not inspection.appraisal_required:
        raise ValidationError(_("Quy định áp dụng cho cuộc thanh tra này không yêu cầu thẩm định dự thảo kết luận."))
    _not_before(appraised_on, inspection.reported_on, "appraised_on", "ngày báo cáo")
    inspection.appraised_on = appraised_on
    inspection.step = Step.APPRAISED
    _set_due(inspection, _deadline("inspection.conclusion", appraised_on))
    save(inspection, "Thẩm định dự thảo kết luận", by=by)
    return inspection


@transaction.atomic
def conclude_inspection(inspection, *, by, number, concluded_on, signer, summary=""):
    """Sign the conclusion (Luật Thanh tra 2022 Art. 78: within 15 days of the draft); it is then frozen."""
    at = Step.APPRAISED if inspection.appraisal_required else Step.REPORTED
    _require(inspection, by, at=at, step_name="conclude")
    if not number or not signer:
        raise ValidationError({"number": _("Phải có số kết luận và người ký.")})
    _not_before(concluded_on, inspection.appraised_on or inspection.reported_on, "concluded_on", "ngày dự thảo")
    early = [a for f in inspection.findings.all() for a in f.actions.all() if a.due_on <= concluded_on]
    if early:
        raise ValidationError({"concluded_on": _("Có kiến nghị có hạn thực hiện không sau ngày kết luận.")})
    inspection.conclusion_number, inspection.concluded_on, inspection.conclusion_signer = number, concluded_on, signer
    inspection.conclusion_summary = summary
    inspection.step = Step.CONCLUDED
    _set_due(inspection, None)
    save(inspection, "Ban hành kết luận thanh tra", by=by)
    return inspection


@transaction.atomic
def publish_conclusion(inspection, *, by, published_on):
    """Publish the conclusion in full."""
    _require(inspection, by, at=Step.CONCLUDED, step_name="publish")
    _not_before(published_on, inspection.concluded_on, "published_on", "ngày kết luận")
    inspection.published_on = published_on
    inspection.step = Step.PUBLISHED
    save(inspection, "Công khai kết luận thanh tra", by=by)
    return inspection


@transaction.atomic
def amend_conclusion(inspection, *, by, number, issued_on, reason, changes):
    """A concluded inspection is frozen; a correction is an amendment linked to the original."""
    if not may_edit_inspection(by, inspection):
        raise PermissionDenied(_("Chỉ Chánh Thanh tra và đoàn thanh tra được sửa đổi kết luận."))
    if not inspection.is_frozen:
        raise ValidationError(_("Chưa có kết luận: hãy cập nhật trực tiếp cuộc thanh tra."))
    if not reason or not changes:
        raise ValidationError({"reason": _("Phải nêu lý do và nội dung sửa đổi.")})
    _not_before(issued_on, inspection.concluded_on, "issued_on", "ngày kết luận")
    amendment = InspectionAmendment(
        inspection=inspection, number=number, issued_on=issued_on, reason=reason, changes=changes, recorded_by=by
    )
    save(amendment, "Sửa đổi, bổ sung kết luận", by=by)
    return amendment


