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
    # The second extension is offered only once the case is found especially complex (Luật Tố cáo 2018 Art. 30(1)).
    once_only = step(client, "denunciations", case, "extend", {"decided_on": ago(1).isoformat(), "decision_number": "21/QĐ",
                                                               "reason": "Chờ kết quả giám định của Sở Xây dựng"}, expect=400)
    assert "đặc biệt phức tạp" in body_text(once_only) and case.extensions.count() == 1
    step(client, "denunciations", case, "mark-especially-complex",
         {"reason": "Phải trưng cầu giám định tại hai cơ quan và xác minh bốn xã"})
    step(client, "denunciations", case, "extend", {"decided_on": ago(1).isoformat(), "decision_number": "21/QĐ",
                                                   "reason": "Chờ kết quả giám định của Sở Xây dựng"})
    step(client, "denunciations", case, "conclude", {"concluded_on": timezone.localdate().isoformat(),
                                                     "conclusion": "Tố cáo đúng một phần", "verdict": "partly"})
    case.refresh_from_db()
    assert case.status == Denunciation.Status.CONCLUDED and case.extensions.count() == 2


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


def test_inspection_plan_inspection_finding_violation_action_closure(client, people):
    from doctypes.finding.models import Action, Finding, Violation
    from doctypes.inspection.models import Inspection, InspectionPlan

    D = datetime.date
    ttr, thuyloi = Unit.objects.get(code="snnmt-ttr"), Unit.objects.get(code="snnmt-ccthuyloi")
    client_for(client, people.inspector)  # an inspector may not draft the year's plan
    refused = client.post("/admin/inspection/inspectionplan/add/", {
        "owner": ttr.pk, "year": "2026", "title": "Kế hoạch thanh tra năm 2026", "drafted_on": "10/11/2025"})
    assert refused.status_code == 403 and not InspectionPlan.objects.exists()
    client_for(client, people.chief_inspector)
    response = admin_post(client, "/admin/inspection/inspectionplan/add/", {
        "owner": ttr.pk, "year": "2026", "title": "Kế hoạch thanh tra năm 2026", "drafted_on": "10/11/2025"})
    assert response.status_code == 302, errors_of(response)
    plan = InspectionPlan.objects.get()
    assert plan.drafted_by == people.chief_inspector and plan.due_on
    fields = {"title": "Thanh tra quản lý, sử dụng kinh phí duy tu đê", "owner": ttr.pk, "year": "2026", "quarter": "1",
              "kind": "planned", "level": "department", "subject_units": [thuyloi.pk], "scope": "Kinh phí duy tu đê",
              "period_from": "01/01/2024", "period_to": "31/12/2025"}
    refused = admin_post(client, "/admin/inspection/inspection/add/", fields)
    assert refused.status_code == 200 and "phải thuộc một kế hoạch" in body_text(refused)
    assert admin_post(client, "/admin/inspection/inspection/add/", {**fields, "plan": plan.pk}).status_code == 302
    inspection = Inspection.objects.get()
    base = f"/admin/inspection/inspection/{inspection.pk}/step/"
    assert client.post(base + "decide/", {"number": "12/QĐ-TTr", "decided_on": "2026-03-02", "signer": "Trần Chánh Thanh",
                                          "leader": people.inspector.pk}).status_code == 302
    assert client.post(base + "announce/", {"announced_on": "2026-03-05"}).status_code == 302

    client_for(client, people.inspector)
    finding_form = {"inspection": inspection.pk, "unit": thuyloi.pk, "title": "Chi duy tu đê vượt định mức",
                    "criteria": "Thông tư 12/2025/TT-BTC Điều 5", "condition": "Chi vượt 20 triệu đồng", "severity": "high",
                    "recorded_on": "10/03/2026"}
    refused = admin_post(client, "/admin/finding/finding/add/", {**finding_form, "unit": Unit.objects.get(code="stc-vp").pk})
    assert refused.status_code == 200 and not Finding.objects.exists()
    assert admin_post(client, "/admin/finding/finding/add/", finding_form).status_code == 302
    finding = Finding.objects.get()
    violation_form = {"finding": finding.pk, "responsible_unit": thuyloi.pk, "kind": "Chi sai định mức",
                      "responsible_person": "Kế toán Chi cục", "committed_on": "01/02/2026", "sanction": "none",
                      "amount_to_recover": "20000000", "recover_to": "state", "land_to_recover": "0", "fine_amount": "0"}
    client_for(client, people.office_clerk)  # the office neither sees nor edits an inspection's finding
    refused = admin_post(client, "/admin/finding/violation/add/", violation_form)
    # Her drop-down does not even offer the finding (scoped choices); were it posted anyway, the service refuses.
    assert refused.status_code == 200 and not Violation.objects.exists()
    assert "không có quyền ghi" in body_text(refused) or "Hãy chọn một lựa chọn hợp lệ" in body_text(refused)
    client_for(client, people.inspector)
    assert admin_post(client, "/admin/finding/violation/add/", violation_form).status_code == 302
    violation = Violation.objects.get()
    assert violation.history.first().history_change_reason == "Ghi nhận vi phạm"
    for name, data in [("end-fieldwork", {"ended_on": "2026-03-25"}), ("report", {"reported_on": "2026-04-02"})]:
        assert client.post(base + name + "/", data).status_code == 302, name
    inspection.refresh_from_db()
    if inspection.appraisal_required:
        assert client.post(base + "appraise/", {"appraised_on": "2026-04-06"}).status_code == 302
    assert client.post(base + "conclude/", {"number": "05/KL-TTr", "concluded_on": "2026-04-10",
                                            "signer": "Trần Chánh Thanh", "summary": "Thu hồi 20 triệu"}).status_code == 302
    refused = admin_post(client, "/admin/finding/finding/add/", {**finding_form, "title": "Thêm sau kết luận"})
    assert refused.status_code == 200 and "đã kết luận" in body_text(refused)
    response = admin_post(client, "/admin/finding/action/add/", {
        "finding": finding.pk, "violation": violation.pk, "description": "Thu hồi 20 triệu đồng chi sai",
        "owner_unit": thuyloi.pk, "due_on": "30/06/2026"})
    assert response.status_code == 302, errors_of(response)
    action = Action.objects.get()
    steps = f"/admin/finding/action/{action.pk}/step/"
    client_for(client, people.unit_head)
    assert client.post(steps + "progress/", {"reported_on": "2026-06-20", "note": "Đã nộp trả ngân sách",
                                             "amount_recovered": "20000000"}).status_code == 302
    assert client.post(steps + "verify/", {"verified_on": "2026-06-25"}).status_code == 403  # the unit may not verify itself
    client_for(client, people.inspector)
    assert client.post(steps + "verify/", {"verified_on": "2026-06-25", "note": "Đã xem chứng từ nộp"}).status_code == 302
    assert client.post(steps + "close/", {"closed_on": "2026-06-26"}).status_code == 302
    action.refresh_from_db()
    assert action.status == Action.Status.CLOSED


