"""Intake forms of the /cases/ screens: the record's own fields (labels from the model) and the write-only identity,
handed to the doctype's service, which decides; a refusal re-shows the form with everything typed."""

from django import forms
from django.db.models import Q

from doctypes.complaint_case.admin.identity import IDENTITY_INPUTS, identity_from
from doctypes.complaint_case.models import Petition
from doctypes.org.models import Unit
from papi_inspect.permissions import agency_unit_ids

PETITION_FIELDS = ["received_on", "channel", "forwarded_by", "anonymous", "matter", "summary", "content_kind",
                   "many_signers", "anti_corruption", "has_verifiable_evidence", "unit"]


def intake_form(model, fields, user, extra=None):
    """A form for `fields` of `model` plus the identity inputs (and `extra` fields); units are the user's agency's."""
    base = forms.modelform_factory(model, fields=fields)
    declared = {f"identity_{key}": field for key, field in IDENTITY_INPUTS.items()} | (extra or {})
    form_class = type(f"{model.__name__}IntakeForm", (base,), declared)

    class Scoped(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "unit" in self.fields and not user.is_superuser:
                self.fields["unit"].queryset = Unit.objects.filter(Q(pk__in=agency_unit_ids(user)))
            for field in self.fields.values():
                widget = field.widget
                if isinstance(widget, forms.DateInput):
                    widget.format = "%d/%m/%Y"
                    widget.attrs.setdefault("placeholder", "dd/mm/yyyy")
                widget.attrs.setdefault("class", "form-check-input" if isinstance(widget, forms.CheckboxInput)
                                        else "form-select" if isinstance(widget, forms.Select) else "form-control")

        def service_data(self):
            data = {name: self.cleaned_data[name] for name in fields if name in self.cleaned_data}
            data["identity"] = identity_from(self.cleaned_data)
            if "group_size" in data and data["group_size"] is None:
                data["group_size"] = 1
            return data

    return Scoped


def petition_form(user):
    return intake_form(Petition, PETITION_FIELDS, user)
