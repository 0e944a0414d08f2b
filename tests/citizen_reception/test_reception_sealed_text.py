"""A reception about a denunciation: what the citizen said names them, so it is sealed like their identity (TT 04/2021;
Luật Tố cáo 2018 Art. 47)."""

import datetime

from django.db import connection
from django.utils import timezone

from doctypes.citizen_reception import services
from doctypes.citizen_reception.models import Reception
from doctypes.complaint_case.models import IdentityAccessLog
from doctypes.org.models import Unit
from tests.base import client_for
from tests.complaint_case.paths import body_text, read_paths

PERSON = {"name": "Quxwelbor Thị Zanthipa", "id_number": "038195012345", "phone": "0963141592"}
SAID = "Bà Zanthipa (ĐT 0963.141.592, CCCD 038 195 012 345) trình bày: cán bộ địa chính nhận 50 triệu đồng."
PLANTED = ["zanthipa", "quxwelbor", "141.592", "012 345"]


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def office():
    return Unit.objects.get(code="snnmt-vp")


def log(people, **overrides):
    options = {"by": people.office_clerk, "received_on": yesterday(), "kind": "regular", "identity": dict(PERSON),
               "content": SAID, "classification": "denunciation", "handling": "receive", "unit": office(),
               "verbal_statement": f"Tôi là {PERSON['name']}. {SAID}", "statement_signed": True}
    options.update(overrides)
    return services.log_reception(**options)


def stored_text(reception):
    with connection.cursor() as cursor:
        text = []
        for table in ("citizen_reception_reception", "citizen_reception_historicalreception"):
            cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [reception.pk])
            text += [str(value) for row in cursor.fetchall() for value in row]
    return " ".join(text).lower()


def assert_clean(text, where, *, echoed=""):
    for secret in PLANTED:
        if secret != echoed:
            assert secret not in text.lower(), f"{where} shows {secret!r}"


def test_the_reception_desk_logs_a_denunciation_in_the_back_office_and_its_text_is_sealed(client, people):
    client_for(client, people.office_clerk)
    response = client.post("/admin/citizen_reception/reception/add/", {
        "received_on": yesterday().strftime("%d/%m/%Y"), "kind": "regular", "group_size": "1", "content": SAID,
        "classification": "denunciation", "handling": "receive", "unit": str(office().pk),
        "verbal_statement": f"Tôi là {PERSON['name']}.", "statement_signed": "on",
        "identity_name": PERSON["name"], "identity_id_number": PERSON["id_number"], "identity_phone": PERSON["phone"],
    })
    assert response.status_code == 302, body_text(response)[-2000:]
    reception = Reception.objects.get()
    assert_clean(stored_text(reception), "reception row and history")
    assert "cán bộ địa chính nhận 50 triệu đồng" in reception.content
    assert reception.full_text("content") == SAID and reception.full_text("verbal_statement") == f"Tôi là {PERSON['name']}."


def test_every_role_reads_the_redacted_text_and_search_by_name_finds_nothing(client, people):
    reception = log(people)
    for who in ("leader", "chief_inspector", "inspector", "office_clerk", "office_chief", "admin", "unit_staff"):
        client_for(client, getattr(people, who))
        for name, method, url, data in read_paths(reception, search="Zanthipa"):
            response = client.post(url, data) if method == "post" else client.get(url)
            assert_clean(body_text(response), f"{who}: {name} {url}", echoed="zanthipa" if "search" in name else "")
            if name == "admin search" and response.status_code == 200:
                assert response.context["cl"].result_count == 0
            if name == "api search" and response.status_code == 200:
                assert response.json()["count"] == 0


def test_the_officer_reads_what_was_said_through_a_logged_reveal(client, people):
    reception = log(people)
    url = f"/api/v1/receptions/{reception.pk}/reveal-text/"
    client_for(client, people.leader)
    assert client.post(url, {"reason": "Lãnh đạo cần đọc nội dung"}).status_code in (403, 404)
    client_for(client, people.office_clerk)
    response = client.post(url, {"reason": "Ghi lại nội dung vào biên bản"})
    assert response.status_code == 200
    assert response.json()["text"]["content"] == SAID
    assert IdentityAccessLog.objects.filter(record_type="reception", record_id=reception.pk, granted=True).count() == 1


def test_a_reception_about_a_complaint_keeps_its_text_as_typed(people):
    reception = log(people, classification="complaint", handling="guide", content="Bà Zanthipa khiếu nại việc thu hồi đất")
    stored = Reception.objects.get(pk=reception.pk)
    assert stored.content == "Bà Zanthipa khiếu nại việc thu hồi đất" and not stored.content_sealed
