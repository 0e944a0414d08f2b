"""Issue 13, item 6: "Giao xác minh (Điều 31)" offers the agency's staff only, and refuses a conflict of interest.

Seen before the fix: the step offered an officer of another agency and the system administrator (who then saw the
confidential case), people showed as logins, and nothing stopped a verifier working in the denounced unit.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from doctypes.complaint_case.services import verification
from tests.base import client_for
from tests.complaint_case.test_verification import accepted_case


@pytest.fixture
def case(people):
    return accepted_case(people)


def _step_page(client, case):
    return client.get(reverse("admin:complaint_case_denunciation_step", args=[case.pk, "assign-verifier"]))


def test_the_back_office_step_offers_the_agency_staff_by_name_only(client, people, case):
    client_for(client, people.inspector)
    page = _step_page(client, case).content.decode()
    assert "Vũ Cán Bộ – Chuyên viên (CC Thủy lợi)" in page  # full name – title (unit)
    assert "Bùi Quản Trị" not in page  # the system administrator
    assert "Ngô Người Ngoài" not in page  # another agency's officer
    assert f'value="{people.unit_staff.pk}">canbo<' not in page  # not a login
    # Vietnamese labels from the inputs, not the raw names.
    assert "Người được giao xác minh" in page and ">user<" not in page


def test_the_back_office_refuses_the_administrator_and_an_outsider(client, people, case):
    client_for(client, people.inspector)
    url = reverse("admin:complaint_case_denunciation_step", args=[case.pk, "assign-verifier"])
    for who in (people.admin, people.outsider):
        response = client.post(url, {"user": who.pk, "team_role": "member", "_version": case.version})
        assert response.status_code == 200  # the form again, with the reason
        assert not case.verifiers.filter(user=who).exists()
    assert not case.verifiers.exists()


def test_the_api_refuses_the_administrator_and_an_outsider(client, people, case):
    client_for(client, people.inspector)
    api = f"/api/v1/denunciations/{case.pk}/assign-verifier/"
    for who in (people.admin, people.outsider):
        response = client.post(api, {"user": who.pk})
        assert response.status_code == 400, response.content
        assert "user" in response.json()["error"]["fields"]
    assert client.post(api, {"user": people.unit_staff.pk}).status_code == 200


def test_the_service_refuses_the_administrator_even_when_called_directly(people, case):
    with pytest.raises(ValidationError, match="Quản trị hệ thống"):
        verification.assign_verifier(case, by=people.inspector, user=people.admin)
    with pytest.raises(ValidationError, match="cơ quan giải quyết"):
        verification.assign_verifier(case, by=people.inspector, user=people.outsider)


def test_a_verifier_working_in_the_denounced_unit_is_refused_as_a_conflict_of_interest(people, case):
    case.denounced = "Chi cục Thủy lợi (ông Trần Văn Bị, phó chi cục trưởng)"
    case.save(update_fields=["denounced"])
    with pytest.raises(ValidationError, match="xung đột lợi ích") as refused:
        verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    assert "Điều 31" in str(refused.value)
    assert not case.verifiers.exists()
    # An officer of another unit of the same agency is independent of it.
    assert verification.assign_verifier(case, by=people.inspector, user=people.chief_inspector)


def test_the_person_denounced_is_refused_as_verifier(people, case):
    case.denounced = "Ông Vũ Cán Bộ, chuyên viên"
    case.save(update_fields=["denounced"])
    with pytest.raises(ValidationError, match="xung đột lợi ích"):
        verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
