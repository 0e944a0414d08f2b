"""PAPI screens: a unit's quarterly reports, the roll-up download, the score import and the leadership trend."""

import base64
import binascii
import hashlib

from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.utils.translation import gettext

from doctypes.papi.access import sees_all_plan_work
from doctypes.papi.evidence import evidence_for_tasks
from doctypes.papi.figures import figure_records
from doctypes.papi.forms import EntryForm, ScoreImportForm, StartReportForm
from doctypes.papi.models.plan import Plan, Task
from doctypes.papi.models.report import OfficeReport, UnitReport
from doctypes.papi.rollup import STATE_LABELS, office_report_docx, office_report_filename
from doctypes.papi.score_import import import_scores, preview_scores
from doctypes.papi.score_sheet import SheetRefused
from doctypes.papi.services import (
    attach_evidence, quarter_period, reporting_board, save_report_progress, start_unit_report, submit_unit_report,
)
from doctypes.papi.trend import trend_table
from papi_inspect.locking import VERSION_FIELD, EditConflict, editing
from papi_inspect.models import Attachment
from papi_inspect.permissions import unit_of
from papi_inspect.state_documents import DOCX_CONTENT_TYPE

MAX_SHEET_BYTES = 5 * 1024 * 1024


def _page(request, template, title, **context):
    return render(request, template, {**admin.site.each_context(request), "title": title, **context})


def _message(error):
    return "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)


@login_required
def my_reports(request):
    """The reporting board: a unit sees its own row, the office and leadership see every unit."""
    plans = Plan.objects.visible_to(request.user).filter(status=Plan.Status.IN_FORCE)
    plan = plans.filter(pk=request.GET.get("plan")).first() if request.GET.get("plan") else plans.first()
    if plan is None:
        raise Http404("Không có kế hoạch PAPI nào.")
    reported = UnitReport.objects.visible_to(request.user).filter(plan=plan).order_by("-year")
    latest = reported.values_list("year", flat=True).first()
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and 2000 <= int(asked) <= 2100 else latest or timezone.localdate().year
    mine, everyone = unit_of(request.user), sees_all_plan_work(request.user)
    quarters = []
    for date in plan.report_dates.all():
        rows = [r for r in reporting_board(plan, year=year, quarter=date.quarter) if everyone or r["unit"] == mine]
        for row in rows:
            row["label"] = STATE_LABELS[row["state"]]
            row["mine"] = row["unit"] == mine
        quarters.append({"date": date, "rows": rows})
    return _page(request, "papi/my_reports.html", "Báo cáo thực hiện kế hoạch PAPI", plan=plan, plans=plans,
                 year=year, quarters=quarters, start_form=StartReportForm(initial={"year": year}))


@login_required
@require_POST
def start_report(request, plan_pk):
    plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=plan_pk)
    form = StartReportForm(request.POST)
    if not form.is_valid() or unit_of(request.user) is None:
        messages.error(request, "Năm hoặc quý không hợp lệ.")
        return redirect("papi:my-reports")
    try:
        report = start_unit_report(plan, unit=unit_of(request.user), by=request.user, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _message(error))
        return redirect("papi:my-reports")
    return redirect("papi:report", pk=report.pk)


def loaded_mark(*values):
    """A short fingerprint of what a page showed, sent back with it: it tells what the sender left untouched."""
    return hashlib.sha256("\x00".join(str(value).replace("\r\n", "\n") for value in values).encode()).hexdigest()[:16]


def _take_untouched(report, forms, data):
    """After a refused save: the lines (and the summary) this person left as their page showed them take the stored
    values, so saving again cannot undo the other person's work; what they changed keeps what they typed. Returns
    the summary to show."""
    data = data.copy()
    for entry, form in forms:
        typed = (data.get(form.add_prefix("progress")), data.get(form.add_prefix("result"), ""))
        if data.get(form.add_prefix("loaded")) == loaded_mark(*typed):
            data[form.add_prefix("progress")], data[form.add_prefix("result")] = entry.progress, entry.result
        form.data = data
    summary = data.get("summary", "")
    return report.summary if data.get("summary-loaded") == loaded_mark(summary) else summary