def test_discipline_check_scheduled_on_the_calendar_then_results(client, people):
    from doctypes.discipline_check.models import CheckResult, DisciplineCheck
    from tests.discipline_check.builders import make_template

    template = make_template()
    day = timezone.localdate() + datetime.timedelta(days=3)
    client_for(client, people.inspector)  # an inspector may not schedule the office's checks
    assert "data-add-url" not in client.get("/discipline-checks/calendar/").content.decode()
    client_for(client, people.office_clerk)
    calendar = client.get("/discipline-checks/calendar/").content.decode()
    assert 'data-add-url="/admin/discipline_check/disciplinecheck/add/"' in calendar
    url = f"/admin/discipline_check/disciplinecheck/add/?scheduled_on={day.isoformat()}"
    assert f'value="{dmy(day)}"' in client.get(url).content.decode()
    past = admin_post(client, url, {"template": template.pk, "unit": Unit.objects.get(code="snnmt-ccthuyloi").pk,
                                    "scheduled_on": "01/01/2020", "announced": "on", "leader": people.inspector.pk})
    assert past.status_code == 200 and "không được trước ngày hôm nay" in body_text(past)
    response = admin_post(client, url, {"template": template.pk, "unit": Unit.objects.get(code="snnmt-ccthuyloi").pk,
                                        "scheduled_on": dmy(day), "announced": "on", "leader": people.inspector.pk})
    assert response.status_code == 302, errors_of(response)
    check = DisciplineCheck.objects.get()
    assert check.results.filter(outcome=CheckResult.Outcome.PENDING).count() == template.items.count()
    events = client.get("/discipline-checks/calendar/events/", {"start": day.isoformat()}).json()
    assert [event["id"] for event in events] == [check.pk]
    # Results recorded on the check's page go through record_results; finishing needs every line scored.
    page = client.get(f"/admin/discipline_check/disciplinecheck/{check.pk}/change/")
    formset = next(f for f in page.context["inline_admin_formsets"] if f.formset.model is CheckResult).formset
    rows = {f"{formset.prefix}-TOTAL_FORMS": str(len(formset.forms)), f"{formset.prefix}-INITIAL_FORMS": str(len(formset.forms))}
    for index, row in enumerate(formset.forms):
        rows.update({f"{formset.prefix}-{index}-id": row.instance.pk, f"{formset.prefix}-{index}-outcome": "pass",
                     f"{formset.prefix}-{index}-note": "", f"{formset.prefix}-{index}-check_record": check.pk})
    finish = f"/admin/discipline_check/disciplinecheck/{check.pk}/step/finish/"
    assert client.post(finish, {"conducted_on": timezone.localdate().isoformat()}).status_code == 200  # not scored yet
    saved = admin_post(client, f"/admin/discipline_check/disciplinecheck/{check.pk}/change/", {
        "unit": check.unit_id, "scheduled_on": dmy(day), "announced": "on", "leader": people.inspector.pk,
        "summary": "Đơn vị chấp hành tốt", **rows})
    assert saved.status_code == 302, errors_of(saved)
    assert not check.results.filter(outcome=CheckResult.Outcome.PENDING).exists()
    assert check.results.first().history.first().history_change_reason == "Ghi kết quả kiểm tra"


