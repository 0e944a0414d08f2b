"""Back office: adding runs the services, identities are write-only, the reveal is its own logged view."""

from doctypes.complaint_case.models import Denunciation, IdentityAccessLog, Petition
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, days_ago, inspectorate, make_denunciation
from tests.complaint_case.paths import body_text


def test_it_registers_a_denunciation_from_the_back_office_with_an_encrypted_identity(client, people):
    client_for(client, people.inspector)
    response = client.post("/admin/complaint_case/denunciation/add/", {
        "subject": "Tố cáo lạm quyền", "denounced": "Ông Z", "received_on": days_ago(2).strftime("%d/%m/%Y"),
        "unit": inspectorate().pk, "handler": people.inspector.pk, "identity_name": "Đinh Thị Giấu Tên",
        "identity_phone": "0911000222",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    case = Denunciation.objects.get()
    assert case.initial_due and case.pseudonym.startswith("Người tố cáo TC-")
    assert "Đinh" not in case.identity_cipher
    change = client.get(f"/admin/complaint_case/denunciation/{case.pk}/change/")
    assert change.status_code == 200 and "Đinh Thị Giấu Tên" not in body_text(change)
    history = client.get(f"/admin/complaint_case/denunciation/{case.pk}/history/")
    assert history.status_code == 200 and "Đinh" not in body_text(history) and "Tiếp nhận tố cáo" in body_text(history)


def test_it_refuses_a_future_receipt_in_the_back_office(client, people):
    from django.utils import timezone
    import datetime

    client_for(client, people.office_clerk)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post("/admin/complaint_case/petition/add/", {
        "received_on": tomorrow.strftime("%d/%m/%Y"), "channel": "post", "matter": "Việc A", "unit": inspectorate().pk,
        "prior_resolution": "never", "identity_name": "Ông B",
    }, follow=True)
    assert not Petition.objects.exists()
    assert response.status_code == 200 and "không được sau ngày hôm nay" in body_text(response)


def test_it_reveals_in_the_back_office_to_the_handler_and_logs_it(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    url = f"/admin/complaint_case/denunciation/{case.pk}/reveal/"
    client_for(client, people.inspector)
    assert DENOUNCER["name"] not in body_text(client.get(url))
    shown = client.post(url, {"reason": "Liên hệ bổ sung tài liệu chứng cứ"})
    assert shown.status_code == 200 and DENOUNCER["name"] in body_text(shown)
    assert "no-store" in shown["Cache-Control"]
    assert IdentityAccessLog.objects.filter(user=people.inspector, granted=True, record_id=case.pk).exists()


def test_it_refuses_the_back_office_reveal_to_leadership_and_hides_it_from_outsiders(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    url = f"/admin/complaint_case/denunciation/{case.pk}/reveal/"
    client_for(client, people.leader)
    refused = client.post(url, {"reason": "Lãnh đạo muốn biết người tố cáo"}, follow=True)
    assert DENOUNCER["name"] not in body_text(refused)
    assert IdentityAccessLog.objects.get(user=people.leader).granted is False
    client_for(client, people.outsider)
    assert client.post(url, {"reason": "Người ngoài muốn biết tên"}).status_code in (403, 404)


def test_it_runs_complaint_steps_from_the_back_office_and_refuses_deciding_before_verifying(client, people):
    from doctypes.complaint_case.models import ComplaintCase
    from tests.complaint_case.builders import make_complaint

    case = make_complaint(people.inspector, handler=people.inspector)
    base = f"/admin/complaint_case/complaintcase/{case.pk}/"
    client_for(client, people.inspector)
    page = client.get(base + "change/")
    assert f"{base}step/accept/" in page.content.decode()
    assert client.post(base + "step/accept/", {"accepted_on": days_ago(35).isoformat()}).status_code == 302
    refused = client.post(base + "step/decide/", {"decided_on": days_ago(1).isoformat(), "decision_number": "1/QĐ",
                                                  "result": "upheld", "conclusion": "Giữ nguyên"})
    assert refused.status_code == 200 and "Chưa xác minh" in body_text(refused)
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.ACCEPTED and case.history.first().history_change_reason == "Thụ lý giải quyết khiếu nại"


def test_it_refuses_back_office_steps_to_leadership_and_outsiders(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    url = f"/admin/complaint_case/denunciation/{case.pk}/step/accept/"
    client_for(client, people.leader)
    assert client.post(url, {"accepted_on": days_ago(1).isoformat()}).status_code == 403
    client_for(client, people.outsider)
    assert client.post(url, {"accepted_on": days_ago(1).isoformat()}).status_code == 404
    case.refresh_from_db()
    assert case.status == Denunciation.Status.RECEIVED
