"""A register's duty followed to its result (a board's recommendation, a dialogue's commitment): the two steps, the
read-only follow-up lines of its page and the API fields, shared so each register declares only its services.

A duty model has `due_on`, `done_on` and `result`, and its follow-up entries (`follow_ups`, each with `on` and `note`).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from papi_inspect.admin_base import TabularInline
from papi_inspect.deadlines import deadline_label
from papi_inspect.steps import Step, Workflow


class DutyFollowUpInput(serializers.Serializer):
    on = serializers.DateField(label=_("Ngày"))
    note = serializers.CharField(label=_("Nội dung theo dõi"))


class DutyResultInput(serializers.Serializer):
    done_on = serializers.DateField(label=_("Ngày hoàn thành"))
    result = serializers.CharField(label=_("Kết quả"))


def is_open(duty):
    return duty.done_on is None


def duty_steps(model, *, follow_up, record_result, result_label):
    """The steps "follow-up" and "result" of a duty, offered while it is open; the services decide."""
    return Workflow(model, [
        Step("follow-up", _("Ghi theo dõi, đôn đốc"), DutyFollowUpInput, follow_up, is_open),
        Step("result", result_label, DutyResultInput, record_result, is_open),
    ])


class FollowUpInline(TabularInline):
    """A duty's follow-up entries on its page, for reading: an entry is added by the step "Ghi theo dõi, đôn đốc"."""

    fields = ["on", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class DutyFieldsMixin(serializers.Serializer):
    """The API's view of a duty: its follow-up entries and its deadline status."""

    follow_ups = serializers.SerializerMethodField()
    deadline_status = serializers.SerializerMethodField()

    def get_follow_ups(self, duty) -> list:
        return [{"on": entry.on, "note": entry.note} for entry in duty.follow_ups.all()]

    def get_deadline_status(self, duty) -> str:
        return deadline_label(duty.due_on, done=duty.done_on is not None)
