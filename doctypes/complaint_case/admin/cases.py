"""Back office for petitions, complaint and denunciation cases, and the identity access log.

Identities are never listed, searched, filtered or shown in forms: adding takes write-only
inputs that go straight to the service, and reading is the separate, logged reveal view.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from django.urls import reverse

from doctypes.complaint_case.admin.identity import IDENTITY_INPUTS, IdentityAdminMixin, identity_form, identity_from
from doctypes.complaint_case.dialogue_link import linked_result
from doctypes.complaint_case.models import (
    ComplaintCase, Denunciation, DenunciationExtension, DenunciationVerifier, IdentityAccessLog, Petition, RedactedCopy,
)
from doctypes.complaint_case.services import complaint as services_complaint
from doctypes.complaint_case.services import denunciation as services_denunciation
from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services import verification as services_verification
from doctypes.complaint_case.steps import COMPLAINT_STEPS, DENUNCIATION_STEPS, PETITION_STEPS
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin
from papi_inspect.admin_filters import DeadlineStatusFilter, HandlerFilter
from papi_inspect.admin_steps import StepAdminMixin, download_link


@admin.display(description=_("tình trạng hạn"))
def deadline_column(record):
    return record.deadline_status_label()


class ServiceCreateAdmin(StepAdminMixin, IdentityAdminMixin, VisibleAdmin):
    """Adding runs the doctype's service (deadlines, codes, PAPI links); editing keeps workflow fields read-only."""

    workflow_fields = ()
    add_fields = ()

    def get_fields(self, request, obj=None):
        if obj is None:
            # The identity inputs are laid out on the add form: the desk types the person there, once (write-only).
            return list(self.add_fields) + ([f"identity_{key}" for key in IDENTITY_INPUTS] if self.takes_identity else [])
        return super().get_fields(request, obj)

    # Links that act on the record or open its files and identity; a read-only viewer gets none of them.
    action_fields = ("step_links", "letter_link", "decision_link", "reveal_link", "reveal_text_link")

    def is_workable(self, request, obj):
        return obj is None or self.model.objects.workable_by(request.user).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        # A read-only grant (the registering clerk, a verifier) shows the record but never changes it.
        return super().has_change_permission(request, obj) and self.is_workable(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        if not self.is_workable(request, obj):
            return [name for name in self.workflow_fields if name not in self.action_fields]
        return self.workflow_fields

    # Free text a read-only viewer does not get: a petition's content may itself name the sender.
    hidden_from_read_only = ("summary", "outcome_note")

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if obj is not None and not self.is_workable(request, obj):
            exclude += [name for name in self.hidden_from_read_only if hasattr(obj, name)]
        return exclude

    def files_shown(self, request, obj):
        files = getattr(self.model.objects, "files_visible_to", self.model.objects.visible_to)
        return files(request.user).filter(pk=obj.pk).exists()

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None and self.takes_identity:
            # Declared on the form the admin builds from, so the add page lays the identity inputs out with the rest.
            kwargs["form"] = identity_form(kwargs.get("form", self.form))
        return super().get_form(request, obj, change=change, **kwargs)

    takes_identity = True

    def get_inlines(self, request, obj):
        if obj is None:
            return []
        inlines = super().get_inlines(request, obj)
        # The originals may name the person: only those entitled to the files see the list.
        return inlines if self.files_shown(request, obj) else [i for i in inlines if i is not AttachmentInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self.get_object(request, object_id)
        caveat = getattr(record, "deadline_caveat", "") if record is not None and request.method == "GET" else ""
        if caveat:
            messages.warning(request, caveat)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Petition)
class PetitionAdmin(ServiceCreateAdmin):
    list_display = ["code", "received_on", "channel", "pseudonym", "matter", "content_kind", "status", "outcome",
                    "process_due", deadline_column, "duplicate_of"]
    list_filter = ["status", DeadlineStatusFilter, "channel", "content_kind", "outcome", "eligible", "within_competence", "anonymous", "unit", HandlerFilter]
    search_fields = ["code", "matter", "forwarded_by"]
    list_select_related = ["duplicate_of"]
    add_fields = ["received_on", "channel", "forwarded_by", "anonymous", "matter", "summary", "content_kind",
                  "many_signers", "anti_corruption", "has_verifiable_evidence", "unit", "handler"]
    workflow_fields = ["code", "pseudonym", "received_on", "status", "step_links", "content_kind", "eligible",
                       "within_competence", "prior_resolution", "outcome", "outcome_on", "transfer_to", "process_due",
                       "duplicate_of", "merged_into", "letter_link", "reveal_link", "reveal_text_link"]
    workflow = PETITION_STEPS

    @admin.display(description=_("văn bản"))
    def letter_link(self, petition):
        if petition.outcome not in (Petition.Outcome.TRANSFER, Petition.Outcome.GUIDE):
            return "—"
        return download_link(reverse("complaint_case:petition-letter", args=[petition.pk]), _("Tải phiếu chuyển / văn bản hướng dẫn (.docx)"))
    exclude = ["matter_key"]
    autocomplete_fields = []
    inlines = [AttachmentInline]

    def create(self, request, data):
        return services.register_petition(
            by=request.user, identity=identity_from(data),
            **{key: data[key] for key in self.add_fields},
        )


@admin.register(ComplaintCase)
class ComplaintCaseAdmin(ServiceCreateAdmin):
    list_display = ["code", "received_on", "complainant_name", "subject", "level", "status", "accept_due",
                    "resolve_due", deadline_column, "unit", "handler"]
    list_filter = ["status", DeadlineStatusFilter, "level", "is_complex", "is_remote", "anti_corruption", "unit", HandlerFilter]
    search_fields = ["code", "subject", "complained_act", "complainant_name", "decision_number"]
    list_select_related = ["unit", "handler"]
    takes_identity = False
    add_fields = ["petition", "complainant_name", "subject", "complained_act", "received_on", "level", "is_complex",
                  "is_remote", "anti_corruption", "unit", "handler"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "petition":
            # An accepted complaint petition the user sees and that has no case yet (open_complaint_case checks it too).
            opened = ComplaintCase.objects.filter(petition__isnull=False).values("petition_id")
            kwargs["queryset"] = Petition.objects.visible_to(request.user).filter(
                outcome=Petition.Outcome.ACCEPT, content_kind="complaint").exclude(pk__in=opened)
            kwargs["help_text"] = _("Đơn khiếu nại đã thụ lý (để trống nếu không có); họ tên người khiếu nại lấy theo đơn.")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
    workflow_fields = ["code", "status", "step_links", "received_on", "level", "accepted_on", "accept_due", "resolve_due",
                       "verified_on", "verification_result", "dialogue_on", "dialogue_result", "dialogue_record",
                       "decided_on", "decision_number", "result", "conclusion", "petition", "decision_link"]
    workflow = COMPLAINT_STEPS

    @admin.display(description=_("kết quả đối thoại (sổ đối thoại)"))
    def dialogue_record(self, case):
        # The step records the dialogue in the register (Art. 30); a case recorded before shows its own text above.
        return linked_result(case) or "—"

    @admin.display(description=_("quyết định"))
    def decision_link(self, case):
        if case.status != ComplaintCase.Status.DECIDED:
            return "—"
        return download_link(reverse("complaint_case:complaint-decision", args=[case.pk]), _("Tải quyết định (.docx)"))
    inlines = [AttachmentInline]

    def create(self, request, data):
        return services_complaint.open_complaint_case(by=request.user, **{key: data[key] for key in self.add_fields})


class ReadOnlyInline(TabularInline):
    """Child rows shown on the parent's page; they change only through the parent's services."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class DenunciationExtensionInline(ReadOnlyInline):
    model = DenunciationExtension
    fields = ["number", "decided_on", "decision_number", "reason", "new_due", "decided_by"]


class VerifierInline(ReadOnlyInline):
    model = DenunciationVerifier
    fields = ["user", "team_role", "assigned_on", "assigned_by"]
    verbose_name_plural = _("Tổ xác minh (chỉ nhận bản che danh tính)")


class RedactedCopyInline(ReadOnlyInline):
    model = RedactedCopy
    fields = ["source", "original", "automatic", "made_by", "made_at", "confirmed_by", "confirmed_at", "download_link"]
    readonly_fields = ["download_link"]
    verbose_name_plural = _("Bản che danh tính (tổ xác minh tải về)")

    def get_queryset(self, request):
        # A verifier sees only the copies a person has confirmed; the handler and the chief see all, to confirm them.
        return RedactedCopy.objects.released_to(request.user)

    @admin.display(description=_("tải về"))
    def download_link(self, copy):
        attachment = copy.file
        return download_link(reverse("attachment-download", args=[attachment.pk]), attachment.original_name) if attachment else "—"


@admin.register(Denunciation)
class DenunciationAdmin(ServiceCreateAdmin):
    list_display = ["code", "received_on", "pseudonym", "subject", "status", "initial_due", "resolve_due",
                    deadline_column, "unit", "handler"]
    list_filter = ["status", DeadlineStatusFilter, "is_complex", "anti_corruption", "unit", HandlerFilter]
    search_fields = ["code", "subject", "denounced"]
    list_select_related = ["unit", "handler"]
    add_fields = ["subject", "denounced", "received_on", "anti_corruption", "unit", "handler"]
    workflow = DENUNCIATION_STEPS
    workflow_fields = ["code", "pseudonym", "status", "step_links", "received_on", "initial_due", "initial_extended", "accepted_on",
                       "notify_due", "notified_on", "resolve_due", "concluded_on", "conclusion", "handled_on", "handling",
                       "report_requested_on", "report_due", "petition", "pending_copies", "reveal_link", "reveal_text_link"]
    inlines = [DenunciationExtensionInline, VerifierInline, RedactedCopyInline, AttachmentInline]
    action_fields = ServiceCreateAdmin.action_fields + ("pending_copies",)

    @admin.display(description=_("tệp chưa có bản che"))
    def pending_copies(self, case):
        pending = services_verification.pending_originals(case)
        return ", ".join(f"#{a.pk} {a.original_name}" for a in pending) or "—"

    def create(self, request, data):
        return services_denunciation.open_denunciation(
            by=request.user, identity=identity_from(data), **{key: data[key] for key in self.add_fields}
        )


@admin.register(IdentityAccessLog)
class IdentityAccessLogAdmin(VisibleAdmin):
    list_display = ["at", "user", "record_label", "record_type", "granted", "reason"]
    list_filter = ["granted", "record_type"]
    search_fields = ["record_label", "reason", "user__username"]
    readonly_fields = ["at", "user", "record_label", "record_type", "record_id", "granted", "reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
