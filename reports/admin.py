"""Back office for reports: list, new report for a period, narrative form, Generate / Freeze, versions with downloads."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from papi_inspect.admin_base import TabularInline, VisibleAdmin
from reports.access import may_draft, may_freeze
from reports.catalogue import SPECS, has_narrative, sections_for
from reports.models import ManualFigure, Report, ReportVersion
from reports.services import jobs as services_jobs
from reports.services import lifecycle as services
from reports.services import manual as services_manual


class NewReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=Report.Kind.choices)
    period_kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=Report.PeriodKind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)


def section_field(report, section):
    """"section_kntc__situation": the kind is in the name because outlines share keys under other headings."""
    return f"section_{report.kind}__{section.key}"


class ReportForm(forms.ModelForm):
    """The report's header fields plus one text area per narrative section of its outline."""

    class Meta:
        model = Report
        fields = ["number", "place", "signer_authority", "signer_name", "recipients"]
        widgets = {"signer_authority": forms.Textarea(attrs={"rows": 2}), "recipients": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        report = self.instance
        if report.pk:
            for section in sections_for(report.spec, report.period_kind):
                self.fields[section_field(report, section)] = forms.CharField(
                    label=section.heading, required=False, initial=report.narrative.get(section.key, ""),
                    widget=forms.Textarea(attrs={"rows": 6}))

    def loaded_value(self, name, saved):
        """A section's text in an earlier saved version of the report (`saved`: its fields by name), for the
        edit-conflict merge (papi_inspect.admin_locking)."""
        key = name.split("__", 1)[1] if name.startswith("section_") else None
        return (saved.get("narrative") or {}).get(key, "") if key else saved.get(name)

    def sections(self):
        return {name.split("__", 1)[1]: value for name, value in self.cleaned_data.items() if name.startswith("section_")}


class ManualFiguresForm(forms.Form):
    """One text input per cell to type (numbers written the Vietnamese way), plus the source of what was typed."""

    source_note = forms.CharField(label=_("Nguồn số liệu"), required=False, max_length=500,
                                  help_text=_("Sổ sách, văn bản hoặc đơn vị cung cấp số liệu; bắt buộc khi có ô thay đổi."))

    def __init__(self, cells, stored, data=None):
        super().__init__(data)
        self.cells = cells
        for index, cell in enumerate(cells):
            figure = stored.get(cell.key)
            initial = services_manual.shown(figure.value) if figure else ""
            self.fields[f"cell_{index}"] = forms.CharField(label=f"{cell.row_label} – {cell.column_label}", required=False,
                                                           initial=initial, max_length=30)
        self.stored = stored

    def values(self):
        return {cell.key: self.cleaned_data[f"cell_{index}"] for index, cell in enumerate(self.cells)}

    def grid(self):
        """Rows of (label, [(column, bound field, entry)]) in print order, for the template's table."""
        rows, columns = {}, []
        for index, cell in enumerate(self.cells):
            if cell.column_label not in columns:
                columns.append(cell.column_label)
            rows.setdefault((cell.row, cell.row_label, cell.unit), []).append((self[f"cell_{index}"], self.stored.get(cell.key)))
        return {"columns": columns, "rows": [(label, unit, fields) for (_row, label, unit), fields in rows.items()]}


class ReportVersionInline(TabularInline):
    model = ReportVersion
    extra = 0
    can_delete = False
    fields = ["number", "created_at", "frozen_at", "frozen_by", "files", "freeze_link", "remarks"]
    readonly_fields = fields
    verbose_name_plural = _("Phiên bản đã tạo")

    @admin.display(description=_("Ghi chú nội bộ (không in)"))
    def remarks(self, version):
        """The layouts' notes and the broken sum rules of this version: for the drafters, never printed."""
        lines = [f"{table['code']}: {note}" for table in version.data.get("tables", []) for note in table.get("notes", []) if note]
        lines += [str(_("Sai quy tắc cộng: %(problem)s")) % {"problem": problem} for problem in version.data.get("checks", [])]
        return format_html_join("", "<div>{}</div>", ((line,) for line in lines)) or "—"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Tệp"))
    def files(self, version):
        links = [(reverse("reports:version-download", args=[version.pk, ext]), version.file_name(ext)) for ext in ("docx", "xlsx")]
        return format_html_join(" · ", '<a class="underline" href="{}">{}</a>', links)

    @admin.display(description=_("Chốt"))
    def freeze_link(self, version):
        if version.is_frozen:
            return _("Đã chốt")
        request = getattr(self, "_request", None)
        if request is None or not may_freeze(request.user):
            return "—"
        return format_html('<a class="underline" href="{}">{}</a>', reverse("admin:reports_report_freeze", args=[version.pk]),
                           _("Chốt phiên bản này"))

    def get_queryset(self, request):
        self._request = request
        return ReportVersion.objects.visible_to(request.user)


@admin.register(Report)
class ReportAdmin(VisibleAdmin):
    form = ReportForm
    list_display = ["__str__", "kind", "period_kind", "year", "status", "latest_version"]
    list_filter = ["kind", "period_kind", "status", "year"]
    search_fields = ["year"]
    inlines = [ReportVersionInline]
    readonly_fields = ["kind", "period_kind", "year", "status", "owner", "cut_off", "generate_link", "manual_links"]
    fieldsets = [
        (None, {"fields": ["kind", "period_kind", "year", "cut_off", "owner", "status", "generate_link", "manual_links"]}),
        (_("Số, nơi ban hành và người ký"), {"fields": ["number", "place", "signer_authority", "signer_name", "recipients"]}),
    ]

    def __getattr__(self, name):
        # A read-only viewer (leadership) sees the narrative fields as text: Django looks them up on the admin.
        if name.startswith("section_") and "__" in name:
            kind, key = name.removeprefix("section_").split("__", 1)

            def show(report):
                return report.narrative.get(key, "") if report else ""

            spec = SPECS.get(kind)
            show.short_description = next((s.heading for s in spec.sections if s.key == key), key) if spec else key
            return show
        raise AttributeError(name)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        if not may_draft(request.user):
            fieldsets[0][1]["fields"] = [f for f in fieldsets[0][1]["fields"] if f != "generate_link"]
        if obj is not None and has_narrative(obj.spec, obj.period_kind):
            fields = [section_field(obj, s) for s in sections_for(obj.spec, obj.period_kind)]
            fieldsets.append((_("Nội dung báo cáo"), {"fields": fields}))
        return fieldsets

    @admin.display(description=_("Phiên bản mới nhất"))
    def latest_version(self, report):
        version = report.versions.order_by("-number").first()
        if version is None:
            return "—"
        return f"v{version.number}" + (" (" + str(_("đã chốt")) + ")" if version.is_frozen else "")

    @admin.display(description=_("Thời gian chốt số liệu"))
    def cut_off(self, report):
        period = services.period_of(report)
        return f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y} ({period.basis})"

    @admin.display(description=_("Tạo báo cáo"))
    def generate_link(self, report):
        # Shown to drafters only (get_fieldsets); the view checks the permission again.
        if not report.pk:
            return "—"
        return format_html('<a class="bg-primary-600 text-white px-3 py-2 rounded" href="{}">{}</a>',
                           reverse("admin:reports_report_generate", args=[report.pk]), _("Tạo phiên bản mới (Word + Excel)"))

    @admin.display(description=_("Số liệu nhập tay"))
    def manual_links(self, report):
        """Per form, how many of the cells no record gives have been typed, with the page to type them."""
        if not report.pk:
            return "—"
        links = []
        for code in report.spec.tables:
            total = len(services_manual.manual_cells(report, code))
            if total:
                done = report.manual_figures.filter(form=code).count()
                links.append((reverse("admin:reports_report_manual", args=[report.pk, code.replace("/", "_")]),
                              _("%(code)s: đã nhập %(done)d/%(total)d ô") % {"code": code, "done": done, "total": total}))
        return format_html_join(" · ", '<a class="underline" href="{}">{}</a>', links) or "—"

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The narrative fields are added per outline in ReportForm.__init__, not model fields for the factory.
        kwargs["fields"] = ReportForm.Meta.fields
        return super().get_form(request, obj, change=change, **kwargs)

    def update(self, request, obj, form):
        super().update(request, obj, form)
        sections = form.sections()
        if sections:
            services.update_narrative(obj, sections, by=request.user)

    def create(self, request, data):
        # add_view opens a report through the same service, with its own short form (kind, period, year).
        return services.get_or_create_report(data["kind"], data["period_kind"], data["year"], by=request.user)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/generate/", wrap(self.generate_view), name="reports_report_generate"),
            path("version/<int:pk>/freeze/", wrap(self.freeze_view), name="reports_report_freeze"),
            path("<int:pk>/manual/<str:form>/", wrap(self.manual_view), name="reports_report_manual"),
        ] + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request) or not may_draft(request.user):
            raise PermissionDenied
        form = NewReportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = services.get_or_create_report(form.cleaned_data["kind"], form.cleaned_data["period_kind"],
                                                       form.cleaned_data["year"], by=request.user)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                return redirect("admin:reports_report_change", report.pk)
        context = {**self.admin_site.each_context(request), "form": form, "title": _("Lập báo cáo"), "opts": self.model._meta}
        return TemplateResponse(request, "reports/report_new.html", context)

    def _confirm(self, request, *, title, question, button, back, errors=()):
        context = {**self.admin_site.each_context(request), "title": title, "question": question, "button": button,
                   "back": back, "errors": errors, "opts": self.model._meta}
        return TemplateResponse(request, "reports/confirm.html", context)

    def generate_view(self, request, pk):
        report = get_object_or_404(self.get_queryset(request), pk=pk)
        if not may_draft(request.user):
            raise PermissionDenied
        back = reverse("admin:reports_report_change", args=[report.pk])
        if request.method == "POST":
            job = services_jobs.start_report_job(report, by=request.user)
            return redirect("reports:job", job.pk)
        return self._confirm(request, title=_("Tạo phiên bản mới"), back=back, button=_("Tạo báo cáo"),
                             question=_("Số liệu được tính lại từ hồ sơ hiện có; các phiên bản đã chốt được giữ nguyên."))

    def manual_view(self, request, pk, form):
        """The cells of one form that no record gives, one input each, saved with one source note."""
        report = get_object_or_404(self.get_queryset(request), pk=pk)
        code = form.replace("_", "/")
        if code not in report.spec.tables:
            raise Http404
        editable = may_draft(request.user)
        cells = services_manual.manual_cells(report, code)
        stored = services_manual.entered(report, code)
        page = ManualFiguresForm(cells, stored, request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if not editable:
                raise PermissionDenied
            if page.is_valid():
                try:
                    count = services_manual.record_manual_figures(report, code, page.values(),
                                                                  source_note=page.cleaned_data["source_note"], by=request.user)
                except ValidationError as error:
                    for message in error.messages:
                        page.add_error(None, message)
                else:
                    messages.success(request, _("Đã lưu %(count)d ô của biểu %(code)s.") % {"count": count, "code": code})
                    return redirect("admin:reports_report_change", report.pk)
        context = {**self.admin_site.each_context(request), "title": _("Số liệu nhập tay – Biểu %(code)s") % {"code": code},
                   "report": report, "page": page, "grid": page.grid(), "editable": editable, "opts": self.model._meta,
                   "back": reverse("admin:reports_report_change", args=[report.pk])}
        return TemplateResponse(request, "reports/manual_figures.html", context)

    def freeze_view(self, request, pk):
        version = get_object_or_404(ReportVersion.objects.visible_to(request.user), pk=pk)
        if not may_freeze(request.user):
            raise PermissionDenied
        back = reverse("admin:reports_report_change", args=[version.report_id])
        if request.method == "POST":
            try:
                services.freeze_version(version, by=request.user)
            except ValidationError as error:
                return self._confirm(request, title=_("Chốt báo cáo"), back=back, button=_("Chốt"), question="",
                                     errors=error.messages)
            messages.success(request, _("Đã chốt phiên bản %(number)s.") % {"number": version.number})
            return redirect(back)
        return self._confirm(request, title=_("Chốt báo cáo"), back=back, button=_("Chốt"),
                             question=_("Phiên bản %(number)s sẽ là báo cáo chính thức: tệp và số liệu không thể sửa nữa.")
                             % {"number": version.number})



@admin.register(ManualFigure)
class ManualFigureAdmin(VisibleAdmin):
    """Every figure typed by hand, with who, when and from what source; typed and changed on the report's form pages."""

    list_display = ["report", "form", "row", "column", "value", "entered_by", "entered_at", "source_note"]
    list_filter = ["form", "report__year", "report__kind"]
    search_fields = ["source_note", "form"]
    list_select_related = ["report", "entered_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
