"""The back-office sidebar: areas from every doctype, each entry shown only to those who may open it."""

import pytest

from papi_inspect.admin_site import navigation
from tests.base import client_for

pytestmark = pytest.mark.django_db


def titles(request):
    return {str(item["title"]) for area in navigation(request) for item in area["items"] if item["permission"](request)}


def test_it_shows_each_user_only_the_entries_they_may_open(rf, people):
    request = rf.get("/admin/")
    request.user = people.admin
    assert {"Đơn vị", "Tài khoản", "Nhập điểm PAPI", "Xu hướng điểm PAPI"} <= titles(request)
    request.user = people.unit_staff
    shown = titles(request)
    assert "Đơn vị" in shown and "Tài khoản" not in shown and "Nhập điểm PAPI" not in shown


def test_it_renders_the_sidebar_links_in_the_back_office(client, people):
    page = client_for(client, people.admin).get("/admin/").content.decode()
    assert 'href="/papi/trend/"' in page and 'href="/admin/org/unit/"' in page
