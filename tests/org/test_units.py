"""Units as data: the tree, validity periods and mergers, edited with a full history."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from doctypes.org.models import Unit
from tests.base import client_for

pytestmark = pytest.mark.django_db


def test_it_records_the_2025_mergers_as_data(db):
    old = Unit.objects.get(code="snn-bac-giang")
    assert old.merged_into.code == "snnmt-bac-giang"
    assert old.merged_into.merged_into.code == "snnmt"
    assert old.valid_to == datetime.date(2025, 2, 28)
    assert Unit.objects.get(code="ubnd-bac-giang").merged_into.code == "ubnd-bac-ninh"


def test_it_answers_which_units_were_in_force_on_a_date(db):
    in_2024 = set(Unit.objects.in_force_on(datetime.date(2024, 6, 1)).values_list("code", flat=True))
    today = set(Unit.objects.in_force_on(datetime.date(2026, 11, 28)).values_list("code", flat=True))
    assert "snn-bac-giang" in in_2024 and "snnmt" not in in_2024
    assert "snnmt" in today and "snn-bac-giang" not in today


def test_it_finds_the_agency_of_an_office(db):
    assert Unit.objects.get(code="snnmt-ccthuyloi").agency().code == "snnmt"


def test_it_refuses_a_unit_below_its_own_child(db):
    department = Unit.objects.get(code="snnmt")
    department.parent = Unit.objects.get(code="snnmt-vp")
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert "trực thuộc chính nó" in str(error.value)


def test_it_refuses_a_merger_without_an_end_date(db):
    unit = Unit.objects.get(code="snnmt-khtc")
    unit.merged_into = Unit.objects.get(code="snnmt-vp")
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "ngày kết thúc" in str(error.value)


def test_it_keeps_a_field_level_history_of_back_office_edits(client, people):
    unit = Unit.objects.get(code="snnmt-khtc")
    client_for(client, people.admin)
    form = client.get(f"/admin/org/unit/{unit.pk}/change/")
    assert form.status_code == 200
    response = client.post(
        f"/admin/org/unit/{unit.pk}/change/",
        {
            "code": unit.code,
            "name": "Phòng Kế hoạch - Tài chính (đổi tên)",
            "short_name": unit.short_name,
            "kind": unit.kind,
            "parent": unit.parent_id,
            "valid_from": "01/07/2025",
            "valid_to": "",
            "merged_into": "",
            "merger_basis": "",
            "papi_inspect-attachment-content_type-object_id-TOTAL_FORMS": "0",
            "papi_inspect-attachment-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = unit.history.first()
    assert latest.history_user == people.admin
    assert latest.history_change_reason == "Cập nhật trong trang quản trị"
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("name", "Phòng Kế hoạch - Tài chính", "Phòng Kế hoạch - Tài chính (đổi tên)")
    ]
    history_page = client.get(f"/admin/org/unit/{unit.pk}/history/").content.decode()
    assert "(đổi tên)" in history_page


def test_it_refuses_edits_from_a_user_without_the_permission(client, people):
    unit = Unit.objects.get(code="snnmt-khtc")
    client_for(client, people.unit_head)
    response = client.post(f"/admin/org/unit/{unit.pk}/change/", {"name": "Hack"})
    assert response.status_code == 403
    unit.refresh_from_db()
    assert unit.name == "Phòng Kế hoạch - Tài chính"


def test_it_filters_units_in_force_in_the_back_office(client, people):
    client_for(client, people.leader)
    page = client.get("/admin/org/unit/", {"in_force": "no"}).content.decode()
    assert "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Giang" in page
    assert "Chi cục Thủy lợi" not in page
