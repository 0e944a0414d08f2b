"""Issue 13, "What was seen": each item reproduced through the back-office forms and the API, as its user works."""

import datetime

from django.utils import timezone

from doctypes.citizen_reception.models import Reception
from doctypes.complaint_case.models import Petition
from doctypes.discipline_check.models import DisciplineCheck
from doctypes.finding.models import Finding, Violation
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from doctypes.procedure_review.models import Procedure, ProcedureReview
from papi_inspect.identity import decrypt_identity
from tests.base import client_for
from tests.complaint_case.paths import body_text
from tests.finding.builders import make_finding
from tests.inspection.builders import advance, make_inspection, make_plan, unit
from tests.intake.forms import admin_post, errors_of


def dmy(day):
    return day.strftime("%d/%m/%Y")


def today():
    return timezone.localdate()


RECEPTION = {
    "kind": "regular", "group_size": "3", "content": "Ông Lê Văn Công trình bày việc bồi thường khi thu hồi đất ở xã Tân Mỹ",
    "classification": "complaint", "handling": "guide", "identity_name": "Lê Văn Công Dân",
    "identity_address": "Thôn 2, xã Tân Mỹ", "identity_id_number": "024099000111", "identity_phone": "0912000111",
    "identity_representative": "Lê Văn Công Dân",
}


def test_1_a_reception_is_logged_from_the_back_office_with_the_citizen_encrypted(client, people):
    client_for(client, people.office_clerk)
    form = client.get("/admin/citizen_reception/reception/add/").content.decode()
    for name in ("identity_name", "identity_address", "identity_id_number", "identity_phone"):
        assert f'name="{name}"' in form, name
    response = client.post("/admin/citizen_reception/reception/add/", {
        **RECEPTION, "received_on": dmy(today() - datetime.timedelta(days=1)), "unit": Unit.objects.get(code="snnmt-vp").pk})
    assert response.status_code == 302, body_text(response)[-3000:]
    reception = Reception.objects.get()
    assert "Lê Văn Công Dân" not in reception.identity_cipher
    assert decrypt_identity(reception.identity_cipher)["id_number"] == "024099000111"


def test_2_a_named_petition_is_registered_from_the_back_office(client, people):
    client_for(client, people.inspector)
    form = client.get("/admin/complaint_case/petition/add/").content.decode()
    for name in ("identity_name", "identity_address", "identity_id_number", "identity_phone"):
        assert f'name="{name}"' in form, name
    response = client.post("/admin/complaint_case/petition/add/", {
        "received_on": dmy(today() - datetime.timedelta(days=2)), "channel": "post",
        "matter": "Khiếu nại việc thu hồi đất thửa số 45", "unit": unit("snnmt-ttr").pk, "content_kind": "complaint",
        "identity_name": "Trần Thị Gửi Đơn", "identity_address": "Xã Hòa An", "identity_phone": "0988000333",
    })
    assert response.status_code == 302, body_text(response)[-3000:]
    petition = Petition.objects.get()
    assert not petition.anonymous and decrypt_identity(petition.identity_cipher)["name"] == "Trần Thị Gửi Đơn"


def test_3_a_refused_reception_keeps_everything_typed(client, people):
    client_for(client, people.office_clerk)
    response = client.post("/admin/citizen_reception/reception/add/", {
        **RECEPTION, "received_on": dmy(today() + datetime.timedelta(days=3)), "unit": Unit.objects.get(code="snnmt-vp").pk})
    text = body_text(response)
    assert response.status_code == 200 and not Reception.objects.exists()
    assert "không được sau ngày hôm nay" in text
    assert RECEPTION["content"] in text and 'value="3"' in text and "Thôn 2, xã Tân Mỹ" in text


def test_3_a_refused_petition_keeps_everything_typed(client, people):
    client_for(client, people.inspector)
    response = client.post("/admin/complaint_case/petition/add/", {
        "received_on": dmy(today() - datetime.timedelta(days=2)), "channel": "post",
        "matter": "Tố cáo cán bộ địa chính xã Hòa An", "unit": unit("snnmt-ttr").pk, "content_kind": "denunciation",
        "summary": "Người gửi kể lại việc nộp tiền cho cán bộ", "identity_address": "Xã Hòa An",
    })
    text = body_text(response)
    assert response.status_code == 200 and not Petition.objects.exists()
    assert "Cần họ tên người gửi" in text and "Người gửi kể lại việc nộp tiền cho cán bộ" in text and "Xã Hòa An" in text