@login_required
def report_detail(request, pk):
    """Fill progress on each own task with evidence; 'submit' freezes the report."""
    report = get_object_or_404(UnitReport.objects.visible_to(request.user).select_related("plan", "unit"), pk=pk)
    entries = list(report.entries.select_related("task__group"))
    forms = [(entry, EntryForm(request.POST or None, request.FILES or None, prefix=f"e{entry.pk}",
                               initial={"progress": entry.progress, "result": entry.result})) for entry in entries]
    if request.method == "POST" and report.is_frozen:
        messages.error(request, "Báo cáo đã nộp, không được sửa.")
        return redirect("papi:report", pk=report.pk)
    conflict = False
    if request.method == "POST":
        seen = request.POST.get(VERSION_FIELD, "")
        if all(form.is_valid() for _, form in forms):
            try:
                # One save of the whole page, refused if someone saved the report since this page was drawn.
                with editing(report, int(seen) if seen.isdigit() else None):
                    save_report_progress(report, by=request.user, summary=request.POST.get("summary", report.summary),
                                         progress={e.task_id: (f.cleaned_data["progress"], f.cleaned_data["result"])
                                                   for e, f in forms})
                    for entry, form in forms:
                        if form.cleaned_data.get("evidence"):
                            attach_evidence(entry, by=request.user, uploaded_file=form.cleaned_data["evidence"])
                    if "submit" in request.POST:
                        submit_unit_report(report, by=request.user)
                if "submit" in request.POST:
                    messages.success(request, "Đã nộp báo cáo.")
                else:
                    messages.success(request, "Đã lưu báo cáo.")
                return redirect("papi:report", pk=report.pk)
            except EditConflict as error:
                # Nothing saved: the page shows the stored lines beside the typed ones, which stay in the form.
                messages.error(request, error.messages[0])
                report.refresh_from_db()
                conflict = True
                summary = _take_untouched(report, forms, request.POST)
            except ValidationError as error:
                messages.error(request, _message(error))
        else:
            messages.error(request, "Vui lòng kiểm tra lại các ô được đánh dấu.")
    files = {}
    for attachment in Attachment.objects.visible_to(request.user).filter(
        content_type__app_label="papi", content_type__model="unitreportentry", object_id__in=[e.pk for e in entries]
    ):
        files.setdefault(attachment.object_id, []).append(attachment)
    # Register entries linked to a task evidence it beside the uploaded files (doctypes/papi/evidence.py).
    records = evidence_for_tasks(Task, {entry.task_id for entry in entries}, request.user)
    rows = [(entry, form, files.get(entry.pk, []), loaded_mark(entry.progress, entry.result), records.get(entry.task_id, []))
            for entry, form in forms]
    if not conflict:
        summary = request.POST.get("summary", report.summary) if request.method == "POST" else report.summary
    return _page(request, "papi/report_detail.html", str(report), report=report, rows=rows, conflict=conflict,
                 summary=summary, summary_mark=loaded_mark(report.summary))


@login_required
def office_report_download(request, pk):
    report = get_object_or_404(OfficeReport.objects.visible_to(request.user).select_related("plan__owner__parent"), pk=pk)
    response = HttpResponse(office_report_docx(report), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{office_report_filename(report)}"'
    return response


@login_required
def score_import(request):
    """Upload a sheet, see what would be kept and skipped, then confirm; a refused sheet names row and reason."""
    if not request.user.has_perm("papi.add_papiscore"):
        raise PermissionDenied(gettext("Bạn không có quyền nhập điểm PAPI."))
    form = ScoreImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and "confirm" in request.POST:
        try:
            data = base64.b64decode(request.POST["payload"], validate=True)
        except (KeyError, binascii.Error):
            raise PermissionDenied(gettext("Dữ liệu xác nhận không hợp lệ.")) from None
        if hashlib.sha256(data).hexdigest() != request.POST.get("sha256"):
            raise PermissionDenied(gettext("Dữ liệu xác nhận không khớp."))
        year = int(request.POST["year"]) if request.POST.get("year", "").isdigit() else None
        try:
            result = import_scores(name=request.POST["name"], data=data, province_code=request.POST["province"], year=year,
                                   by=request.user)
        except SheetRefused as refused:
            context["problems"] = refused.problems
        else:
            messages.success(request, f"Đã nhập {result.province}: {result.created} dòng mới, {result.updated} dòng cập nhật, "
                                      f"{result.unchanged} dòng không đổi, {len(result.skipped)} dòng bỏ qua.")
            return redirect("papi:trend")
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["sheet"]
        if upload.size > MAX_SHEET_BYTES:
            form.add_error("sheet", "Tệp quá lớn (tối đa 5 MB).")
        else:
            data = upload.read()
            try:
                preview = preview_scores(name=upload.name, data=data, province_code=form.cleaned_data["province"],
                                         year=form.cleaned_data["year"])
            except SheetRefused as refused:
                context["problems"] = refused.problems
            else:
                context.update(preview=preview, payload=base64.b64encode(data).decode(), sha256=hashlib.sha256(data).hexdigest(),
                               name=upload.name, province=form.cleaned_data["province"], year=form.cleaned_data["year"] or "")
    return _page(request, "papi/score_import.html", "Nhập điểm PAPI", **context)


@login_required
def trend(request):
    """Leadership's view: each dimension across years against the mean and the best province, with plan progress."""
    table = trend_table(request.user, province_code=request.GET.get("province"))
    if table is None:
        raise Http404(gettext("Không có số liệu PAPI nào bạn được xem."))
    return _page(request, "papi/trend.html", gettext("Xu hướng chỉ số PAPI"), table=table, show_chart=request.GET.get("view") != "table")


FIGURE_RECORDS_SHOWN = 500


def _record_link(record):
    meta = record._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return ""


@login_required
def report_figure_records(request, pk, key):
    """The records behind one pre-filled figure of a unit's report, as many as this user may see, each a link."""
    report = get_object_or_404(UnitReport.objects.visible_to(request.user).select_related("unit"), pk=pk)
    figure = next((f for rows in (report.figures or {}).values() for f in rows if f["key"] == key), None)
    if figure is None:
        raise Http404(gettext("Báo cáo không có số liệu này."))
    start, end = quarter_period(report.year, report.quarter)
    records = figure_records(key, report.unit.family_ids(), start, end)
    if records is None:
        raise Http404(gettext("Số liệu này không gắn với danh sách hồ sơ."))
    visible = records.visible_to(request.user) if hasattr(records, "visible_to") else records
    total = records.count()
    rows = [(record, _record_link(record)) for record in visible.order_by("pk")[:FIGURE_RECORDS_SHOWN]]
    return _page(request, "papi/figure_records.html", figure["label"], report=report, figure=figure, rows=rows,
                 total=total, hidden=total - visible.count(), start=start, end=end, limit=FIGURE_RECORDS_SHOWN)
