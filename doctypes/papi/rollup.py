"""The office's quarterly roll-up to Sở Nội vụ: figures, narrative, freezing, and the .docx."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doctypes.papi.access import manages_plans
from doctypes.papi.figures import sum_figures
from doctypes.papi.models import Dimension
from doctypes.papi.models.plan import Task
from doctypes.papi.models.report import OfficeReport, UnitReport, UnitReportEntry
from doctypes.papi.services import report_date, reporting_board
from papi_inspect.audit import save
from papi_inspect.state_documents import Signature, StateDocument, StateDocumentHeader, document_number

STATE_LABELS = {
    "submitted": "Đã nộp đúng hạn", "late": "Nộp muộn", "overdue": "Quá hạn, chưa nộp",
    "due_soon": "Sắp đến hạn", "pending": "Chưa đến hạn",
}


def _require_office(user, report_or_plan):
    plan = getattr(report_or_plan, "plan", report_or_plan)
    if not manages_plans(user) or not plan.__class__.objects.visible_to(user).filter(pk=plan.pk).exists():
        raise PermissionDenied(_("Chỉ Văn phòng Sở được lập báo cáo tổng hợp."))


def rollup_figures(plan, *, year, quarter, today=None):
    """Everything the roll-up states as a number, as plain JSON (so a frozen report can keep it)."""
    board = reporting_board(plan, year=year, quarter=quarter, today=today)
    submitted = UnitReport.objects.filter(plan=plan, year=year, quarter=quarter, status=UnitReport.Status.SUBMITTED)
    entries = UnitReportEntry.objects.filter(report__in=submitted).select_related("task__group", "report__unit")
    areas = []
    for group in plan.groups.order_by("section", "number"):
        live = group.tasks.live()
        group_entries = [e for e in entries if e.task.group_id == group.pk]
        areas.append({
            "section": group.section, "number": group.number, "title": group.title,
            "dimension": group.dimension.code if group.dimension_id else "",
            "tasks": live.count(),
            "done": len({e.task_id for e in group_entries if e.progress == UnitReportEntry.Progress.DONE}),
            "in_progress": len({e.task_id for e in group_entries if e.progress == UnitReportEntry.Progress.IN_PROGRESS}),
            "results": [
                {"unit": str(e.report.unit), "task": e.task.order, "text": e.result}
                for e in group_entries if e.result
            ],
        })
    units = [{"unit": str(row["unit"]), "state": row["state"], "due_on": row["due_on"].isoformat()} for row in board]
    measured = sum_figures(report.figures for report in submitted)
    names = dict(Dimension.objects.filter(code__in=measured).values_list("code", "name_vi"))
    return {
        "year": year, "quarter": quarter, "areas": areas, "units": units,
        "reports_expected": len(board), "reports_submitted": sum(u["state"] in ("submitted", "late") for u in units),
        "reports_late": sum(u["state"] == "late" for u in units), "reports_missing": sum(u["state"] == "overdue" for u in units),
        "system_figures": [{"dimension": code, "name": names.get(code, code), "rows": rows} for code, rows in measured.items()],
    }


def _draft_results(figures):
    lines = []
    for area in figures["areas"]:
        if area["section"] != "II":
            continue
        lines.append(f"{area['number']}. {area['title']}")
        lines += [f"- {row['unit']}: {row['text']}" for row in area["results"]] or ["- Chưa có đơn vị báo cáo kết quả."]
    return "\n".join(lines)


@transaction.atomic
def start_office_report(plan, *, year, quarter, by, today=None):
    """Open (or return) the quarter's roll-up, with a first draft of the narrative from the unit reports."""
    _require_office(by, plan)
    existing = OfficeReport.objects.filter(plan=plan, year=year, quarter=quarter).first()
    if existing:
        return existing
    figures = rollup_figures(plan, year=year, quarter=quarter, today=today)
    summaries = UnitReport.objects.filter(plan=plan, year=year, quarter=quarter, status=UnitReport.Status.SUBMITTED)
    shortcomings = "\n".join(f"- {r.unit}: {r.summary}" for r in summaries if r.summary)
    missing = [u["unit"] for u in figures["units"] if u["state"] == "overdue"]
    if missing:
        shortcomings += ("\n" if shortcomings else "") + f"- Đơn vị chưa nộp báo cáo đúng hạn: {', '.join(missing)}."
    next_tasks = "\n".join(
        f"- {task.text[:200]}" for task in Task.objects.filter(group__plan=plan, group__section="III").live()
        .exclude(recurrence=Task.Recurrence.YEARLY).order_by("group__number", "order")
    )
    report = OfficeReport(
        plan=plan, year=year, quarter=quarter, due_on=report_date(plan, quarter).office_due_on(year),
        results=_draft_results(figures), shortcomings=shortcomings, next_tasks=next_tasks,
    )
    save(report, "Lập báo cáo tổng hợp", by=by)
    return report


