"""Back office for the reception log and the leaders' reception schedule."""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doctypes.citizen_reception import services
from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.citizen_reception.steps import RECEPTION_STEPS
from doctypes.complaint_case.admin.cases import ServiceCreateAdmin
from doctypes.complaint_case.admin.identity import identity_from
from papi_inspect.admin_base import AttachmentInline, VisibleAdmin, call_service
from papi_inspect.admin_steps import download_link


@admin.register(Reception)
class ReceptionAdmin(ServiceCreateAdmin):
    list_display = ["code", "received_on", "kind", "pseudonym", "group_size", "classification", "handling",
                    "statement_signed", "refusal_ground", "officer", "petition"]
    list_filter = ["kind", "classification", "handling", "refusal_ground", "statement_signed", "unit"]
    search_fields = ["code", "content", "transfer_to"]
    list_select_related = ["officer", "petition"]
    add_fields = ["received_on", "kind", "group_size", "content", "documents_received", "classification", "handling",
                  "transfer_to", "verbal_statement", "statement_signed", "refusal_ground", "refusal_note",
                  "leader_present", "unit"]
    workflow = RECEPTION_STEPS
    workflow_fields = ["code", "pseudonym", "received_on", "officer", "petition", "step_links", "is_group", "refusal_notice_link", "reveal_link",
                       "reveal_text_link"]
    inlines = [AttachmentInline]

    @admin.display(description=_("thông báo từ chối"))
    def refusal_notice_link(self, reception):
        if reception.refusal_ground != Reception.RefusalGround.ALREADY_RESOLVED:
            return "—"
        return download_link(reverse("citizen_reception:refusal-notice", args=[reception.pk]), _("Tải thông báo (.docx)"))

    def create(self, request, data):
        return services.log_reception(by=request.user, identity=identity_from(data), **{key: data[key] for key in self.add_fields})


@admin.register(ReceptionDay)
class ReceptionDayAdmin(VisibleAdmin):
    list_display = ["month", "planned_on", "held_on", "leader", "delegate", "place", "moved_because"]
    list_filter = ["leader", "delegate"]
    search_fields = ["place"]
    date_hierarchy = "held_on"

    def get_fields(self, request, obj=None):
        return ["planned_on", "leader", "delegate", "place"] if obj is None else super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else ("month", "planned_on", "held_on", "moved_because")

    def create(self, request, data):
        # The held day comes from the working calendar, never typed in (Art. 18 schedule rule).
        return call_service(services.schedule_reception_day, data, by=request.user)

    def changelist_view(self, request, extra_context=None):
        from django.contrib import messages
        from django.utils import timezone

        today = timezone.localdate()
        missing = services.months_without_reception(today.year)
        if missing:
            months = ", ".join(f"{month:%m/%Y}" for month in missing)
            messages.warning(request, _("Chưa có ngày tiếp công dân của lãnh đạo trong tháng: %s (Luật Tiếp công dân, Điều 18).") % months)
        return super().changelist_view(request, extra_context)
