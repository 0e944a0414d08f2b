"""What a check, an inspection or a violation is about for 01/PCTN, set where each is born: the back-office add forms
and the API, through their services; an unknown topic is refused with a reason."""

import datetime
import re

from django.utils import timezone

from doctypes.discipline_check.models import DisciplineCheck
from doctypes.finding.models import Finding, Violation
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from tests.base import client_for
from tests.discipline_check.builders import make_template
from tests.pctn_case.builders import concluded_violation

D = datetime.date


def _management(page):
    """The inline formsets' management fields of an add page, empty."""
    names = re.findall(r'name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"', page)
    return {name: ("1000" if name.endswith("MAX_NUM_FORMS") else "0") for name in names}


def test_the_office_schedules_a_check_with_its_topics_from_the_back_office(client, people):
    page = client_for(client, people.office_clerk)
    url = "/admin/discipline_check/disciplinecheck/add/"
    form = page.get(url).content.decode()
    assert 'value="cashless"' in form  # one check box per topic
    day = timezone.localdate() + datetime.timedelta(days=5)
    data = {**_management(form), "template": make_template().pk, "unit": Unit.objects.get(code="snnmt-ccthuyloi").pk,
            "scheduled_on": f"{day:%d/%m/%Y}", "announced": "on", "leader": people.office_clerk.pk,
            "pctn_topics": ["conduct", "cashless"]}
    response = page.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DisciplineCheck.objects.get().pctn_topics == ["cashless", "conduct"]
    response = page.post(url, {**data, "pctn_topics": ["bribes"]})
    assert response.status_code == 200 and DisciplineCheck.objects.count() == 1


def test_the_api_schedules_a_check_with_its_topics_and_refuses_an_unknown_one(client, people):
    api = client_for(client, people.office_clerk)
    body = {"template": make_template().pk, "unit": "snnmt-ccthuyloi",
            "scheduled_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(), "pctn_topics": ["assets"]}
    response = api.post("/api/v1/discipline-checks/", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["pctn_topics"] == ["assets"]
    response = api.post("/api/v1/discipline-checks/", {**body, "pctn_topics": ["bribes"]}, content_type="application/json")
    assert response.status_code == 400 and "pctn_topics" in str(response.json())
    assert client_for(client, people.unit_head).post("/api/v1/discipline-checks/", body,
                                                     content_type="application/json").status_code == 403


def test_the_chief_inspector_adds_an_inspection_with_its_topics_from_the_back_office(client, people):
    page = client_for(client, people.chief_inspector)
    url = "/admin/inspection/inspection/add/"
    form = page.get(url).content.decode()
    data = {**_management(form), "owner": Unit.objects.get(code="snnmt-ttr").pk, "year": "2026", "kind": "unscheduled",
            "grounds": "anti_corruption", "grounds_detail": "Theo chỉ đạo của Giám đốc Sở", "title": "Thanh tra công khai minh bạch",
            "subject_units": [Unit.objects.get(code="snnmt-ccthuyloi").pk], "level": "department",
            "pctn_topics": ["transparency", "norms"]}
    response = page.post(url, data)
    assert response.status_code == 302, re.findall(r'errorlist[^>]*>(.*?)</ul>', response.content.decode())
    inspection = Inspection.objects.get(title="Thanh tra công khai minh bạch")
    assert inspection.pctn_topics == ["norms", "transparency"]
    assert client_for(client, people.unit_head).post(url, data).status_code == 403


def test_the_api_records_a_violation_with_the_rule_it_breaches(client, people):
    violation = concluded_violation(people)
    api = client_for(client, people.chief_inspector)
    body = {"finding": violation.finding_id, "responsible_unit": "snnmt-ccthuyloi", "kind": "Không công khai dự toán",
            "committed_on": "2026-03-01", "pctn_topic": "transparency"}
    response = api.post("/api/v1/violations/", body, content_type="application/json")
    assert response.status_code == 201 and Violation.objects.get(pk=response.json()["id"]).pctn_topic == "transparency"
    response = api.post("/api/v1/violations/", {**body, "pctn_topic": "bribes"}, content_type="application/json")
    assert response.status_code == 400 and "pctn_topic" in str(response.json())
    assert client_for(client, people.unit_staff).post("/api/v1/violations/", body, content_type="application/json").status_code in (403, 404)
    assert Finding.objects.count() == 1


def test_the_api_corrects_an_inspections_topics_and_refuses_an_unknown_one(client, people):
    violation = concluded_violation(people)
    inspection = violation.finding.inspection
    api = client_for(client, people.chief_inspector)
    url = f"/api/v1/inspections/{inspection.pk}/"
    response = api.patch(url, {"pctn_topics": ["cashless"]}, content_type="application/json")
    assert response.status_code == 200 and response.json()["pctn_topics"] == ["cashless"]
    response = api.patch(url, {"pctn_topics": ["bribes"]}, content_type="application/json")
    assert response.status_code == 400 and "pctn_topics" in str(response.json())
    response = api.patch(url, {"pctn_topics": 5}, content_type="application/json")
    assert response.status_code == 400
    inspection.refresh_from_db()
    assert inspection.pctn_topics == ["cashless"]
    assert client_for(client, people.unit_head).patch(url, {"pctn_topics": []}, content_type="application/json").status_code in (403, 404)
