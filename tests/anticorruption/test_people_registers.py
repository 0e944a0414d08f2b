"""Documents, conflicts of interest, gifts handed over and conduct violations: back office and API, with refusals."""

import pytest
from django.core.exceptions import ValidationError

from doctypes.anticorruption import services
from doctypes.anticorruption.models import ConductDiscipline, ConflictOfInterest, GiftHandover, PreventionDocument
from tests.anticorruption.builders import D, unit
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable
from tests.intake.forms import admin_post, errors_of


def test_it_records_a_document_from_the_form_and_the_api_once(client, people):
    page = client_for(client, people.office_clerk)
    response = admin_post(page, "/admin/anticorruption/preventiondocument/add/", {
        "unit": unit("snnmt").pk, "number": "88/QĐ-SNNMT", "title": "Quy chế chi tiêu nội bộ năm 2026",
        "issued_on": "28/01/2026", "action": "new", "scope": "norms"})
    assert response.status_code == 302, errors_of(response)
    body = {"unit": "snnmt", "number": "88/QĐ-SNNMT", "title": "Quy chế chi tiêu nội bộ", "issued_on": "2026-01-28",
            "action": "new", "scope": "norms"}
    twice = page.post("/api/v1/anticorruption-documents/", body, content_type="application/json")
    assert twice.status_code == 400 and "number" in twice.json()["error"]["fields"]
    response = page.post("/api/v1/anticorruption-documents/", {**body, "action": "amended"}, content_type="application/json")
    assert response.status_code == 201
    assert PreventionDocument.objects.count() == 2
    refused = client_for(client, people.chief_inspector).post("/api/v1/anticorruption-documents/", {**body, "number": "1/QĐ"},
                                                              content_type="application/json")
    assert refused.status_code == 403


def test_it_records_a_gift_handed_over_and_refuses_a_handover_before_the_gift(client, people):
    page = client_for(client, people.office_clerk)
    response = admin_post(page, "/admin/anticorruption/gifthandover/add/", {
        "person": people.unit_staff.pk, "unit": unit("snnmt-ccthuyloi").pk, "received_on": "10/02/2026",
        "description": "Phong bì do ông Trần Văn Tài, Giám đốc Công ty Thủy Nông Lục Ngạn gửi", "value": "2000000",
        "handed_over_on": "09/02/2026"})
    assert response.status_code == 200 and "không được trước ngày nhận quà" in response.content.decode()
    body = {"person": people.unit_staff.pk, "received_on": "2026-02-10", "description": "Giỏ quà Tết",
            "value": "1500000", "handed_over_on": "2026-02-12"}
    response = page.post("/api/v1/gift-handovers/", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["unit"] == unit("snnmt-ccthuyloi").pk
    assert client_for(client, people.unit_staff).post("/api/v1/gift-handovers/", body,
                                                      content_type="application/json").status_code == 403


def test_it_records_a_conflict_with_its_handling_and_a_conduct_violation(client, people):
    page = client_for(client, people.office_clerk)
    response = admin_post(page, "/admin/anticorruption/conflictofinterest/add/", {
        "person": people.inspector.pk, "unit": unit("snnmt-ttr").pk, "declared_on": "02/04/2026",
        "matter": "Thanh tra công ty do anh trai ông Lê Thanh Tra làm Giám đốc", "handling": "reassigned",
        "handled_on": "06/04/2026"})
    assert response.status_code == 302, errors_of(response)
    half = page.post("/api/v1/conflicts-of-interest/", {"person": people.inspector.pk, "declared_on": "2026-04-02",
                                                        "matter": "Thẩm định hồ sơ của người thân", "handling": "supervised"},
                     content_type="application/json")
    assert half.status_code == 400 and "handled_on" in half.json()["error"]["fields"]
    response = page.post("/api/v1/conduct-disciplines/", {"person": people.inspector.pk, "ground": "conflict",
                                                          "decided_on": "2026-05-08", "measure": "Khiển trách"},
                         content_type="application/json")
    assert response.status_code == 201
    assert ConflictOfInterest.objects.get().handling == "reassigned" and ConductDiscipline.objects.get().ground == "conflict"


def test_a_gift_is_seen_by_its_person_their_unit_head_the_office_and_the_inspectorate_not_by_the_outsider(client, people):
    gift = services.record_gift(by=people.office_clerk, person=people.unit_staff, received_on=D(2026, 2, 10),
                                description="Phiếu mua hàng trị giá 3.000.000 đồng", value=3_000_000,
                                handed_over_on=D(2026, 2, 11))
    paths = {"admin": "anticorruption/gifthandover", "api": "gift-handovers", "search": "Phiếu mua",
             "text": "Phiếu mua hàng"}
    for user in (people.unit_staff, people.unit_head, people.leader, people.office_clerk, people.inspector):
        assert_reachable(client, user, gift, **paths)
    assert_unreachable(client, people.outsider, gift, **paths)


def test_it_refuses_a_gift_without_value(people):
    with pytest.raises(ValidationError):
        services.record_gift(by=people.office_clerk, person=people.unit_staff, received_on=D(2026, 2, 10),
                             description="Hoa", value=0)
    assert not GiftHandover.objects.exists()


def test_the_handling_of_a_conflict_is_recorded_later_from_the_form_and_the_api(client, people):
    conflict = services.record_conflict(by=people.office_clerk, person=people.inspector, declared_on=D(2026, 4, 2),
                                        matter="Thẩm định hồ sơ của công ty do vợ ông Lê Thanh Tra góp vốn")
    page = client_for(client, people.office_clerk)
    change = f"/admin/anticorruption/conflictofinterest/{conflict.pk}/change/"
    kept = {"person": people.inspector.pk, "unit": unit("snnmt-ttr").pk, "declared_on": "02/04/2026", "matter": conflict.matter}
    half = admin_post(page, change, {**kept, "handling": "supervised", "handled_on": ""})
    assert half.status_code == 200 and "Ghi cả cách xử lý và ngày xử lý" in half.content.decode()
    response = admin_post(page, change, {**kept, "handling": "supervised", "handled_on": "06/04/2026"})
    assert response.status_code == 302, errors_of(response)
    conflict.refresh_from_db()
    assert conflict.history.first().history_change_reason == "Xử lý xung đột lợi ích"
    api = f"/api/v1/conflicts-of-interest/{conflict.pk}/handle/"
    body = {"handling": "reassigned", "handled_on": "2026-04-08"}
    assert client_for(client, people.unit_head).post(api, body, content_type="application/json").status_code in (403, 404)
    response = client_for(client, people.office_clerk).post(api, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["handling"] == "reassigned"