def test_4_handover_steps_are_offered_in_the_back_office(client, people):
    from tests.citizen_reception.test_reception_log import log

    reception = log(people.office_clerk, handling="receive")
    client_for(client, people.office_clerk)
    page = client.get(f"/admin/citizen_reception/reception/{reception.pk}/change/")
    assert f"/admin/citizen_reception/reception/{reception.pk}/step/petition/" in page.content.decode()


def test_5_a_finding_is_refused_on_a_concluded_inspection_in_the_back_office(client, people):
    inspection = advance(make_inspection(), Inspection.Step.CONCLUDED)
    client_for(client, people.chief_inspector)
    r = admin_post(client, "/admin/finding/finding/add/", {
        "inspection": inspection.pk, "unit": unit("snnmt-ccthuyloi").pk, "title": "Thêm sau kết luận",
        "criteria": "Luật Ngân sách", "condition": "Chi sai", "severity": "medium", "recorded_on": dmy(today()),
    })
    assert not Finding.objects.filter(title="Thêm sau kết luận").exists()


def test_5_a_violation_is_refused_on_a_frozen_inspections_finding(client, people):
    finding = make_finding()
    Inspection.objects.filter(pk=finding.inspection_id).update(step=Inspection.Step.CONCLUDED, concluded_on=datetime.date(2026, 5, 1))
    client_for(client, people.chief_inspector)
    r = admin_post(client, "/admin/finding/violation/add/", {
        "finding": finding.pk, "responsible_unit": unit("snnmt-ccthuyloi").pk, "kind": "Chi sai chế độ",
        "committed_on": "01/02/2026", "sanction": "none", "amount_to_recover": "1000000",
    })
    assert not Violation.objects.exists()


def test_5_a_violation_is_refused_to_a_clerk_who_may_not_edit_the_finding(client, people):
    finding = make_finding()
    client_for(client, people.office_clerk)
    r = admin_post(client, "/admin/finding/violation/add/", {
        "finding": finding.pk, "responsible_unit": unit("snnmt-ccthuyloi").pk, "kind": "Chi sai chế độ",
        "committed_on": "01/02/2026", "sanction": "none", "amount_to_recover": "1000000",
    })
    assert not Violation.objects.exists()


def test_5_a_planned_inspection_needs_a_plan_in_the_back_office(client, people):
    client_for(client, people.chief_inspector)
    r = admin_post(client, "/admin/inspection/inspection/add/", {
        "title": "Thanh tra quản lý đê không kế hoạch", "owner": unit("snnmt-ttr").pk, "year": "2026", "quarter": "3",
        "kind": "planned", "level": "department", "subject_units": [unit("snnmt-ccthuyloi").pk],
        "scope": "Quản lý đê", "period_from": "01/01/2024", "period_to": "31/12/2025",
    })
    assert not Inspection.objects.filter(title="Thanh tra quản lý đê không kế hoạch", plan__isnull=True).exists()


def test_5_a_procedure_review_goes_through_review_procedure(client, people):
    procedure = Procedure.objects.create(code="1.0001", name="Cấp giấy phép khai thác nước mặt", field="Tài nguyên nước",
                                         processing_days=15)
    client_for(client, people.office_clerk)
    r = admin_post(client, "/admin/procedure_review/procedurereview/add/", {
        "procedure": procedure.pk, "reviewed_on": dmy(today() + datetime.timedelta(days=20)), "summary": "Rà soát",
        "status": "draft",
    })
    assert not ProcedureReview.objects.exists(), errors_of(r)
    assert "không được sau ngày hôm nay" in body_text(r)
    r = admin_post(client, "/admin/procedure_review/procedurereview/add/", {
        "procedure": procedure.pk, "reviewed_on": dmy(today()), "summary": "Thành phần hồ sơ còn trùng lặp", "status": "draft",
    })
    review = ProcedureReview.objects.get()
    assert review.reviewer == people.office_clerk
    assert review.history.first().history_change_reason == "Rà soát thủ tục hành chính"


