"""Issue 13, item 7: step forms read like the office – labels and help from the models, what is on record pre-filled,
dates shown and typed dd/mm/yyyy with the vendored picker – in the back office and on /cases/."""

import re

from django.urls import reverse

from doctypes.complaint_case.models import ComplaintCase, Petition
from doctypes.complaint_case.steps import WORKFLOWS
from doctypes.finding.steps import ACTION_STEPS
from doctypes.inspection.steps import INSPECTION_STEPS
from papi_inspect.steps import form_for
from papi_inspect.widgets import DatePickerInput
from tests.base import client_for
from tests.complaint_case.builders import days_ago, make_complaint, make_petition
from tests.complaint_case.test_verification import accepted_case

RAW_NAME = re.compile(r"^[a-z0-9_]+$")


def test_every_step_input_has_an_office_label_and_a_dd_mm_yyyy_picker(people):
    walked = 0
    for workflow in [*WORKFLOWS.values(), ACTION_STEPS, INSPECTION_STEPS]:
        for step in workflow:
            form = form_for(step.input, model=workflow.model, user=people.inspector)()
            for name, field in form.fields.items():
                if field.widget.is_hidden:
                    continue
                walked += 1
                where = f"{workflow.model.__name__}.{step.name}.{name}"
                assert not RAW_NAME.match(str(field.label)), f"{where} shows its code name: {field.label}"
                assert str(field.label)[0].isupper(), where
                if name.endswith("_on"):
                    assert isinstance(field.widget, DatePickerInput), where
                    assert field.widget.format == "%d/%m/%Y" and "%d/%m/%Y" in field.input_formats, where
    assert walked > 50


def test_the_classify_form_speaks_vietnamese_and_prefills_the_record(people):
    petition = make_petition(people.inspector, content_kind="denunciation", many_signers=True)
    form = WORKFLOWS[Petition].get("classify").form(petition, user=people.inspector)
    labels = {name: str(field.label) for name, field in form.fields.items()}
    assert labels["content_kind"] == "Loại nội dung"
    assert labels["eligible"] == "Đủ điều kiện xử lý"
    assert labels["within_competence"] == "Thuộc thẩm quyền"
    assert form.initial["content_kind"] == "denunciation" and form.initial["many_signers"] is True
    html = form.as_p()
    assert '<option value="denunciation" selected>' in html


def test_a_date_on_record_shows_as_dd_mm_yyyy_and_help_comes_from_the_model(people):
    case = accepted_case(people)
    form = WORKFLOWS[type(case)].get("accept").form(case, user=people.inspector)
    html = str(form["accepted_on"])
    assert f'value="{case.accepted_on:%d/%m/%Y}"' in html and 'placeholder="dd/mm/yyyy"' in html
    assert "data-datepicker" in html
    outcome = WORKFLOWS[Petition].get("outcome").form(case.petition, user=people.inspector)
    assert str(outcome.fields["signer"].label) == "Người ký văn bản"
    assert str(outcome.fields["signer"].help_text) == "Để trống: Chánh Thanh tra ký."
    assert str(outcome.fields["decided_on"].label) == "Ngày xử lý"


def test_the_cases_screen_takes_a_step_with_a_typed_dd_mm_yyyy_date(client, people):
    case = make_complaint(people.inspector, handler=people.inspector)
    client_for(client, people.inspector)
    page = client.get(reverse("complaint_case:front-detail", args=["complaints", case.pk])).content.decode()
    assert "Ngày thụ lý" in page and ">accepted_on<" not in page and 'placeholder="dd/mm/yyyy"' in page
    assert "flatpickr-4.6.13/flatpickr.min.js" in page and "flatpickr-4.6.13/vn.js" in page
    day = days_ago(35)
    response = client.post(reverse("complaint_case:front-step", args=["complaints", case.pk, "accept"]),
                           {"accepted_on": f"{day:%d/%m/%Y}", "version_seen": case.version})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ComplaintCase.objects.get(pk=case.pk).accepted_on == day


def test_the_back_office_step_page_carries_the_picker(client, people):
    case = make_complaint(people.inspector, handler=people.inspector)
    client_for(client, people.inspector)
    page = client.get(reverse("admin:complaint_case_complaintcase_step", args=[case.pk, "accept"])).content.decode()
    assert "Ngày thụ lý" in page and 'placeholder="dd/mm/yyyy"' in page
    assert "flatpickr-4.6.13/flatpickr.min.js" in page and "papi_inspect/js/datepicker.js" in page
