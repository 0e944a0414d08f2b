"""The /cases/ screens: "Việc của tôi", detail, next steps through the services, logged reveal."""

from doctypes.complaint_case.models import ComplaintCase, Denunciation, IdentityAccessLog
from doctypes.complaint_case.services import denunciation as denunciations
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, days_ago, make_complaint, make_denunciation

NAME = DENOUNCER["name"]


def overdue_case(people):
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(80))
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(78))
    return case


def test_it_lists_my_cases_with_deadline_badges(client, people):
    overdue = overdue_case(people)
    fresh = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(1))
    complaint = make_complaint(people.inspector, handler=people.inspector)
    response = client_for(client, people.inspector).get("/cases/")
    html = response.content.decode()
    assert response.status_code == 200
    for record in (overdue, fresh, complaint):
        assert record.code in html
    assert "Quá hạn" in html and "Trong hạn" in html and NAME not in html
    # Most urgent first.
    assert html.index(overdue.code) < html.index(fresh.code)


def test_it_shows_nothing_to_the_outsider_and_asks_strangers_to_sign_in(client, people):
    case = overdue_case(people)
    assert client.get("/cases/").status_code == 302
    for who in (people.outsider, people.unit_staff):
        client_for(client, who)
        assert case.code not in client.get("/cases/?scope=all").content.decode()
        assert client.get(f"/cases/denunciations/{case.pk}/").status_code == 404


def test_it_searches_and_filters_but_never_by_identity(client, people):
    overdue = overdue_case(people)
    fresh = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(1), subject="Tố cáo xả thải")
    client_for(client, people.inspector)
    assert fresh.code in client.get("/cases/", {"q": "xả thải"}).content.decode()
    assert overdue.code not in client.get("/cases/", {"q": "xả thải"}).content.decode()
    by_name = client.get("/cases/", {"q": NAME, "scope": "all"}).content.decode()
    assert overdue.code not in by_name and fresh.code not in by_name
    only_overdue = client.get("/cases/", {"due": "overdue"}).content.decode()
    assert overdue.code in only_overdue and fresh.code not in only_overdue
    complaints_only = client.get("/cases/", {"kind": "complaints"}).content.decode()
    assert overdue.code not in complaints_only
    received = client.get("/cases/", {"status": "received", "kind": "denunciations"}).content.decode()
    assert fresh.code in received and overdue.code not in received
    # htmx asks for the rows only.
    partial = client.get("/cases/", {"q": "xả thải"}, HTTP_HX_REQUEST="true").content.decode()
    assert fresh.code in partial and "<html" not in partial


def test_the_leader_sees_all_only_under_all(client, people):
    case = overdue_case(people)
    client_for(client, people.leader)
    assert case.code not in client.get("/cases/").content.decode()
    assert case.code in client.get("/cases/", {"scope": "all"}).content.decode()