def test_5_the_api_refuses_a_finding_for_a_unit_not_inspected(client, people):
    inspection = advance(make_inspection(), Inspection.Step.FIELDWORK)
    client_for(client, people.chief_inspector)
    response = client.post("/api/v1/findings/", {
        "inspection": inspection.pk, "unit": "stc-vp", "title": "Đơn vị khác", "criteria": "Luật", "condition": "Chi sai",
        "recorded_on": today().isoformat(),
    }, content_type="application/json")
    assert response.status_code == 400 and not Finding.objects.filter(title="Đơn vị khác").exists()


def test_8_a_check_scheduled_in_the_past_is_refused(client, people):
    from tests.discipline_check.builders import make_template

    client_for(client, people.office_clerk)
    r = admin_post(client, "/admin/discipline_check/disciplinecheck/add/", {
        "template": make_template().pk, "unit": unit("snnmt-ccthuyloi").pk, "scheduled_on": "01/01/2020",
        "announced": "on", "status": "scheduled", "leader": people.office_clerk.pk,
    })
    assert not DisciplineCheck.objects.filter(scheduled_on=datetime.date(2020, 1, 1)).exists()


def test_8_conducted_in_the_future_is_refused_in_the_back_office(client, people):
    from tests.discipline_check.builders import make_check

    check = make_check()
    client_for(client, people.office_clerk)
    admin_post(client, f"/admin/discipline_check/disciplinecheck/{check.pk}/change/", {
        "template": check.template_id, "unit": check.unit_id, "scheduled_on": dmy(check.scheduled_on), "announced": "on",
        "status": "done", "leader": people.office_clerk.pk, "conducted_on": dmy(today() + datetime.timedelta(days=30)),
    })
    check.refresh_from_db()
    assert check.conducted_on is None and check.status == DisciplineCheck.Status.SCHEDULED
    refused = client.post(f"/admin/discipline_check/disciplinecheck/{check.pk}/step/finish/", {
        "conducted_on": (today() + datetime.timedelta(days=30)).isoformat(), "summary": "Đơn vị chấp hành tốt"})
    check.refresh_from_db()
    assert refused.status_code == 200 and "không được sau hôm nay" in body_text(refused)
    assert check.conducted_on is None and check.status == DisciplineCheck.Status.SCHEDULED


def _accepted_denunciation(people):
    from doctypes.complaint_case.services import denunciation as services
    from tests.complaint_case.builders import days_ago, make_denunciation

    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(40))
    return services.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(35))


def test_8_an_extension_with_the_reason_x_is_refused(client, people):
    case = _accepted_denunciation(people)
    case.is_complex = True
    case.save()
    client_for(client, people.inspector)
    client.post(f"/admin/complaint_case/denunciation/{case.pk}/step/extend/", {
        "decided_on": today().isoformat(), "decision_number": "15/QĐ-TTr", "reason": "x"})
    assert not case.extensions.exists()


def test_8_an_extension_on_a_case_not_marked_complex_is_refused(client, people):
    case = _accepted_denunciation(people)
    client_for(client, people.inspector)
    client.post(f"/admin/complaint_case/denunciation/{case.pk}/step/extend/", {
        "decided_on": today().isoformat(), "decision_number": "15/QĐ-TTr",
        "reason": "Phải xác minh tại ba xã và trưng cầu giám định chữ ký"})
    assert not case.extensions.exists()


def test_9_a_click_on_a_calendar_day_opens_the_add_form_with_that_day(client, people):
    client_for(client, people.office_clerk)
    page = client.get("/admin/discipline_check/disciplinecheck/add/?scheduled_on=2026-12-15")
    assert 'value="15/12/2026"' in page.content.decode()
    calendar = client.get("/discipline-checks/calendar/")
    assert "data-add-url" in calendar.content.decode()


def test_9_choosing_a_template_creates_its_items_on_save(client, people):
    from tests.discipline_check.builders import make_template

    template = make_template()
    client_for(client, people.office_clerk)
    r = admin_post(client, "/admin/discipline_check/disciplinecheck/add/", {
        "template": template.pk, "unit": unit("snnmt-ccthuyloi").pk, "scheduled_on": dmy(today() + datetime.timedelta(days=7)),
        "announced": "on", "leader": people.office_clerk.pk,
    })
    check = DisciplineCheck.objects.get()
    assert check.results.count() == template.items.count()
