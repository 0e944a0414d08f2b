"""Reception log paths (admin, API, files, refusal notice), each with a user who may and one who may not."""

import io

import pytest
from docx import Document

from doctypes.citizen_reception.models import Reception
from tests.base import client_for
from tests.citizen_reception.test_reception_log import log, office
from tests.complaint_case.paths import body_text, read_paths, upload


@pytest.mark.parametrize("who", ["office_clerk", "office_chief", "chief_inspector", "leader"])
def test_it_shows_the_log_to_those_who_may(client, people, who):
    reception = log(people.office_clerk)
    client_for(client, getattr(people, who))
    for name, method, url, data in read_paths(reception, search=reception.code):
        response = client.post(url, data) if method == "post" else client.get(url)
        assert response.status_code == 200, (name, response.status_code)


@pytest.mark.parametrize("who", ["unit_staff", "unit_head", "outsider"])
def test_it_hides_the_log_from_those_who_may_not(client, people, who):
    reception = log(people.office_clerk, content="Nội dung riêng của lượt tiếp")
    client_for(client, getattr(people, who))
    for name, method, url, data in read_paths(reception, search=reception.code):
        response = client.post(url, data) if method == "post" else client.get(url)
        assert response.status_code in (200, 302, 403, 404), name
        if response.status_code == 200:
            assert "Nội dung riêng của lượt tiếp" not in body_text(response), name


def test_it_logs_a_reception_through_the_api_and_creates_its_petition(client, people):
    client_for(client, people.office_clerk)
    response = client.post("/api/v1/receptions/", {
        "received_on": "2026-11-02", "kind": "periodic", "identity": {"name": "Tạ Văn Đến", "representative": "Tạ Văn Đến"},
        "group_size": 4, "content": "Đề nghị bồi thường", "classification": "complaint", "handling": "receive",
        "unit": office().pk, "create_petition": True, "matter": "Bồi thường thu hồi đất",
        "verbal_statement": "Trình bày bằng lời", "statement_signed": True,
    }, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["petition"] and body["is_group"] and "Tạ Văn" not in response.content.decode()


def test_it_refuses_a_refusal_without_its_ground_through_the_api(client, people):
    client_for(client, people.office_clerk)
    response = client.post("/api/v1/receptions/", {
        "received_on": "2026-11-02", "kind": "regular", "identity": {"name": "Ông C"}, "content": "x",
        "classification": "complaint", "handling": "refused", "unit": office().pk,
    }, content_type="application/json")
    assert response.status_code == 400 and "Điều 9" in response.json()["error"]["fields"]["refusal_ground"][0]
    assert not Reception.objects.exists()


def test_it_produces_the_refusal_notice_for_an_already_resolved_case_art_9(client, people):
    reception = log(people.office_clerk, handling="refused", refusal_ground="already_resolved")
    response = client_for(client, people.office_clerk).get(f"/reception/{reception.pk}/refusal-notice.docx")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "khoản 3 Điều 9" in text and "Lê Văn Công Dân" in text
    client_for(client, people.outsider)
    assert client.get(f"/reception/{reception.pk}/refusal-notice.docx").status_code == 404


def test_it_serves_reception_files_only_to_those_who_may(client, people):
    reception = log(people.office_clerk, classification="denunciation")
    response = upload(client_for(client, people.office_clerk), reception)
    assert response.status_code == 201
    file_id = response.json()["id"]
    assert client.get(f"/files/{file_id}/").status_code == 200
    client_for(client, people.outsider)
    assert client.get(f"/files/{file_id}/").status_code == 404


def test_it_warns_in_the_back_office_about_months_without_a_leader_day(client, people):
    response = client_for(client, people.office_chief).get("/admin/citizen_reception/receptionday/", follow=True)
    assert "Chưa có ngày tiếp công dân của lãnh đạo" in body_text(response)


def test_it_publishes_the_schedule_through_the_api_only_for_the_office(client, people):
    data = {"year": 2026, "day_of_month": 15, "leader": people.leader.pk}
    client_for(client, people.unit_staff)
    assert client.post("/api/v1/reception-days/publish/", data, content_type="application/json").status_code == 403
    client_for(client, people.office_chief)
    response = client.post("/api/v1/reception-days/publish/", data, content_type="application/json")
    assert response.status_code == 201 and len(response.json()["created"]) == 12
    assert response.json()["months_without_reception"] == []
    client_for(client, people.outsider)
    assert client.get("/api/v1/reception-days/").json()["count"] == 12  # the schedule is public


def test_it_computes_the_held_day_when_adding_one_in_the_back_office(client, people):
    import datetime

    from doctypes.citizen_reception.models import ReceptionDay

    client_for(client, people.office_chief)
    response = client.post("/admin/citizen_reception/receptionday/add/", {
        "planned_on": "15/03/2026", "leader": people.leader.pk, "place": "Trụ sở tiếp công dân"})
    assert response.status_code == 302
    day = ReceptionDay.objects.get()
    assert day.held_on == datetime.date(2026, 3, 16) and day.moved_because


def test_the_office_chief_signs_the_refusal_notice_by_order(client, people):
    """NĐ 30/2020 Phụ lục I: "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG" above the signer's name."""
    reception = log(people.office_clerk, handling="refused", refusal_ground="already_resolved")
    response = client_for(client, people.office_clerk).get(f"/reception/{reception.pk}/refusal-notice.docx")
    block = Document(io.BytesIO(response.content)).tables[-1].rows[0].cells[1].text
    assert block.splitlines()[:2] == ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"] and block.endswith("Hoàng Chánh Văn")
