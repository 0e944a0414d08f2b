"""Back office for the TTHC catalogue, reviews and the late-handling import (preview, then confirm)."""

import base64
import io

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from doctypes.procedure_review import services
from doctypes.procedure_review.access import may_review_procedures
from doctypes.procedure_review.forms import ImportForm
from doctypes.procedure_review.models import LateHandlingStat, Procedure, ProcedureReview, ReviewProposal
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service

SESSION_KEY = "procedure_review.import"


@admin.register(Procedure)
class ProcedureAdmin(VisibleAdmin):
    reference_data = True  # the TTHC catalogue, as published
    list_display = ["code", "name", "field", "processing_days", "online_level", "in_force"]
    list_filter = ["online_level", "field", "in_force"]
    search_fields = ["code", "name", "field"]


class ProposalInline(TabularInline):
    model = ReviewProposal
    fields = ["kind", "content"]
    extra = 0


@admin.register(ProcedureReview)
class ProcedureReviewAdmin(VisibleAdmin):
    list_display = ["procedure", "reviewed_on", "reviewer", "status"]
    list_filter = ["status"]
    search_fields = ["procedure__code", "procedure__name", "summary"]
    readonly_fields = ["reviewer"]
    inlines = [ProposalInline, AttachmentInline]

    def create(self, request, data):
        proposals = [(row["kind"], row["content"]) for row in self.inline_rows(request, ReviewProposal)]
        return call_service(services.review_procedure, data, data["procedure"], by=request.user, proposals=proposals)


@admin.register(LateHandlingStat)
class LateHandlingStatAdmin(VisibleAdmin):
    list_display = ["procedure", "period_from", "period_to", "received", "on_time", "late"]
    list_filter = ["period_to"]
    search_fields = ["procedure__code", "procedure__name"]
    readonly_fields = ["imported_by"]

    def has_add_permission(self, request):
        return False  # rows come from the import (preview, then confirm), never typed one by one

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="procedure_review_latehandlingstat_import")] + super().get_urls()

    def import_view(self, request):
        """Upload → preview with per-row errors → confirm; nothing is saved until the file is clean."""
        if not may_review_procedures(request.user):
            raise PermissionDenied
        form, preview = ImportForm(request.POST or None, request.FILES or None), None
        if request.method == "POST" and request.POST.get("confirm") and SESSION_KEY in request.session:
            data = io.BytesIO(base64.b64decode(request.session.pop(SESSION_KEY)))
            try:
                saved = services.import_late_handling(data, by=request.user)
            except ValidationError as error:
                messages.error(request, "; ".join(error.messages))
            else:
                messages.success(request, _("Đã nhập %(count)s dòng.") % {"count": len(saved)})
                return redirect("admin:procedure_review_latehandlingstat_changelist")
        elif request.method == "POST" and form.is_valid():
            content = form.cleaned_data["file"].read()
            preview = services.preview_late_handling(io.BytesIO(content))
            if preview.is_clean:
                request.session[SESSION_KEY] = base64.b64encode(content).decode()
        context = {**self.admin_site.each_context(request), "form": form, "preview": preview, "title": _("Nhập thống kê hồ sơ trễ hạn")}
        return TemplateResponse(request, "procedure_review/import.html", context)
