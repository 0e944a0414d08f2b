"""The one step mechanism: a doctype declares its workflow steps once, and the back office, the
front-office screens and the API are built from that declaration.

A step is a label, an input serializer, the service that carries it out, when it is worth offering
and who may take it. The service stays the judge: it checks the order of steps and its legal
preconditions, and refuses with its reason; `when` and `may` only decide what to offer.
"""

from dataclasses import dataclass
from typing import Callable

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from papi_inspect.choices import person_label, record_day, scope_choices
from papi_inspect.locking import VERSION_FIELD, EditConflict, editing
from papi_inspect.widgets import date_field
from papi_inspect.permissions import is_active_staff

# Inputs shown as a text area rather than a one-line box.
LONG_TEXT = {"result", "reason", "conclusion", "handling", "note", "summary", "changes", "text"}


@dataclass(frozen=True)
class Step:
    """One workflow step of a doctype."""

    name: str  # the URL slug and the API action: "accept", "extend-initial"
    label: str
    input: type  # a DRF serializer: validates the API body and builds the screen's form
    service: Callable  # service(record, *, by, **validated input)
    when: Callable | None = None  # record -> worth offering now
    may: Callable | None = None  # (user, record) -> may take it, beyond working on the record
    permissions: tuple = ()  # model permissions, any of which allows it; default: change_ of the record's model

    def offered(self, record, user):
        return (self.when is None or self.when(record)) and self.permitted(user, record)

    def permitted(self, user, record):
        """May `user` take this step on `record`: they may change such records, may work on this one (not a
        read-only grant) and pass the step's own `may`."""
        if not is_active_staff(user):
            return False
        model = type(record)
        opts = model._meta
        needed = self.permissions or (f"{opts.app_label}.change_{opts.model_name}",)
        if not any(user.has_perm(permission) for permission in needed):
            return False
        if not model.objects.workable_by(user).filter(pk=record.pk).exists():
            return False
        return self.may is None or self.may(user, record)

    def form_class(self, record=None, user=None):
        return form_for(self.input, model=type(record) if record is not None else None, user=user, record=record)

    def form(self, record, data=None, files=None, *, user=None, **options):
        """The step's form for `record` as `user` sees it: labels from the model, what is on record pre-filled,
        choices scoped, and the version the page shows (a stale page is refused)."""
        form_class = self.form_class(record, user)
        initial = {**on_record(record, form_class.base_fields), VERSION_FIELD: getattr(record, "version", None)}
        return form_class(data, files, initial=initial, **options)

    def run(self, record, *, by, data, expected_version=None):
        """Validate `data` with the step's input and call its service; errors come back as ValidationError.
        With `expected_version`, a record changed since that version is refused (EditConflict)."""
        if not self.permitted(by, record):
            raise PermissionDenied(_("Bạn không được thực hiện bước này trên hồ sơ này."))
        serializer = self.input(data=data, context={"user": by, "record": record, "on": record_day(record)})
        if not serializer.is_valid():
            raise ValidationError({field: [str(error) for error in errors] for field, errors in serializer.errors.items()})
        with editing(record, expected_version):
            return self.service(record, by=by, **serializer.validated_data)

    def run_form(self, form, record, *, by):
        """Run the step from a bound form; on refusal the reason is added to the form and False returned."""
        if not form.is_valid():
            return False
        data = {name: value for name, value in form.cleaned_data.items() if value not in (None, "", []) and name != VERSION_FIELD}
        try:
            self.run(record, by=by, data=data, expected_version=form.cleaned_data.get(VERSION_FIELD))
        except EditConflict as conflict:
            add_errors(form, conflict)
            # The page shown again carries the stored version: taking the step again, having read it, is a choice.
            form.data = form.data.copy()
            form.data[VERSION_FIELD] = str(record.version)
            return False
        except (ValidationError, PermissionDenied) as error:
            add_errors(form, error)
            return False
        return True


class Workflow:
    """The steps of one model, in workflow order."""

    def __init__(self, model, steps):
        self.model = model
        self.steps = {step.name: step for step in steps}

    def __iter__(self):
        return iter(self.steps.values())

    def get(self, name):
        return self.steps.get(name)

    def next_steps(self, record, user):
        """The steps worth offering `user` on `record` now, in workflow order."""
        return [step for step in self if step.offered(record, user)]


