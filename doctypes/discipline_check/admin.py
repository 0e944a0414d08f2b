"""Back office for checklist templates, discipline checks and their item results (photos attach to results)."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from unfold.admin import TabularInline

from doctypes.discipline_check import services
from doctypes.discipline_check.models import CheckResult, ChecklistItem, ChecklistTemplate, DisciplineCheck
from papi_inspect.admin_base import AttachmentInline, VisibleAdmin
from papi_inspect.deadlines import deadline_label
from papi_inspect.models import Attachment


class ItemInline(TabularInline):
    model = ChecklistItem
    fields = ["order", "area", "text", "weight", "per_staff"]
    extra = 0


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(VisibleAdmin):
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


class ResultInline(TabularInline):
    model = CheckResult
    fields = ["item", "staff", "outcome", "note", "photos"]
    readonly_fields = ["photos"]
    extra = 0
    show_change_link = True

    @admin.display(description=_("Ảnh minh chứng"))
    def photos(self, result):
        return photos_of([result])


@admin.register(DisciplineCheck)
class DisciplineCheckAdmin(VisibleAdmin):
    list_display = ["unit", "scheduled_on", "announced", "template", "status", "deadline", "unit_score"]
    list_filter = ["status", "announced", "template", ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["unit__name", "summary"]
    list_select_related = ["unit", "template"]
    date_hierarchy = "scheduled_on"
    list_before_template = "discipline_check/calendar_link.html"
    readonly_fields = ["unit_score", "staff_scores", "result_photos"]
    inlines = [ResultInline, AttachmentInline]

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
    list_display = ["check_record", "item", "staff", "outcome"]
    list_filter = ["outcome", "item__area", ("check_record__unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["note", "item__text", "check_record__unit__name"]
    readonly_fields = ["photos"]
    inlines = [AttachmentInline]

    @admin.display(description=_("Ảnh minh chứng"))
    def photos(self, result):
        return photos_of([result])
