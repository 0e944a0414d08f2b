"""Issue 13, item 6: the finding's signature picker lists the finding's own files only; a discipline-check result
names only staff of the checked unit (back office and API)."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doctypes.discipline_check.models import CheckResult
from papi_inspect.attachments import attach_file
from tests.base import client_for
from tests.discipline_check.builders import make_check
from tests.finding.builders import make_finding


def _options(page, select_name):
    select = re.search(rf'<select name="{select_name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no {select_name} drop-down"
    return re.findall(r'<option value="(\d+)"[^>]*>([^<]*)<', select.group(1))


def test_the_signature_picker_lists_only_the_findings_own_files(client, people):
    finding = make_finding()
    other = make_finding(title="Chậm giải ngân vốn", inspection=finding.inspection)
    own = attach_file(finding, uploaded_file=SimpleUploadedFile("chu-ky.txt", b"ky"), by=people.chief_inspector,
                      description="Chữ ký đại diện đơn vị")
    foreign = attach_file(other, uploaded_file=SimpleUploadedFile("bien-ban.txt", b"bb"), by=people.chief_inspector,
                          description="Biên bản của phát hiện khác")
    client_for(client, people.chief_inspector)
    page = client.get(reverse("admin:finding_finding_change", args=[finding.pk])).content.decode()
    offered = {int(pk) for pk, _label in _options(page, "signature")}
    assert offered == {own.pk}
    assert foreign.pk not in offered


def test_a_check_result_names_only_staff_of_the_checked_unit(client, people):
    check = make_check()  # Chi cục Thủy lợi
    client_for(client, people.office_clerk)
    page = client.get(reverse("admin:discipline_check_disciplinecheck_change", args=[check.pk])).content.decode()
    # The check's lines come from its template when it is scheduled: the back office adds none by hand, so it offers
    # no staff drop-down at all; results naming staff come through record_results (tablet and API, below).
    assert 'name="results-__prefix__-staff"' not in page

    item = check.template.items.first()
    api = f"/api/v1/discipline-checks/{check.pk}/results/"
    outsider = {"results": [{"item": item.pk, "outcome": "pass", "staff": people.office_clerk.staff_profile.pk}]}
    response = client.post(api, outsider, content_type="application/json")
    assert response.status_code == 400, response.content
    assert not CheckResult.objects.filter(check_record=check, staff__isnull=False).exists()
    insider = {"results": [{"item": item.pk, "outcome": "pass", "staff": people.unit_staff.staff_profile.pk}]}
    assert client.post(api, insider, content_type="application/json").status_code == 200
