"""Convention: every choice a back-office form, a step form or an API input offers is scoped (issue 13, item 6).

Each walk takes every form field / input there is and fails on one that offers a unit of another agency or a
pre-merger unit, a person of another agency or the system administrator, or a record the user may not see. The
walks ask leadership, who sees every record: only the agency scoping keeps their lists to their own department.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from rest_framework import serializers

from doctypes.org.models import StaffProfile, Unit
from papi_inspect.choices import person_label
from papi_inspect.steps import form_for

PROJECT = ("doctypes", "papi_inspect", "reports", "tablet")
# Accounts, groups and API tokens are the system administrator's own screens: they must reach every account.
ACCOUNT_APPS = {"auth", "authtoken"}


@pytest.fixture
def forbidden(people):
    """What no list may offer a member of the Sở Nông nghiệp và Môi trường today."""
    return {
        Unit: {Unit.objects.get(code="stc-vp").pk, Unit.objects.get(code="stc").pk,  # another agency
               Unit.objects.get(code="snnmt-bac-giang").pk, Unit.objects.get(code="snn-bac-giang").pk},  # merged away
        get_user_model(): {people.outsider.pk, people.admin.pk},
        StaffProfile: {people.outsider.staff_profile.pk, people.admin.staff_profile.pk},
    }


def offences(queryset, forbidden, user):
    """What `queryset` offers that it must not: forbidden units/people, records `user` may not see."""
    model = queryset.model
    offered = set(queryset.values_list("pk", flat=True))
    wrong = offered & forbidden.get(model, set())
    visible_to = getattr(model._default_manager, "visible_to", None)
    if visible_to is not None:
        wrong |= offered - set(visible_to(user).values_list("pk", flat=True))
    return wrong


def choice_fields(form_class):
    return [(name, field) for name, field in form_class.base_fields.items()
            if isinstance(field, (forms.ModelChoiceField, forms.ModelMultipleChoiceField))]


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def admin_forms(user):
    """(where, form class) for every registered admin's add form and its inlines' forms."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in ACCOUNT_APPS:
            continue
        request = _request(user)
        yield f"admin {model.__name__}", model_admin.get_form(request, None)
        for inline_class in model_admin.inlines:
            inline = inline_class(model, admin.site)
            if getattr(inline, "model", None) is None or inline_class.__name__ == "AttachmentInline":
                continue
            yield f"admin {model.__name__} inline {inline.model.__name__}", inline.get_formset(request, None).form


def test_every_admin_form_field_is_scoped(people, forbidden):
    unscoped, walked = [], 0
    for user in (people.leader, people.office_clerk):
        for where, form_class in admin_forms(user):
            for name, field in choice_fields(form_class):
                walked += 1
                if wrong := offences(field.queryset, forbidden, user):
                    unscoped.append(f"{where}.{name} ({user.username}): {sorted(wrong)}")
    assert walked > 40  # the walk really saw the forms
    assert not unscoped, "\n".join(unscoped)


def _workflows():
    from doctypes.complaint_case.steps import WORKFLOWS
    from doctypes.finding.steps import ACTION_STEPS
    from doctypes.inspection.steps import INSPECTION_STEPS

    return [*WORKFLOWS.values(), ACTION_STEPS, INSPECTION_STEPS]


def test_every_step_form_field_is_scoped(people, forbidden):
    unscoped, walked = [], 0
    for workflow in _workflows():
        for step in workflow:
            form_class = form_for(step.input, model=workflow.model, user=people.leader)
            for name, field in choice_fields(form_class):
                walked += 1
                if wrong := offences(field.queryset, forbidden, people.leader):
                    unscoped.append(f"{workflow.model.__name__}.{step.name}.{name}: {sorted(wrong)}")
                if field.queryset.model is get_user_model():
                    labels = [field.label_from_instance(user) for user in field.queryset[:3]]
                    assert all(" – " in label and label.endswith(")") for label in labels), labels
    assert walked >= 8
    assert not unscoped, "\n".join(unscoped)


def _project_serializers():
    for package in ("doctypes", "tablet"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            try:
                importlib.import_module(info.name)
            except ImportError:
                continue
    found, pending = set(), [serializers.Serializer]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith(PROJECT) and (not issubclass(sub, serializers.ModelSerializer) or hasattr(sub, "Meta")):
                found.add(sub)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def related_inputs(serializer, prefix=""):
    """(path, related field) for every writable related input, nested serializers included."""
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        if isinstance(field, serializers.ListSerializer):
            field = field.child
        if isinstance(field, serializers.Serializer):
            yield from related_inputs(field, f"{prefix}{name}.")
        elif isinstance(field, serializers.ManyRelatedField):
            yield f"{prefix}{name}", field.child_relation
        elif isinstance(field, serializers.RelatedField):
            yield f"{prefix}{name}", field


def test_every_api_input_is_scoped(people, forbidden):
    unscoped, walked = [], 0
    for serializer_class in _project_serializers():
        try:
            serializer = serializer_class(context={"user": people.leader, "request": None})
            inputs = list(related_inputs(serializer))
        except TypeError:  # a serializer that needs arguments of its own is built by its view only
            continue
        for path, field in inputs:
            walked += 1
            if wrong := offences(field.get_queryset(), forbidden, people.leader):
                unscoped.append(f"{serializer_class.__module__}.{serializer_class.__name__}.{path}: {sorted(wrong)}")
    assert walked > 20
    assert not unscoped, "\n".join(unscoped)


def test_an_input_read_without_a_sender_accepts_nothing(people):
    from doctypes.complaint_case.inputs import PetitionInput

    field = PetitionInput().fields["unit"]
    assert not field.get_queryset().exists()


def test_people_read_as_full_name_title_and_unit(people):
    assert person_label(people.unit_staff) == "Vũ Cán Bộ – Chuyên viên (" + (
        people.unit_staff.staff_profile.unit.short_name or people.unit_staff.staff_profile.unit.name) + ")"


def test_the_admin_autocomplete_offers_the_same_scope(client, people):
    """A staff profile's unit is picked by autocomplete: leadership gets their agency's units in force, no other."""
    client.force_login(people.leader)
    response = client.get("/admin/autocomplete/", {"app_label": "org", "model_name": "staffprofile", "field_name": "unit",
                                                   "term": ""})
    assert response.status_code == 200
    offered = {int(row["id"]) for row in response.json()["results"]}
    assert Unit.objects.get(code="snnmt-ttr").pk in offered
    assert not offered & {Unit.objects.get(code=code).pk for code in ("stc", "stc-vp", "snnmt-bac-giang", "snn-bac-giang")}
