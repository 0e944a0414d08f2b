"""Reference data loads by stable keys: loading twice changes nothing and keeps administrators' edits."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from doctypes.org.models import Unit
from doctypes.papi.models import Dimension
from papi_inspect.models import CalendarOverride, DeadlineRule
from papi_inspect.permissions import Role
from papi_inspect.reference import load_reference

pytestmark = pytest.mark.django_db

MODELS = [Unit, Dimension, DeadlineRule, CalendarOverride, Group]


def snapshot():
    counts = {model.__name__: model.objects.count() for model in MODELS}
    counts.update({f"history:{m.__name__}": m.history.count() for m in MODELS if hasattr(m, "history")})
    return counts


def test_it_changes_nothing_when_loaded_twice(db):
    before = snapshot()
    assert set(load_reference().values()) == {0}
    call_command("load_reference")
    assert snapshot() == before


def test_it_keeps_an_administrators_edit_when_loaded_again(db):
    override = CalendarOverride.objects.get(date="2026-11-24")
    override.active = False
    override.save()
    load_reference()
    assert CalendarOverride.objects.get(date="2026-11-24").active is False


def test_it_restores_a_deleted_reference_row(db):
    DeadlineRule.objects.filter(code="petition.process").delete()
    assert load_reference()["quy tắc thời hạn"] == 1
    assert DeadlineRule.objects.get(code="petition.process").unconfirmed is True


def test_it_seeds_the_eight_roles_with_their_permissions(db):
    assert set(Group.objects.values_list("name", flat=True)) == {role.value for role in Role}
    admin = Group.objects.get(name=Role.SYSTEM_ADMIN)
    assert admin.permissions.filter(codename="change_unit").exists()
    clerk = Group.objects.get(name=Role.UNIT_STAFF)
    assert clerk.permissions.filter(codename="view_unit").exists()
    assert not clerk.permissions.filter(codename="change_unit").exists()


def test_it_seeds_the_rules_the_cases_need(db):
    codes = set(DeadlineRule.objects.values_list("code", flat=True))
    assert {
        "complaint.accept", "complaint.resolve", "complaint.resolve_second", "denunciation.initial",
        "denunciation.notify", "denunciation.resolve", "petition.process", "citizen_reception.head_day",
    } <= codes
    assert DeadlineRule.objects.get(code="complaint.accept").citation == "Luật Khiếu nại 2011, Điều 27"


def test_it_creates_each_unit_whole_in_one_history_entry(db):
    unit = Unit.objects.get(code="snnmt-bac-giang")
    assert [h.history_type for h in unit.history.all()] == ["+"]
    assert unit.parent.code == "ubnd-bac-giang" and unit.merged_into.code == "snnmt"
