"""The plan's rules: the office manages plans and tasks; units report each quarter on their own tasks."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doctypes.papi.access import manages_plans, may_report_for
from doctypes.papi.figures import collect_figures
from doctypes.papi.models import Dimension
from doctypes.papi.models.plan import Plan, Task
from doctypes.papi.models.report import UnitReport, UnitReportEntry
from papi_inspect.attachments import attach_file
from papi_inspect.audit import save
from papi_inspect.deadlines import DeadlineStatus, deadline_status


def _require_manager(user, plan):
    if not manages_plans(user) or not Plan.objects.visible_to(user).filter(pk=plan.pk).exists():
        raise PermissionDenied(_("Chỉ Văn phòng Sở được quản lý kế hoạch PAPI."))


def quarter_period(year, quarter):
    """First and last day of a quarter: the period a quarterly report covers."""
    start = datetime.date(year, 3 * quarter - 2, 1)
    end = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - datetime.timedelta(days=1)
    return start, end


# --- Plans and tasks ---------------------------------------------------------------------------

@transaction.atomic
def copy_plan_to_year(plan, *, by, year):
    """Start next year's plan from this one: same groups, live tasks, units and reporting dates."""
    _require_manager(by, plan)
    if Plan.objects.filter(owner=plan.owner, year=year).exists():
        raise ValidationError({"year": _('Đã có kế hoạch PAPI năm %(year)s.') % {"year": year}})
    copy = Plan.objects.get(pk=plan.pk)
    copy.pk = copy.id = None
    copy.year, copy.copied_from, copy.status = year, plan, Plan.Status.DRAFT
    copy.number, copy.issued_on = "", None
    save(copy, f"Sao chép từ kế hoạch năm {plan.year}", by=by)
    for date in plan.report_dates.all():
        date.pk = date.id = None
        date.plan = copy
        save(date, "Sao chép kế hoạch", by=by)
    for group in plan.groups.all():
        tasks = list(group.tasks.live())
        group.pk = group.id = None
        group.plan = copy
        save(group, "Sao chép kế hoạch", by=by)
        for task in tasks:
            new = Task(group=group, order=task.order, text=task.text, recurrence=task.recurrence, copied_from=task)
            save(new, "Sao chép kế hoạch", by=by)
            new.lead_units.set(task.lead_units.all())
            new.cooperating_units.set(task.cooperating_units.all())
            new.dimensions.set(task.dimensions.all())
    return copy


def _check_units(plan, units):
    allowed = plan.owner.family_ids()
    strangers = [str(unit) for unit in units if unit.pk not in allowed]
    if strangers:
        raise ValidationError({"lead_units": _('Đơn vị không thuộc cơ quan ban hành kế hoạch: %(items)s.') % {"items": ', '.join(strangers)}})


