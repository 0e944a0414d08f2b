"""Issue 13, "Done means": each daily path driven through the back-office and /cases/ forms, as the role that does
it, with a role that may not refused on the way."""

import datetime

from django.utils import timezone

from doctypes.citizen_reception.models import Reception
from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.org.models import Unit
from papi_inspect.identity import decrypt_identity
from tests.base import client_for
from tests.complaint_case.paths import body_text
from tests.intake.forms import admin_post, errors_of


def ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def dmy(day):
    return day.strftime("%d/%m/%Y")


def log_at_the_desk(client, people, *, classification, content):
    client_for(client, people.office_clerk)
    response = admin_post(client, "/admin/citizen_reception/reception/add/", {
        "received_on": dmy(ago(20)), "kind": "regular", "group_size": "1", "content": content,
        "classification": classification, "handling": "receive", "unit": Unit.objects.get(code="snnmt-ttr").pk,
        "identity_name": "Phan Văn Dân", "identity_address": "Thôn Đông, xã Hòa Bình", "identity_id_number": "024077001122",
        "identity_phone": "0905111222",
    })
    assert response.status_code == 302, errors_of(response)
    return Reception.objects.latest("pk")


def hand_over_to_petition(client, people, reception):
    url = f"/admin/citizen_reception/reception/{reception.pk}/step/petition/"
    client_for(client, people.leader)
    assert client.post(url, {"handler": people.inspector.pk}).status_code == 403  # leadership reads the log only
    client_for(client, people.office_clerk)
    assert url in client.get(f"/admin/citizen_reception/reception/{reception.pk}/change/").content.decode()
    assert client.post(url, {"handler": people.inspector.pk}).status_code == 302
    reception.refresh_from_db()
    petition = reception.petition
    assert petition.channel == Petition.Channel.RECEPTION and petition.handler == people.inspector
    assert decrypt_identity(petition.identity_cipher)["name"] == "Phan Văn Dân"
    assert client.post(url, {}).status_code in (200, 403)  # offered once: the petition exists
    return petition


def step(client, kind, record, name, data, *, expect=302):
    response = client.post(f"/cases/{kind}/{record.pk}/step/{name}/", data)
    assert response.status_code == expect, body_text(response)[-1500:]
    return response


def test_reception_petition_complaint_decision(client, people):
    reception = log_at_the_desk(client, people, classification="complaint",
                                content="Ông Phan Văn Dân khiếu nại quyết định thu hồi đất của UBND xã Hòa Bình")
    petition = hand_over_to_petition(client, people, reception)
    client_for(client, people.inspector)
    step(client, "petitions", petition, "classify", {"content_kind": "complaint", "eligible": "true", "within_competence": "true"})
    step(client, "petitions", petition, "outcome", {"outcome": "accept", "decided_on": ago(18).isoformat()})
    client_for(client, people.office_clerk)  # the desk may not open the case
    step(client, "petitions", petition, "open-complaint", {"complained_act": "Quyết định 45/QĐ-UBND"}, expect=403)
    client_for(client, people.inspector)
    step(client, "petitions", petition, "open-complaint", {"complained_act": "Quyết định 45/QĐ-UBND", "handler": people.inspector.pk})
    case = ComplaintCase.objects.get(petition=petition)
    assert case.complainant_name == "Phan Văn Dân" and case.received_on == petition.received_on
    step(client, "complaints", case, "accept", {"accepted_on": ago(15).isoformat()})
    refused = step(client, "complaints", case, "decide", {"decided_on": ago(1).isoformat(), "decision_number": "12/QĐ-TTr",
                                                          "result": "upheld", "conclusion": "Giữ nguyên"}, expect=400)
    assert "Chưa xác minh" in body_text(refused)
    step(client, "complaints", case, "verify", {"verified_on": ago(8).isoformat(), "result": "Xác minh tại xã Hòa Bình"})
    step(client, "complaints", case, "decide", {"decided_on": ago(2).isoformat(), "decision_number": "12/QĐ-TTr",
                                                "result": "upheld", "conclusion": "Quyết định thu hồi đất đúng pháp luật"})
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.DECIDED and case.petition == petition


