"""Who sees which units and staff: own agency only; leadership and administrators see all."""

import pytest

from doctypes.org.models import StaffProfile, Unit
from tests.base import client_for

pytestmark = pytest.mark.django_db


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


def test_it_shows_staff_their_own_agency_and_its_predecessors(people):
    visible = codes(Unit.objects.visible_to(people.unit_staff))
    assert {"snnmt", "snnmt-ttr", "snnmt-ccthuyloi", "snn-bac-giang", "snnmt-bac-giang"} <= visible
    assert "stc" not in visible and "stc-vp" not in visible


def test_it_shows_the_outsider_nothing_of_the_department(people):
    visible = codes(Unit.objects.visible_to(people.outsider))
    assert visible == {"stc", "stc-vp"}
    assert not StaffProfile.objects.visible_to(people.outsider).filter(unit__code__startswith="snnmt").exists()


def test_it_shows_leadership_every_unit(people):
    assert codes(Unit.objects.visible_to(people.leader)) == codes(Unit.objects.all())


def test_it_shows_anonymous_nothing(db):
    from django.contrib.auth.models import AnonymousUser

    assert not Unit.objects.visible_to(AnonymousUser()).exists()


def test_it_lists_and_searches_units_in_the_back_office_by_visibility(client, people):
    page = client_for(client, people.unit_staff).get("/admin/org/unit/", {"q": "Sở"})
    assert page.status_code == 200
    assert "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh" in page.content.decode()
    assert "Sở Tài chính tỉnh Bắc Ninh" not in page.content.decode()

    page = client_for(client, people.outsider).get("/admin/org/unit/", {"q": "Sở"})
    assert "Sở Tài chính tỉnh Bắc Ninh" in page.content.decode()
    assert "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh" not in page.content.decode()


def test_it_refuses_the_outsider_a_department_unit_detail_and_history(client, people):
    unit = Unit.objects.get(code="snnmt-ttr")
    client_for(client, people.outsider)
    for url in (f"/admin/org/unit/{unit.pk}/change/", f"/admin/org/unit/{unit.pk}/history/"):
        response = client.get(url, follow=True)
        assert "Thanh tra Sở" not in response.content.decode(), url
    history_id = unit.history.first().history_id
    response = client.get(f"/admin/org/unit/{unit.pk}/history/{history_id}/")
    assert response.status_code in (302, 403, 404)


def test_it_shows_a_unit_detail_and_history_to_its_own_staff(client, people):
    unit = Unit.objects.get(code="snnmt-ttr")
    client_for(client, people.inspector)
    assert client.get(f"/admin/org/unit/{unit.pk}/change/").status_code == 200
    history = client.get(f"/admin/org/unit/{unit.pk}/history/")
    assert history.status_code == 200
    assert "Nạp dữ liệu tham chiếu" in history.content.decode()


def test_it_serves_units_over_the_api_by_visibility(client, people):
    unit = Unit.objects.get(code="snnmt-ttr")
    client_for(client, people.outsider)
    listed = client.get("/api/v1/units/", {"search": "Thanh tra"}).json()
    assert listed["count"] == 0
    assert client.get(f"/api/v1/units/{unit.pk}/").status_code == 404

    client_for(client, people.inspector)
    listed = client.get("/api/v1/units/", {"search": "Thanh tra"}).json()
    assert [row["code"] for row in listed["results"]] == ["snnmt-ttr"]
    assert client.get(f"/api/v1/units/{unit.pk}/").json()["name"] == "Thanh tra Sở"


def test_it_serves_staff_over_the_api_by_visibility(client, people):
    client_for(client, people.outsider)
    names = {row["full_name"] for row in client.get("/api/v1/staff/").json()["results"]}
    assert names == {"Ngô Người Ngoài"}
    client_for(client, people.unit_head)
    names = {row["full_name"] for row in client.get("/api/v1/staff/").json()["results"]}
    assert {"Lê Thanh Tra", "Vũ Cán Bộ"} <= names and "Ngô Người Ngoài" not in names


def test_it_keeps_the_api_read_only(client, people):
    client_for(client, people.admin)
    response = client.post("/api/v1/units/", {"code": "x", "name": "x"}, content_type="application/json")
    assert response.status_code == 405
    assert response.json()["error"]["message"] == "Phương thức không được hỗ trợ."