def add_errors(form, error):
    """A service's refusal on the form: field errors on their fields, the rest above the form."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, " ".join(errors))
    else:
        form.add_error(None, " ".join(getattr(error, "messages", None) or [str(error)]))


def staff_people():
    """Active accounts with a staff profile, by name: the people a step may name (unscoped; forms use scope_choices)."""
    return (get_user_model().objects.filter(is_active=True, staff_profile__isnull=False)
            .select_related("staff_profile").order_by("staff_profile__full_name"))


class RecordChoiceField(forms.ModelChoiceField):
    """A record chosen from a scoped list (people by name – title (unit)); the serializer still receives the id."""

    def label_from_instance(self, obj):
        return person_label(obj) if isinstance(obj, get_user_model()) else super().label_from_instance(obj)

    def clean(self, value):
        chosen = super().clean(value)
        return chosen.pk if chosen is not None else None


class RecordsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return RecordChoiceField.label_from_instance(self, obj)

    def clean(self, value):
        return [chosen.pk for chosen in super().clean(value)]


# Kept for callers that name people outside a step form.
PersonChoiceField, PeopleChoiceField = RecordChoiceField, RecordsChoiceField


def _model_field(model, name):
    try:
        return model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None


def _text(value):
    return capfirst(value) if value else value


def _choices(field, user, record):
    """The related input's choices as the form offers them: the same scope as the API (`ScopedRelated`)."""
    relation = field.child_relation if isinstance(field, serializers.ManyRelatedField) else field
    queryset = relation.queryset
    if queryset is None:
        return None
    queryset = scope_choices(queryset, user, on=record_day(record)) if user is not None else queryset.none()
    narrow = getattr(relation, "for_record", None)
    return narrow(record, queryset) if narrow is not None and record is not None else queryset


def _form_field(name, field, *, model=None, user=None, record=None):
    on_model = _model_field(model, name)
    # The label and help the model gives the office (verbose_name, help_text), else the input's own label.
    # DRF invents "Content kind" from the name when no label is given: only an explicit one counts.
    label = _text(getattr(on_model, "verbose_name", None)) or _text(field._kwargs.get("label")) or name
    help_text = getattr(on_model, "help_text", "") or field._kwargs.get("help_text") or ""
    options = {"label": label, "required": field.required, "help_text": help_text}
    if isinstance(field, serializers.DateField):
        return date_field(**options)
    if isinstance(field, serializers.BooleanField):
        return forms.NullBooleanField(**{**options, "required": False})
    if isinstance(field, serializers.ChoiceField):
        return forms.ChoiceField(choices=[("", "—"), *field.choices.items()], **options)
    if isinstance(field, serializers.FileField):
        return forms.FileField(**options)
    if isinstance(field, serializers.ManyRelatedField):
        return RecordsChoiceField(queryset=_choices(field, user, record), **options)
    if isinstance(field, serializers.RelatedField):
        queryset = _choices(field, user, record)
        if queryset is not None:
            return RecordChoiceField(queryset=queryset, **options)
        return forms.IntegerField(**options)
    widget = forms.Textarea(attrs={"rows": 3}) if name in LONG_TEXT else None
    return forms.CharField(widget=widget, **options)


def form_for(serializer_class, *, model=None, user=None, record=None):
    """A Django form with one input per field of a step's input serializer, labelled from `model`'s fields, its
    choices scoped for `user` (and `record`), and the record's version, hidden."""
    fields = {name: _form_field(name, field, model=model, user=user, record=record)
              for name, field in serializer_class().fields.items()}
    fields[VERSION_FIELD] = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    return type("StepForm", (forms.Form,), fields)


def on_record(record, names):
    """What the record already holds for the form's inputs, so the form opens with it (ids for related fields)."""
    initial = {}
    for name in names:
        model_field = _model_field(type(record), name)
        if model_field is None or not model_field.concrete or model_field.many_to_many:
            continue
        value = getattr(record, model_field.attname, None)
        if value not in (None, ""):
            initial[name] = value
    return initial
