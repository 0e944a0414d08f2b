"""The choices a form or an API input offers: records the user may see, in the user's agency, units in force on the
record's date, and people by name – title (unit), never the system's administrators.

One function, `scope_choices`, is used by the back office (VisibleAdmin and its inlines, autocomplete), the step
forms and the API's related fields, so a drop-down never offers what the service would refuse or must not reveal.
The core knows units and staff only by shape (a queryset with `in_force_on`, a user's `staff_profile`): it imports
no doctype.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from rest_framework import serializers

from papi_inspect.permissions import Role, agency_unit_ids


def person_label(user):
    """How a person is shown wherever one is chosen or named: "Full name – title (unit)"."""
    if user is None:
        return ""
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        return user.get_full_name() or user.get_username()
    label = profile.full_name
    if profile.position:
        label = f"{label} – {profile.position}"
    unit = profile.unit
    return f"{label} ({unit.short_name or unit.name})"


# The dates that say when a record happened, most telling first. A period a record looks back on (an inspection's
# period_from) is not one: the units it names are those of the day it is made.
RECORD_DATES = ("received_on", "scheduled_on", "recorded_on", "planned_on", "decided_on", "reported_on", "held_on")


def record_day(record):
    """The date a record is about (received_on, scheduled_on…), else today. Units are offered as they stood on that
    day, so a record is never filed under a unit that did not exist then (nor a pre-merger unit today)."""
    for name in RECORD_DATES:
        value = getattr(record, name, None) if record is not None else None
        if isinstance(value, date):
            return value
    return timezone.localdate()


def _is_units(queryset):
    return hasattr(queryset, "in_force_on")


def _unit_field_name(model):
    """The foreign key that files a record under a unit (`unit`), if the model has one."""
    for field in model._meta.concrete_fields:
        if field.name == "unit" and field.is_relation and _is_units(field.related_model._default_manager.all()):
            return field.name
    return None


def _not_administrators(queryset, prefix=""):
    # The system administrator keeps the machine running; naming them on a record (a verifier, a signer) would
    # show them a case they have no business reading (issue 13: a confidential denunciation).
    return queryset.exclude(**{f"{prefix}is_superuser": True}).exclude(**{f"{prefix}groups__name": str(Role.SYSTEM_ADMIN)})


def scope_choices(queryset, user, *, on=None):
    """`queryset` narrowed to what `user` may choose: visible to them, in their agency, units in force on `on`.

    Users (people) must be active staff of the agency, not administrators. A user without a unit (a superuser
    without a profile) is not narrowed to an agency, but still to what they may see.
    """
    model = queryset.model
    if hasattr(queryset, "visible_to"):
        queryset = queryset.visible_to(user)
    agency = agency_unit_ids(user)
    if model is get_user_model():
        queryset = _not_administrators(queryset.filter(is_active=True, staff_profile__isnull=False))
        if agency:
            queryset = queryset.filter(staff_profile__unit_id__in=agency)
        return queryset.select_related("staff_profile__unit").order_by("staff_profile__full_name")
    if _is_units(queryset):
        if agency:
            queryset = queryset.filter(pk__in=agency)
        return queryset.in_force_on(on or timezone.localdate())
    person = next((f for f in model._meta.concrete_fields
                   if f.name == "user" and f.one_to_one and f.related_model is get_user_model()), None)
    if person is not None:  # a staff profile
        queryset = _not_administrators(queryset.filter(user__is_active=True), "user__")
    unit_field = _unit_field_name(model)
    if unit_field and agency:
        queryset = queryset.filter(**{f"{unit_field}_id__in": agency})
    return queryset


def with_current(scoped, current_pk):
    """The scoped choices plus the value already on record, so an old record still shows (and keeps) its own."""
    if current_pk in (None, ""):
        return scoped
    base = scoped.model._default_manager
    return base.filter(models.Q(pk__in=scoped.values("pk")) | models.Q(pk=current_pk))


def label_people(field):
    """Show a user choice field's people as "Full name – title (unit)"."""
    if getattr(field, "queryset", None) is not None and field.queryset.model is get_user_model():
        field.label_from_instance = person_label
    return field


# --- the API's related inputs -------------------------------------------------------------------------------------

def context_user(context):
    """The user a serializer validates for: `user` in its context, else the request's."""
    if context.get("user") is not None:
        return context["user"]
    request = context.get("request")
    return getattr(request, "user", None)


class ScopedRelatedMixin:
    """A related input whose choices are `scope_choices(queryset, user)`; with no user in the context it offers
    nothing (an input read without knowing who sends it must not accept any record). `for_record(record, queryset)`
    narrows the choices to the record a step acts on (its own files, its own copies)."""

    def __init__(self, *args, for_record=None, **kwargs):
        self.for_record = for_record
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        user = context_user(self.context)
        if user is None:
            return queryset.none()
        queryset = scope_choices(queryset, user, on=self.context.get("on"))
        record = self.context.get("record")
        return self.for_record(record, queryset) if self.for_record is not None and record is not None else queryset


class ScopedRelated(ScopedRelatedMixin, serializers.PrimaryKeyRelatedField):
    """A record chosen by id, among those the sender may choose."""


class ScopedSlugRelated(ScopedRelatedMixin, serializers.SlugRelatedField):
    """A record chosen by code (a unit's `code`), among those the sender may choose."""


def serializer_context(user, *, request=None, on=None):
    """The context every input serializer gets, so its related fields can scope their choices."""
    return {"user": user, "request": request, "on": on}


class ScopedModelSerializer(serializers.ModelSerializer):
    """A record's serializer whose related fields, when written (a create, a PATCH), offer only what the sender may
    choose: the fields DRF builds from the model's foreign keys are `ScopedRelated`."""

    serializer_related_field = ScopedRelated
