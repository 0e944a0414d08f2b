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
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from papi_inspect.locking import VERSION_FIELD, EditConflict, editing
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

    def form_class(self):
        return form_for(self.input)

    def form(self, record, data=None, files=None, **options):
        """The step's form for `record`, carrying the version the page shows (a stale page is refused)."""
        return self.form_class()(data, files, initial={VERSION_FIELD: getattr(record, "version", None)}, **options)

    def run(self, record, *, by, data, expected_version=None):
        """Validate `data` with the step's input and call its service; errors come back as ValidationError.
        With `expected_version`, a record changed since that version is refused (EditConflict)."""
        if not self.permitted(by, record):
            raise PermissionDenied(_("Bạn không được thực hiện bước này trên hồ sơ này."))
        serializer = self.input(data=data)
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
    """Active accounts with a staff profile, by name: the people a step may name."""
    return (get_user_model().objects.filter(is_active=True, staff_profile__isnull=False)
            .select_related("staff_profile").order_by("staff_profile__full_name"))


class PersonChoiceField(forms.ModelChoiceField):
    """A person chosen by name and position; the serializer still receives the id."""

    def label_from_instance(self, user):
        return f"{user.staff_profile.full_name} – {user.staff_profile.position}"

    def clean(self, value):
        user = super().clean(value)
        return user.pk if user is not None else None


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return PersonChoiceField.label_from_instance(self, user)

    def clean(self, value):
        return [user.pk for user in super().clean(value)]


def _form_field(name, field):
    label = field.label or name
    required = field.required
    if isinstance(field, serializers.DateField):
        return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs={"type": "date"}))
    if isinstance(field, serializers.BooleanField):
        return forms.NullBooleanField(label=label, required=False)
    if isinstance(field, serializers.ChoiceField):
        return forms.ChoiceField(label=label, required=required, choices=[("", "—"), *field.choices.items()])
    if isinstance(field, serializers.FileField):
        return forms.FileField(label=label, required=required)
    if isinstance(field, serializers.ManyRelatedField):
        return PeopleChoiceField(label=label, required=required, queryset=staff_people())
    if isinstance(field, serializers.RelatedField):
        if field.queryset is not None and field.queryset.model is get_user_model():
            return PersonChoiceField(label=label, required=required, queryset=staff_people())
        return forms.IntegerField(label=label, required=required)
    widget = forms.Textarea(attrs={"rows": 3}) if name in LONG_TEXT else None
    return forms.CharField(label=label, required=required, widget=widget)


def form_for(serializer_class):
    """A Django form with one input per field of a step's input serializer, and the record's version, hidden."""
    fields = {name: _form_field(name, field) for name, field in serializer_class().fields.items()}
    fields[VERSION_FIELD] = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    return type("StepForm", (forms.Form,), fields)
