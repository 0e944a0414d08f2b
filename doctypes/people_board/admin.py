"""Back office of the people's inspection board: terms with members, meetings, recommendations (steps, import),
training; every add form calls the register's service."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from doctypes.people_board import services
from doctypes.people_board.importer import RecommendationImporter
from doctypes.people_board.models import Board, BoardMeeting, BoardMember, BoardTraining, Recommendation, RecommendationFollowUp
from doctypes.people_board.steps import RECOMMENDATION_STEPS
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service
from papi_inspect.admin_filters import due_status_filter
from papi_inspect.admin_import import SheetImportAdminMixin
from papi_inspect.admin_steps import StepAdminMixin
from papi_inspect.deadlines import deadline_label
from papi_inspect.duties import FollowUpInline as DutyFollowUpInline

MEMBER_FIELDS = ("full_name", "role", "from_on", "to_on")


class MemberInline(TabularInline):
    model = BoardMember
    fields = list(MEMBER_FIELDS)
    extra = 0
    can_delete = False  # a member who leaves keeps the line, with the day they left


@admin.register(Board)
class BoardAdmin(VisibleAdmin):
    list_display = ["unit", "term_from", "term_to"]
    list_filter = [("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["unit__name", "note", "members__full_name"]
    list_select_related = ["unit"]
    fields = ["unit", "term_from", "term_to", "note", "plan_tasks"]
    inlines = [MemberInline, AttachmentInline]

    def create(self, request, data):
        members = [{key: row[key] for key in MEMBER_FIELDS} for row in self.inline_rows(request, BoardMember)]
        return call_service(services.set_up_board, data, by=request.user, members=members)

    def save_lines(self, request, form, formsets):
        # Members added or corrected on the board's page go through the services (dates within the term).
        form.save_m2m()
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            if formset.model is BoardMember:
                for row in formset.forms:
                    if not row.has_changed() or not row.cleaned_data or row.cleaned_data.get("DELETE"):
                        continue
                    values = {key: row.cleaned_data[key] for key in MEMBER_FIELDS}
                    if row.instance.pk is None:
                        services.add_member(form.instance, by=request.user, **values)
                    else:
                        services.change_member(BoardMember.objects.get(pk=row.instance.pk), by=request.user, **values)


@admin.register(BoardMeeting)
class BoardMeetingAdmin(VisibleAdmin):
    list_display = ["board", "held_on", "content"]
    list_filter = [("board__unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["content", "board__unit__name"]
    list_select_related = ["board__unit"]
    date_hierarchy = "held_on"
    fields = ["board", "held_on", "content", "plan_tasks"]
    inlines = [AttachmentInline]

    def create(self, request, data):
        return call_service(services.record_meeting, data, by=request.user)


class FollowUpInline(DutyFollowUpInline):
    model = RecommendationFollowUp


@admin.register(Recommendation)
class RecommendationAdmin(SheetImportAdminMixin, StepAdminMixin, VisibleAdmin):
    importer = RecommendationImporter()
    workflow = RECOMMENDATION_STEPS
    list_display = ["made_on", "owner_unit", "content", "due_on", "done_on", "deadline"]
    list_filter = [due_status_filter("due_on", "done_on"), ("owner_unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["content", "result", "owner_unit__name"]
    list_select_related = ["owner_unit", "board__unit"]
    date_hierarchy = "made_on"
    add_fields = ["board", "made_on", "content", "owner_unit", "due_on", "plan_tasks"]
    inlines = [FollowUpInline, AttachmentInline]

    def get_fields(self, request, obj=None):
        return self.add_fields if obj is None else [*self.add_fields, "step_links", "result", "done_on"]

    def get_readonly_fields(self, request, obj=None):
        # The result and its day move only by the step "Ghi kết quả giải quyết" (record_result's rules).
        return () if obj is None else ["board", "made_on", "owner_unit", "step_links", "result", "done_on"]

    def get_inlines(self, request, obj):
        return [AttachmentInline] if obj is None else self.inlines

    def create(self, request, data):
        return call_service(services.record_recommendation, data, by=request.user)

    @admin.display(description=_("Tình trạng hạn"))
    def deadline(self, recommendation):
        return deadline_label(recommendation.due_on, done=recommendation.done_on is not None)


@admin.register(BoardTraining)
class BoardTrainingAdmin(VisibleAdmin):
    list_display = ["board", "held_on", "topic", "organiser"]
    list_filter = [("board__unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["topic", "organiser", "attendees__full_name"]
    list_select_related = ["board__unit"]
    fields = ["board", "held_on", "topic", "organiser", "attendees", "plan_tasks"]
    inlines = [AttachmentInline]

    def create(self, request, data):
        return call_service(services.record_training, data, by=request.user)
