"""Back office for checklist templates, discipline checks and their item results (photos attach to results)."""

import datetime

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from doctypes.discipline_check import services
from doctypes.discipline_check.models import CheckResult, ChecklistItem, ChecklistTemplate, DisciplineCheck
from doctypes.discipline_check.steps import CHECK_STEPS
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service
from papi_inspect.admin_steps import StepAdminMixin
from papi_inspect.deadlines import deadline_label
from papi_inspect.models import Attachment


class ItemInline(TabularInline):
    model = ChecklistItem
    fields = ["order", "area", "text", "weight", "per_staff"]
    extra = 0


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(VisibleAdmin):
    reference_data = True  # the office's editable checklists (their items are data, not law)
    list_display = ["name", "active"]
    list_filter = ["active"]
    search_fields = ["name", "items__text"]
    inlines = [ItemInline]


def photos_of(records):
    """Thumbnails of the photos attached to `records`, each a link to the file (downloads check permission again)."""
    records = [record for record in records if record.pk]
    if not records:
        return "—"
    photos = Attachment.objects.filter(content_type=ContentType.objects.get_for_model(records[0]),
                                       object_id__in=[record.pk for record in records], mime_type__startswith="image/")
    links = format_html_join(
        "", '<a class="check-photo" href="{0}" title="{1}"><img src="{0}" alt="{1}" '
            'style="height:96px;width:128px;object-fit:cover;margin:0 .5rem .5rem 0;border:1px solid #999;border-radius:4px"></a>',
        ((reverse("attachment-download", args=[photo.pk]), photo.description or photo.original_name)
         for photo in photos.order_by("uploaded_at", "pk")),
    )
    return links or "—"


def _checked_staff(check, queryset):
    # A result names staff of the checked unit only (the service refuses others): the drop-down offers no one else.
    if check is None or not check.unit_id:
        return queryset.none()
    return queryset.filter(unit_id__in=check.unit.family_ids())


class ResultInline(TabularInline):
    """The check's lines (made from its template when scheduled); outcomes are recorded through record_results."""

    model = CheckResult
    fields = ["item", "staff", "outcome", "note", "photos"]
    readonly_fields = ["item", "staff", "photos"]
    extra = 0
    can_delete = False
    show_change_link = True

    def limit_choices(self, db_field, queryset, request, record):
        if db_field.name == "staff":
            return _checked_staff(record, queryset)
        if db_field.name == "item":
            return queryset.filter(template_id=record.template_id) if record is not None else queryset.none()
        return queryset

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Ảnh minh chứng"))
    def photos(self, result):
        return photos_of([result])


@admin.register(DisciplineCheck)
class DisciplineCheckAdmin(StepAdminMixin, VisibleAdmin):
    list_display = ["unit", "scheduled_on", "announced", "template", "status", "deadline", "unit_score"]
    list_filter = ["status", "announced", "template", ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["unit__name", "summary"]
    list_select_related = ["unit", "template"]
    date_hierarchy = "scheduled_on"
    list_before_template = "discipline_check/calendar_link.html"
    add_fields = ["template", "unit", "scheduled_on", "announced", "leader", "pctn_topics"]
    inlines = [ResultInline, AttachmentInline]
    workflow = CHECK_STEPS

    def get_fields(self, request, obj=None):
        return list(self.add_fields) if obj is None else super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        # The day it was done and its status move only by the finish step (finish_check: never a future day).
        readonly = ["template", "status", "conducted_on", "step_links", "unit_score", "staff_scores", "result_photos"]
        return readonly + (["unit", "scheduled_on", "announced", "leader"] if obj.status == DisciplineCheck.Status.DONE else [])

    def get_inlines(self, request, obj):
        return [] if obj is None else super().get_inlines(request, obj)

    def get_changeform_initial_data(self, request):
        # A click on a calendar day opens this form with ?scheduled_on=YYYY-MM-DD: shown as dd/mm/yyyy.
        initial = super().get_changeform_initial_data(request)
        try:
            initial["scheduled_on"] = datetime.date.fromisoformat(request.GET.get("scheduled_on", ""))
        except ValueError:
            initial.pop("scheduled_on", None)
        initial.setdefault("leader", request.user.pk)
        return initial

    def create(self, request, data):
        return call_service(services.schedule_check, data, by=request.user)

    def save_lines(self, request, form, formsets):
        # Outcomes typed on the lines go through the service (the check's template, the checked unit's staff).
        form.save_m2m()
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            if formset.model is CheckResult:
                changed = [row.instance for row in formset.forms if row.has_changed()]
                if changed:
                    services.record_results(form.instance, by=request.user, results=[
                        (line.item, line.outcome, line.note, line.staff) for line in changed])

    # The photos taken on the spot (from the tablet) belong to the results; the check shows them all in one place.
    @admin.display(description=_("Ảnh minh chứng của các kết quả"))
    def result_photos(self, check):
        return photos_of(list(check.results.all())) if check.pk else "—"

    @admin.display(description=_("Tình trạng hạn"))
    def deadline(self, check):
        return deadline_label(check.scheduled_on, done=check.status == DisciplineCheck.Status.DONE)

    def get_queryset(self, request):
        # The list's score column reads every check's results: one query for the page, not one per row.
        return super().get_queryset(request).prefetch_related(Prefetch("results", CheckResult.objects.select_related("item")))

    @admin.display(description=_("Điểm đơn vị (%)"))
    def unit_score(self, check):
        return services.summary_by_unit(check) if check.pk else None

    @admin.display(description=_("Điểm từng cán bộ (%)"))
    def staff_scores(self, check):
        if not check.pk:
            return ""
        return "; ".join(f"{staff}: {score}" for staff, score in services.summary_by_staff(check).items()) or "—"


@admin.register(CheckResult)
class CheckResultAdmin(VisibleAdmin):
    """Results are recorded on their check's page or the tablet (record_results); here they are read, with photos."""

    list_display = ["check_record", "item", "staff", "outcome"]
    list_filter = ["outcome", "item__area", ("check_record__unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["note", "item__text", "check_record__unit__name"]
    readonly_fields = ["photos"]
    inlines = [AttachmentInline]

    def limit_choices(self, db_field, queryset, request, record):
        check = record.check_record if record is not None else None
        if db_field.name == "staff":
            return _checked_staff(check, queryset)
        if db_field.name == "item" and check is not None:
            return queryset.filter(template_id=check.template_id)
        return queryset

    @admin.display(description=_("Ảnh minh chứng"))
    def photos(self, result):
        return photos_of([result])

    def has_add_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return ["check_record", "item", "staff", "photos"]

    def update(self, request, obj, form):
        # A correction of the outcome or note is a recording again, with record_results' rules (not after the check).
        services.record_results(obj.check_record, by=request.user, results=[(obj.item, obj.outcome, obj.note, obj.staff)])
