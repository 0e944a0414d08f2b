"""Workflow steps in the back office, built from the doctype's declared `Workflow`: one page per step,
with the form made from its input serializer, carried out by the same service as /cases/ and the API."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from papi_inspect.audit import current_request


class StepAdminMixin:
    """Adds /<pk>/step/<name>/ for each step of `workflow`, and `step_links` listing the steps offered now."""

    workflow = None

    def get_urls(self):
        opts = self.model._meta
        return [
            path("<int:object_id>/step/<slug:step>/", self.admin_site.admin_view(self.step_view),
                 name=f"{opts.app_label}_{opts.model_name}_step"),
            *super().get_urls(),
        ]

    def step_view(self, request, object_id, step):
        record = self.get_queryset(request).filter(pk=object_id).first()
        declared = self.workflow.get(step)
        if record is None or declared is None:
            raise Http404
        if not declared.permitted(request.user, record):
            raise PermissionDenied
        form = declared.form(record, request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and declared.run_form(form, record, by=request.user):
            messages.success(request, _("Đã ghi: %s") % declared.label)
            opts = record._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "record": record, "form": form,
                   "title": declared.label}
        return TemplateResponse(request, "papi_inspect/step.html", context)

    def step_links_for(self, request, record):
        opts = record._meta
        return format_html_join(" · ", '<a class="underline" href="{}">{}</a>', (
            (reverse(f"admin:{opts.app_label}_{opts.model_name}_step", args=[record.pk, step.name]), step.label)
            for step in self.workflow.next_steps(record, request.user)
        )) or "—"

    def step_links(self, record):
        # A read-only field gets only the record; the user comes from the request being served.
        request = current_request()
        return self.step_links_for(request, record) if record.pk and request is not None else "—"

    step_links.short_description = _("bước xử lý")


def download_link(url, label):
    return format_html('<a href="{}">{}</a>', url, label)