@transaction.atomic
def add_task(group, *, by, text, lead_units, cooperating_units=(), recurrence=Task.Recurrence.CONTINUOUS, dimensions=()):
    """Add a task at the end of a group; it needs at least one unit in charge."""
    _require_manager(by, group.plan)
    if not text.strip():
        raise ValidationError({"text": _("Nội dung nhiệm vụ không được để trống.")})
    if not lead_units:
        raise ValidationError({"lead_units": _("Nhiệm vụ phải có ít nhất một đơn vị chủ trì.")})
    _check_units(group.plan, list(lead_units) + list(cooperating_units))
    order = (group.tasks.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    task = Task(group=group, order=order, text=text.strip(), recurrence=recurrence)
    task.full_clean(exclude=["lead_units", "cooperating_units"])
    save(task, "Thêm nhiệm vụ", by=by)
    task.lead_units.set(lead_units)
    task.cooperating_units.set(cooperating_units)
    task.dimensions.set(dimensions)
    return task


@transaction.atomic
def update_task(task, *, by, text=None, recurrence=None, status=None, lead_units=None, cooperating_units=None, dimensions=None):
    """Edit a task's text, recurrence, status or units; a retired task is retired through `retire_task`."""
    _require_manager(by, task.plan)
    if status == Task.Status.RETIRED:
        raise ValidationError({"status": _("Dùng chức năng Ngừng thực hiện để ngừng một nhiệm vụ.")})
    for name, value in (("text", text), ("recurrence", recurrence), ("status", status)):
        if value is not None:
            setattr(task, name, value.strip() if name == "text" else value)
    if lead_units is not None and not lead_units:
        raise ValidationError({"lead_units": _("Nhiệm vụ phải có ít nhất một đơn vị chủ trì.")})
    _check_units(task.plan, list(lead_units or []) + list(cooperating_units or []))
    task.full_clean(exclude=["lead_units", "cooperating_units"])
    save(task, "Sửa nhiệm vụ", by=by)
    if lead_units is not None:
        task.lead_units.set(lead_units)
    if cooperating_units is not None:
        task.cooperating_units.set(cooperating_units)
    if dimensions is not None:
        task.dimensions.set(dimensions)
    return task


@transaction.atomic
def retire_task(task, *, by, reason):
    """Stop a task; it stays in past reports but is no longer reported on nor copied forward."""
    _require_manager(by, task.plan)
    if not reason.strip():
        raise ValidationError({"reason": _("Cần nêu lý do ngừng thực hiện nhiệm vụ.")})
    task.status, task.retired_reason = Task.Status.RETIRED, reason.strip()[:255]
    save(task, f"Ngừng thực hiện: {reason.strip()}", by=by)
    return task


# --- Quarterly unit reports --------------------------------------------------------------------

def report_date(plan, quarter):
    date = plan.report_dates.filter(quarter=quarter).first()
    if date is None:
        raise ValidationError({"quarter": _('Kế hoạch chưa có hạn báo cáo cho quý %(quarter)s.') % {"quarter": quarter}})
    return date


def tasks_of_unit(plan, unit):
    """The plan's live tasks a unit leads or cooperates on: the only tasks it reports."""
    return (
        Task.objects.filter(group__plan=plan).live().filter(lead_units=unit)
        | Task.objects.filter(group__plan=plan).live().filter(cooperating_units=unit)
    ).distinct().order_by("group__section", "group__number", "order")


def prefill_figures(unit, year, quarter):
    """What the system already knows from the unit's work in the quarter, by PAPI dimension."""
    start, end = quarter_period(year, quarter)
    return collect_figures(unit.family_ids(), start, end)


@transaction.atomic
def start_unit_report(plan, *, unit, year, quarter, by):
    """Open (or return) a unit's report for a quarter, one row per task, figures pre-filled."""
    if not may_report_for(by, unit):
        raise PermissionDenied(_("Bạn chỉ được báo cáo cho đơn vị của mình."))
    existing = UnitReport.objects.filter(plan=plan, unit=unit, year=year, quarter=quarter).first()
    if existing:
        return existing
    tasks = list(tasks_of_unit(plan, unit))
    if not tasks:
        raise ValidationError({"unit": _('%(unit)s không có nhiệm vụ nào trong kế hoạch này.') % {"unit": unit}})
    report = UnitReport(
        plan=plan, unit=unit, year=year, quarter=quarter,
        due_on=report_date(plan, quarter).unit_due_on(year), figures=prefill_figures(unit, year, quarter),
    )
    save(report, "Lập báo cáo quý", by=by)
    for task in tasks:
        save(UnitReportEntry(report=report, task=task), "Lập báo cáo quý", by=by)
    return report


def _require_reporter(user, report):
    if not may_report_for(user, report.unit):
        raise PermissionDenied(_("Bạn chỉ được báo cáo cho đơn vị của mình."))
    if report.is_frozen:
        raise ValidationError({"status": _("Báo cáo đã nộp, không được sửa.")})


@transaction.atomic
def save_report_progress(report, *, by, progress, summary=None):
    """Record progress: `progress` is {task id: (progress, result)}; only the unit's own tasks."""
    report = UnitReport.objects.select_for_update().get(pk=report.pk)
    _require_reporter(by, report)
    entries = {entry.task_id: entry for entry in report.entries.all()}
    strangers = [task_id for task_id in progress if int(task_id) not in entries]
    if strangers:
        raise ValidationError({"task": _('Nhiệm vụ %(items)s không thuộc đơn vị %(unit)s.') % {"items": ', '.join(map(str, strangers)), "unit": report.unit}})
    entries_changed = False
    for task_id, (state, result) in progress.items():
        entry = entries[int(task_id)]
        if state not in UnitReportEntry.Progress.values:
            raise ValidationError({"progress": _('Tiến độ không hợp lệ: %(state)s.') % {"state": state}})
        if (entry.progress, entry.result) != (state, result or ""):
            entry.progress, entry.result = state, result or ""
            save(entry, "Cập nhật kết quả thực hiện", by=by)
            entries_changed = True
    if summary is not None and summary != report.summary:
        report.summary = summary
        save(report, "Cập nhật đánh giá chung", by=by)
    elif entries_changed:
        # The report's lines are part of it: its version rises, so whoever is editing it from an older page is told.
        save(report, "Cập nhật kết quả thực hiện", by=by)
    return report


def attach_evidence(entry, *, by, uploaded_file, description=""):
    """Attach evidence to a task's progress; refused once the report is submitted."""
    _require_reporter(by, entry.report)
    return attach_file(entry, uploaded_file=uploaded_file, by=by, description=description)


@transaction.atomic
def submit_unit_report(report, *, by, now=None):
    """Submit a quarterly report: figures are refreshed, and the report is frozen from then on."""
    report = UnitReport.objects.select_for_update().get(pk=report.pk)
    _require_reporter(by, report)
    blank = report.entries.filter(progress=UnitReportEntry.Progress.NOT_STARTED, result="")
    if blank.exists():
        raise ValidationError({"entries": _('Còn %(count)s nhiệm vụ chưa có kết quả hoặc tiến độ.') % {"count": blank.count()}})
    report.figures = prefill_figures(report.unit, report.year, report.quarter)
    report.status, report.submitted_at, report.submitted_by = UnitReport.Status.SUBMITTED, now or timezone.now(), by
    save(report, "Nộp báo cáo quý", by=by)
    return report


def reporting_board(plan, *, year, quarter, today=None):
    """Each unit that must report: its report (or None), and on time / due soon / overdue / late."""
    today = today or timezone.localdate()
    due = report_date(plan, quarter).unit_due_on(year)
    reports = {r.unit_id: r for r in plan.unit_reports.filter(year=year, quarter=quarter)}
    rows = []
    for unit in plan.reporting_units():
        report = reports.get(unit.pk)
        if report and report.is_frozen:
            state = "late" if report.is_late else "submitted"
        else:
            state = {DeadlineStatus.OVERDUE: "overdue", DeadlineStatus.DUE_SOON: "due_soon"}.get(
                deadline_status(due, today=today), "pending"
            )
        rows.append({"unit": unit, "report": report, "due_on": due, "state": state})
    return rows


def dimension_progress(plan, *, year=None, quarter=None):
    """Per PAPI dimension: live tasks, tasks reported done, and the share done in the latest reports."""
    entries = UnitReportEntry.objects.filter(report__plan=plan, report__status=UnitReport.Status.SUBMITTED)
    if year:
        entries = entries.filter(report__year=year)
    if quarter:
        entries = entries.filter(report__quarter=quarter)
    done_task_ids = set(entries.filter(progress=UnitReportEntry.Progress.DONE).values_list("task_id", flat=True))
    reported_ids = set(entries.values_list("task_id", flat=True))
    rows = {}
    tasks = Task.objects.filter(group__plan=plan).live().select_related("group").prefetch_related("dimensions")
    for task in tasks:
        for dimension in task.all_dimensions():
            row = rows.setdefault(dimension.code, {"dimension": dimension, "tasks": 0, "reported": 0, "done": 0})
            row["tasks"] += 1
            row["reported"] += task.pk in reported_ids
            row["done"] += task.pk in done_task_ids or task.status == Task.Status.DONE
    for row in rows.values():
        row["percent_done"] = round(100 * row["done"] / row["tasks"]) if row["tasks"] else 0
    return [rows[code] for code in sorted(rows, key=lambda c: Dimension.objects.get(code=c).sort_key)]