@transaction.atomic
def update_office_report(report, *, by, results=None, shortcomings=None, next_tasks=None, number=None):
    """Edit the narrative; a frozen report keeps what it said."""
    report = OfficeReport.objects.select_for_update().get(pk=report.pk)
    _require_office(by, report)
    if report.is_frozen:
        raise ValidationError({"status": _("Báo cáo đã chốt, không được sửa.")})
    for name, value in (("results", results), ("shortcomings", shortcomings), ("next_tasks", next_tasks), ("number", number)):
        if value is not None:
            setattr(report, name, value)
    save(report, "Sửa nội dung báo cáo tổng hợp", by=by)
    return report


@transaction.atomic
def freeze_office_report(report, *, by, today=None):
    """Freeze the roll-up: the figures of this moment are stored and used for every later download."""
    report = OfficeReport.objects.select_for_update().get(pk=report.pk)
    _require_office(by, report)
    if report.is_frozen:
        raise ValidationError({"status": _("Báo cáo đã chốt.")})
    report.figures = rollup_figures(report.plan, year=report.year, quarter=report.quarter, today=today)
    report.status, report.frozen_at, report.frozen_by = OfficeReport.Status.FROZEN, timezone.now(), by
    save(report, "Chốt báo cáo tổng hợp", by=by)
    return report


def report_figures(report, today=None):
    """A frozen report's stored figures; a draft's figures as of now."""
    if report.is_frozen:
        return report.figures
    return rollup_figures(report.plan, year=report.year, quarter=report.quarter, today=today)


def office_report_docx(report, *, today=None):
    """The roll-up as a state-format .docx (NĐ 30/2020): results by content area, figures, shortcomings, next tasks."""
    figures = report_figures(report, today)
    plan = report.plan
    period = report_date(plan, report.quarter).period_label
    agency = plan.owner
    doc = StateDocument(StateDocumentHeader(
        parent_agency=str(agency.parent or ""), issuing_agency=str(agency),
        number=f"Số: {report.number}" if report.number else document_number(0, "BC-VP"),
        place=_place(agency), date=(report.frozen_at and timezone.localtime(report.frozen_at).date()) or timezone.localdate(),
        doc_type="BÁO CÁO",
        subject=f"Kết quả thực hiện Kế hoạch cải thiện chỉ số PAPI {period.lower()} năm {report.year}",
    ))
    doc.paragraph(f"Thực hiện {plan.implements}; {agency} báo cáo kết quả thực hiện {period.lower()} năm {report.year} như sau:")
    doc.heading("I. KẾT QUẢ THỰC HIỆN")
    for line in report.results.splitlines():
        doc.paragraph(line)
    doc.heading("Số liệu thực hiện nhiệm vụ theo nội dung")
    doc.table(
        ["Nội dung", "Chỉ số PAPI", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện"],
        [[f"{a['section']}.{a['number']}. {a['title']}", a["dimension"], a["tasks"], a["done"], a["in_progress"]]
         for a in figures["areas"]],
    )
    doc.paragraph(
        f"Số đơn vị phải báo cáo: {figures['reports_expected']}; đã nộp: {figures['reports_submitted']} "
        f"(nộp muộn: {figures['reports_late']}); quá hạn chưa nộp: {figures['reports_missing']}."
    )
    rows = [[f"{s['dimension']}. {s['name']}", r["label"], r["value"]] for s in figures["system_figures"] for r in s["rows"]]
    if rows:
        doc.heading("Số liệu từ hệ thống theo chỉ số PAPI")
        doc.table(["Chỉ số PAPI", "Nội dung", "Số lượng"], rows)
    doc.heading("II. TỒN TẠI, HẠN CHẾ")
    for line in (report.shortcomings or "Không.").splitlines():
        doc.paragraph(line)
    doc.heading("III. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI")
    for line in report.next_tasks.splitlines():
        doc.paragraph(line)
    doc.sign(Signature(authority=plan.signer_authority or "GIÁM ĐỐC", name=plan.signer_name,
                       recipients=["Sở Nội vụ (t/h)", "Lãnh đạo Sở", "Lưu: VT, VP"]))
    return doc.to_bytes()


def office_report_filename(report):
    return f"bao-cao-papi-quy-{report.quarter}-{report.year}.docx"



def _place(agency):
    """The province's name, where the document is issued (NĐ 30/2020, Phụ lục I: địa danh)."""
    province = agency.parent
    return province.name.replace("UBND tỉnh", "").strip() if province else ""