def test_the_detail_shows_deadlines_steps_and_pseudonym(client, people):
    case = overdue_case(people)
    response = client_for(client, people.inspector).get(f"/cases/denunciations/{case.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert case.pseudonym in html and NAME not in html and f"{case.resolve_due:%d/%m/%Y}" in html
    # Extending needs the case marked complex first (Art. 30): that step is offered, the extension not yet.
    assert "Kết luận nội dung tố cáo" in html and "Xác định vụ việc phức tạp (Điều 30)" in html
    assert "Thụ lý tố cáo" in html  # the step already taken, from history
    assert "Xem danh tính" in html


def test_a_step_calls_the_service_and_records_history(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(5))
    client_for(client, people.inspector)
    response = client.post(f"/cases/denunciations/{case.pk}/step/accept/", {"accepted_on": str(days_ago(2))})
    assert response.status_code == 302
    case = Denunciation.objects.get(pk=case.pk)
    assert case.status == Denunciation.Status.ACCEPTED and case.resolve_due
    assert case.history.first().history_change_reason == "Thụ lý tố cáo"


def test_a_step_out_of_order_is_refused_with_the_reason(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(5))
    client_for(client, people.inspector)
    response = client.post(f"/cases/denunciations/{case.pk}/step/conclude/",
                           {"concluded_on": str(days_ago(1)), "conclusion": "Tố cáo đúng", "verdict": "right"})
    assert response.status_code == 400
    assert "Phải thụ lý tố cáo trước khi kết luận." in response.content.decode()
    assert Denunciation.objects.get(pk=case.pk).status == Denunciation.Status.RECEIVED


def test_a_third_extension_is_refused_art_30(client, people):
    case = overdue_case(people)
    client_for(client, people.inspector)
    assert client.post(f"/cases/denunciations/{case.pk}/step/mark-complex/",
                       {"reason": "Nội dung liên quan nhiều đơn vị, cần giám định"}).status_code == 302
    assert client.post(f"/cases/denunciations/{case.pk}/step/mark-especially-complex/",
                       {"reason": "Phải trưng cầu giám định tại hai cơ quan chuyên môn"}).status_code == 302
    for number in (1, 2):
        data = {"decided_on": str(days_ago(1)), "decision_number": f"0{number}/QĐ-GH", "reason": "Vụ việc phức tạp, cần giám định"}
        assert client.post(f"/cases/denunciations/{case.pk}/step/extend/", data).status_code == 302
    data = {"decided_on": str(days_ago(1)), "decision_number": "03/QĐ-GH", "reason": "Vụ việc đặc biệt phức tạp"}
    response = client.post(f"/cases/denunciations/{case.pk}/step/extend/", data)
    assert response.status_code == 400 and "lần thứ ba" in response.content.decode()
    assert case.extensions.count() == 2


def test_deciding_a_complaint_before_verifying_is_refused(client, people):
    case = make_complaint(people.inspector, handler=people.inspector)
    client_for(client, people.inspector)
    client.post(f"/cases/complaints/{case.pk}/step/accept/", {"accepted_on": str(days_ago(35))})
    response = client.post(f"/cases/complaints/{case.pk}/step/decide/", {
        "decided_on": str(days_ago(1)), "decision_number": "1/QĐ", "result": "upheld", "conclusion": "Không có cơ sở"})
    assert response.status_code == 400 and "trước khi xác minh" in response.content.decode()
    assert ComplaintCase.objects.get(pk=case.pk).status == ComplaintCase.Status.ACCEPTED


def test_bad_input_is_refused_in_vietnamese(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(5))
    client_for(client, people.inspector)
    response = client.post(f"/cases/denunciations/{case.pk}/step/accept/", {"accepted_on": str(days_ago(-3))})
    assert response.status_code == 400 and "không được sau ngày hôm nay" in response.content.decode()


def test_those_who_may_not_act_cannot(client, people):
    case = overdue_case(people)
    url = f"/cases/denunciations/{case.pk}/step/conclude/"
    data = {"concluded_on": str(days_ago(1)), "conclusion": "Đúng", "verdict": "right"}
    assert client_for(client, people.outsider).post(url, data).status_code == 404
    # Leadership sees every case but has no change permission on cases.
    assert client_for(client, people.leader).post(url, data).status_code == 403
    html = client.get(f"/cases/denunciations/{case.pk}/").content.decode()
    assert "/step/" not in html
    assert Denunciation.objects.get(pk=case.pk).status == Denunciation.Status.ACCEPTED


def test_the_handler_reveals_with_a_reason_and_it_is_logged(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, subject=f"Bà {NAME} tố cáo cán bộ nhận tiền")
    client_for(client, people.inspector)
    assert f"Bà {NAME}" not in client.get(f"/cases/denunciations/{case.pk}/").content.decode()
    assert client.post(f"/cases/denunciations/{case.pk}/reveal/", {"reason": "ngắn"}).status_code == 400
    response = client.post(f"/cases/denunciations/{case.pk}/reveal/", {"reason": "Liên hệ người tố cáo bổ sung tài liệu"})
    html = response.content.decode()
    # The identity, and the letter's full text that names the same person, each read logged.
    assert response.status_code == 200 and NAME in html and f"Bà {NAME} tố cáo cán bộ nhận tiền" in html
    assert response["Cache-Control"] == "no-store"
    entries = IdentityAccessLog.objects.filter(record_id=case.pk, user=people.inspector).order_by("id")
    assert [entry.reason for entry in entries] == ["Liên hệ người tố cáo bổ sung tài liệu",
                                                   "Xem nội dung đầy đủ: Liên hệ người tố cáo bổ sung tài liệu"]
    assert all(entry.granted for entry in entries)


def test_others_may_not_reveal_and_the_attempt_is_logged(client, people):
    case = overdue_case(people)
    for who in (people.leader, people.unit_head):
        client_for(client, who)
        response = client.post(f"/cases/denunciations/{case.pk}/reveal/", {"reason": "Muốn biết người tố cáo là ai"})
        assert response.status_code in (403, 404) and NAME not in response.content.decode()
    assert "Xem danh tính" not in client_for(client, people.leader).get(f"/cases/denunciations/{case.pk}/").content.decode()
    refused = IdentityAccessLog.objects.get(record_id=case.pk, user=people.leader)
    assert not refused.granted


def test_the_verifier_finds_the_case_read_only_with_copies_only(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from doctypes.complaint_case.services import verification
    from papi_inspect.attachments import attach_file

    case = overdue_case(people)
    original = attach_file(case, uploaded_file=SimpleUploadedFile("ghi-chu.txt", f"Gặp {NAME}".encode()), by=people.inspector)
    client_for(client, people.inspector)
    # The assignment form offers people by name, and runs the service.
    html = client.get(f"/cases/denunciations/{case.pk}/").content.decode()
    assert "Vũ Cán Bộ – Chuyên viên" in html
    assert client.post(f"/cases/denunciations/{case.pk}/step/assign-verifier/",
                       {"user": people.unit_staff.pk, "team_role": "lead"}).status_code == 302
    assert client.post(f"/cases/denunciations/{case.pk}/step/redact/", {}).status_code == 302
    copy = verification.copies_for(people.inspector, case).get()
    client_for(client, people.unit_staff)
    assert f"/files/{copy.file.pk}/" not in client.get(f"/cases/denunciations/{case.pk}/").content.decode()
    # The handler reads the copy and confirms it on the case's screen; only then does the verifier get it.
    client_for(client, people.inspector)
    assert client.post(f"/cases/denunciations/{case.pk}/step/confirm-copy/", {"copy": copy.pk}).status_code == 302
    client_for(client, people.unit_staff)
    assert case.code in client.get("/cases/").content.decode()
    html = client.get(f"/cases/denunciations/{case.pk}/").content.decode()
    assert "Chỉ xem" in html and f"/files/{copy.file.pk}/" in html and f"/files/{original.pk}/" not in html
    assert "/step/" not in html and "Xem danh tính" not in html and NAME not in html
    assert NAME not in b"".join(client.get(f"/files/{copy.file.pk}/").streaming_content).decode()


def test_the_decision_form_names_its_signer(client, people):
    from doctypes.complaint_case.services import complaint as complaints

    case = make_complaint(people.inspector, handler=people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    complaints.record_verification(case, by=people.inspector, verified_on=days_ago(10), result="Đã xác minh")
    client_for(client, people.inspector)
    response = client.post(f"/cases/complaints/{case.pk}/step/decide/", {
        "decided_on": str(days_ago(1)), "decision_number": "7/QĐ", "result": "upheld", "conclusion": "Không có cơ sở",
        "signer": people.leader.pk})
    assert response.status_code == 302
    case = ComplaintCase.objects.get(pk=case.pk)
    assert case.signer == people.leader and case.status == ComplaintCase.Status.DECIDED
    assert "/cases/complaints/%d/decision.docx" % case.pk in client.get(f"/cases/complaints/{case.pk}/").content.decode()