def test_a_reception_is_logged_on_cases_with_its_petition_and_a_refusal_keeps_what_was_typed(client, people):
    client_for(client, people.leader)  # leadership reads the log, never writes it
    assert client.get("/cases/new/reception/").status_code == 403
    client_for(client, people.office_clerk)
    form = client.get("/cases/new/reception/").content.decode()
    assert 'name="identity_name"' in form and 'name="identity_phone"' in form
    typed = {"received_on": dmy(ago(1)), "kind": "regular", "group_size": "6", "classification": "complaint",
             "content": "Đoàn sáu hộ dân thôn Đông khiếu nại việc bồi thường đất ruộng", "handling": "receive",
             "unit": Unit.objects.get(code="snnmt-vp").pk, "identity_name": "Đoàn thôn Đông",
             "identity_address": "Thôn Đông, xã Hòa Bình", "create_petition": "on"}
    refused = client.post("/cases/new/reception/", typed)  # a group names its representative
    text = body_text(refused)
    assert refused.status_code == 400 and not Reception.objects.exists()
    assert "người đại diện" in text and "Đoàn sáu hộ dân thôn Đông" in text and "Thôn Đông, xã Hòa Bình" in text
    saved = client.post("/cases/new/reception/", {**typed, "identity_representative": "Lê Văn Đại"})
    reception = Reception.objects.get()
    assert saved.status_code == 302 and reception.petition and reception.petition.many_signers
    assert decrypt_identity(reception.petition.identity_cipher)["representative"] == "Lê Văn Đại"


def test_the_api_takes_the_same_handover_steps(client, people):
    from tests.citizen_reception.test_reception_log import log

    reception = log(people.office_clerk, handling="receive", classification="denunciation")
    client_for(client, people.leader)
    assert client.post(f"/api/v1/receptions/{reception.pk}/petition/", {}, content_type="application/json").status_code == 403
    client_for(client, people.office_clerk)
    response = client.post(f"/api/v1/receptions/{reception.pk}/petition/", {"handler": people.inspector.pk},
                           content_type="application/json")
    assert response.status_code == 200, response.content
    again = client.post(f"/api/v1/receptions/{reception.pk}/petition/", {}, content_type="application/json")
    assert again.status_code == 400 and "đã có đơn" in again.content.decode()
    petition = Reception.objects.get(pk=reception.pk).petition
    assert petition.content_kind == "denunciation" and petition.handler == people.inspector
