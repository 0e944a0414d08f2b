"""Changes to accounts, roles and grants are historised and readable in the back office by the administrator."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.forms import MultiWidget
from django.utils.html import escape

from papi_inspect.permissions import Role
from tests.base import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def form_data(response):
    """What the back-office form would post back unchanged (split date/time widgets included)."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):
            parts = field.widget.decompress(value)
            for index, (widget, part) in enumerate(zip(field.widget.widgets, parts)):
                data[f"{name}_{index}"] = widget.format_value(part) or ""
        elif isinstance(value, (list, tuple)):
            data[name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def test_the_administrator_grants_the_chief_inspector_role_and_the_grant_is_in_the_history(client, people):
    """The Chánh Thanh tra may reveal denouncers' identities: who was given that role, and by whom, must show."""
    inspector = people.inspector
    client_for(client, people.admin)
    url = f"/admin/auth/user/{inspector.pk}/change/"
    data = form_data(client.get(url))
    chief = Group.objects.get(name=str(Role.CHIEF_INSPECTOR))
    data["groups"] = data.get("groups", []) + [str(chief.pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response

    latest = inspector.history.first()
    assert latest.history_user == people.admin
    assert str(Role.CHIEF_INSPECTOR) in {str(row.group) for row in latest.groups.all()}
    assert not hasattr(latest, "password")  # a password hash never goes into the history table
    page = client.get(f"/admin/auth/user/{inspector.pk}/history/").content.decode()
    assert str(Role.CHIEF_INSPECTOR) in page and people.admin.username in page


def test_a_permission_added_to_a_role_is_in_the_role_history(client, people):
    role = Group.objects.get(name=str(Role.LEADERSHIP))
    permission = Permission.objects.get(codename="delete_user")
    role.permissions.add(permission)
    latest = role.history.first()
    assert "delete_user" in {row.permission.codename for row in latest.permissions.all()}
    page = client_for(client, people.admin).get(f"/admin/auth/group/{role.pk}/history/")
    assert page.status_code == 200 and escape(str(permission)) in page.content.decode()


def test_the_account_history_is_the_administrators_alone(client, people):
    for who in (people.chief_inspector, people.leader, people.inspector):
        client_for(client, who)
        assert client.get(f"/admin/auth/user/{people.inspector.pk}/history/").status_code == 403
        assert client.get(f"/admin/auth/group/{Group.objects.first().pk}/history/").status_code == 403


def test_signing_in_is_not_an_account_change(client, people):
    before = people.inspector.history.count()
    response = client.post("/admin/login/?next=/admin/", {"username": "thanhtra", "password": PASSWORD})
    assert response.status_code == 302
    assert people.inspector.history.count() == before


def test_a_past_version_cannot_be_restored_over_the_account(client, people):
    version = people.inspector.history.first()
    client_for(client, people.admin)
    url = f"/admin/auth/user/{people.inspector.pk}/history/{version.history_id}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"username": "ai-do"}).status_code == 403
