"""Back office of the leaders' dialogues: dialogues with their commitments (add form), commitments with their steps
(follow-up, result) and the Excel import; every add form calls the register's service."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from doctypes.dialogue import services
from doctypes.dialogue.importer import DialogueImporter
from doctypes.dialogue.models import Commitment, CommitmentFollowUp, Dialogue
from doctypes.dialogue.steps import COMMITMENT_STEPS
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service
from papi_inspect.admin_filters import due_status_filter
from papi_inspect.admin_import import SheetImportAdminMixin
from papi_inspect.admin_steps import StepAdminMixin
from papi_inspect.deadlines import deadline_label
from papi_inspect.duties import FollowUpInline as DutyFollowUpInline

COMMITMENT_FIELDS = ("content", "owner_unit", "due_on")


class CommitmentInline(TabularInline):
    model = Commitment
    fields = ["content", "owner_unit", "due_on", "done_on"]
    readonly_fields = ["done_on"]
    extra = 0
    can_delete = False  # a commitment is kept with its outcome
    show_change_link = True


@admin.register(Dialogue)
class DialogueAdmin(SheetImportAdminMixin, VisibleAdmin):
    importer = DialogueImporter()
    list_display = ["held_on", "kind", "leader", "unit", "topic", "participant_count"]
    list_filter = ["kind", ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["topic", "place", "participants", "result", "complaint_cases__code", "petitions__code"]
    list_select_related = ["leader__staff_profile", "unit"]
    date_hierarchy = "held_on"
    fields = ["held_on", "leader", "unit", "topic", "place", "participant_count", "participants", "result",
              "complaint_cases", "petitions", "plan_tasks"]
    inlines = [CommitmentInline, AttachmentInline]

    def get_readonly_fields(self, request, obj=None):
        # Who chaired it and the cases it dealt with are the record of the day; corrections are to its text.
        return () if obj is None else ["kind", "held_on", "leader", "unit", "complaint_cases", "petitions"]

    def create(self, request, data):
        commitments = [{key: row[key] for key in COMMITMENT_FIELDS} for row in self.inline_rows(request, Commitment)]
        return call_service(services.hold_dialogue, data, by=request.user, commitments=commitments)

    def save_lines(self, request, form, formsets):
        # A commitment added later goes through add_commitment; one already recorded is corrected on its own page
        # (its follow-up and result are steps there), so a change typed on this line is refused, never dropped.
        form.save_m2m()
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            if formset.model is Commitment:
                for row in formset.forms:
                    if not row.has_changed() or not row.cleaned_data or row.cleaned_data.get("DELETE"):
                        continue
                    if row.instance.pk is not None:
                        raise ValidationError(_("Cam kết đã ghi được sửa trên trang của cam kết đó."))
                    services.add_commitment(form.instance, by=request.user,
                                            **{key: row.cleaned_data[key] for key in COMMITMENT_FIELDS})


class FollowUpInline(DutyFollowUpInline):
    model = CommitmentFollowUp


@admin.register(Commitment)
class CommitmentAdmin(StepAdminMixin, VisibleAdmin):
    workflow = COMMITMENT_STEPS
    list_display = ["dialogue", "owner_unit", "content", "due_on", "done_on", "deadline"]
    list_filter = [due_status_filter("due_on", "done_on"), ("owner_unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["content", "result", "owner_unit__name", "dialogue__topic"]
    list_select_related = ["owner_unit", "dialogue"]
    fields = ["dialogue", "content", "owner_unit", "due_on", "step_links", "result", "done_on"]
    readonly_fields = ["dialogue", "owner_unit", "due_on", "step_links", "result", "done_on"]
    inlines = [FollowUpInline, AttachmentInline]

    def has_add_permission(self, request):
        return False  # a commitment is made at a dialogue: added on the dialogue's page

    @admin.display(description=_("Tình trạng hạn"))
    def deadline(self, commitment):
        return deadline_label(commitment.due_on, done=commitment.done_on is not None)