def test_reception_denunciation_extension_conclusion(client, people):
    reception = log_at_the_desk(client, people, classification="denunciation",
                                content="Ông Phan Văn Dân tố cáo cán bộ địa chính xã nhận tiền khi làm sổ đỏ")
    petition = hand_over_to_petition(client, people, reception)
    client_for(client, people.inspector)
    step(client, "petitions", petition, "classify", {"content_kind": "denunciation", "eligible": "true", "within_competence": "true"})
    step(client, "petitions", petition, "outcome", {"outcome": "accept", "decided_on": ago(18).isoformat()})
    # The back office offers the same handover step.
    page = client.get(f"/admin/complaint_case/petition/{petition.pk}/change/").content.decode()
    assert f"/admin/complaint_case/petition/{petition.pk}/step/open-denunciation/" in page
    response = client.post(f"/admin/complaint_case/petition/{petition.pk}/step/open-denunciation/",
                           {"denounced": "Ông Lò Văn Địa (cán bộ địa chính xã)"})
    assert response.status_code == 302
    case = Denunciation.objects.get(petition=petition)
    assert case.identity_cipher == petition.identity_cipher
    step(client, "denunciations", case, "accept", {"accepted_on": ago(15).isoformat()})
    refused = step(client, "denunciations", case, "extend", {"decided_on": ago(1).isoformat(), "decision_number": "20/QĐ",
                                                             "reason": "Cần xác minh thêm tại ba xã"}, expect=400)
    assert "phức tạp" in body_text(refused) and not case.extensions.exists()
    step(client, "denunciations", case, "mark-complex", {"reason": "x"}, expect=400)
    step(client, "denunciations", case, "mark-complex", {"reason": "Nội dung liên quan ba xã, phải trưng cầu giám định"})
    step(client, "denunciations", case, "extend", {"decided_on": ago(1).isoformat(), "decision_number": "20/QĐ", "reason": "x"},
         expect=400)
    step(client, "denunciations", case, "extend", {"decided_on": ago(1).isoformat(), "decision_number": "20/QĐ",
                                                   "reason": "Cần xác minh thêm tại ba xã và chờ kết quả giám định"})
    step(client, "denunciations", case, "conclude", {"concluded_on": timezone.localdate().isoformat(),
                                                     "conclusion": "Tố cáo đúng một phần"})
    case.refresh_from_db()
    assert case.status == Denunciation.Status.CONCLUDED and case.extensions.count() == 1


def test_a_named_petition_is_registered_on_cases_and_a_refusal_keeps_what_was_typed(client, people):
    client_for(client, people.leader)  # leadership reads cases, never registers them
    assert client.get("/cases/new/petition/").status_code == 403
    client_for(client, people.inspector)
    form = client.get("/cases/new/petition/").content.decode()
    assert 'name="identity_name"' in form and 'name="identity_id_number"' in form
    typed = {"received_on": dmy(ago(1)), "channel": "post", "matter": "Khiếu nại việc cấp phép khai thác cát",
             "summary": "Bà Vi Thị Cát trình bày việc khai thác cát trái phép", "content_kind": "complaint",
             "unit": Unit.objects.get(code="snnmt-ttr").pk, "identity_address": "Xóm Bãi, xã Hòa Bình"}
    refused = client.post("/cases/new/petition/", typed)
    text = body_text(refused)
    assert refused.status_code == 400 and not Petition.objects.exists()
    assert "Cần họ tên người gửi" in text and "Xóm Bãi, xã Hòa Bình" in text and "Bà Vi Thị Cát trình bày" in text
    saved = client.post("/cases/new/petition/", {**typed, "identity_name": "Vi Thị Cát"})
    petition = Petition.objects.get()
    assert saved.status_code == 302 and decrypt_identity(petition.identity_cipher)["name"] == "Vi Thị Cát"
    assert "Vi Thị Cát" not in petition.identity_cipher
