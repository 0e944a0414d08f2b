"""Money and land by where they go, fines, documents to amend, and what decisions and conclusions recover, from records."""

import datetime
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError

from doctypes.complaint_case.models import ComplaintCase
from doctypes.complaint_case.services import complaint as services_complaint
from doctypes.complaint_case.services import denunciation as services_denunciation
from doctypes.inspection.models import Inspection
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.build import build_table, check_table
from tests.base import client_for
from tests.complaint_case.builders import days_ago, make_complaint
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.builders import advance, make_inspection
from tests.reports.test_tables_case_outcomes import denunciation
from tests.reports.test_tables_cases import complaint

D = datetime.date
YEAR_2026 = resolve_period("year", 2026)
YEAR_2025 = resolve_period("year", 2025)


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def test_01_ttr_splits_money_and_land_by_where_they_go_and_counts_fines_and_documents(people):
    inspection = advance(make_inspection(year=2026), Inspection.Step.REPORTED, start=D(2026, 3, 2))
    finding = make_finding(inspection=inspection)
    make_violation(finding, amount_to_recover=Decimal(30_000_000), land_to_recover=Decimal(200))
    make_violation(finding, amount_to_recover=Decimal(12_500_000), land_to_recover=Decimal("50.5"), recover_to="others")
    make_violation(finding, amount_to_recover=Decimal(0), sanction="fine", fine_amount=Decimal(5_000_000))
    make_violation(finding, amount_to_recover=Decimal(0), sanction="fine", fine_amount=Decimal(2_000_000),
                   responsible_person="Kế toán trưởng")
    make_action(finding, loophole_document="Quy chế chi tiêu nội bộ năm 2025", loophole_issuer="Chi cục Thủy lợi",
                loophole="Không quy định định mức công tác phí")
    advance(inspection, Inspection.Step.CONCLUDED, start=D(2026, 3, 2))
    table = build_table("01/TTr", period=YEAR_2026, units=agency_unit_ids(people.chief_inspector))
    cells = {code: figure.value for code, figure in table.rows[-1].cells.items()}
    assert (cells["10"], cells["12"], cells["14"]) == (Decimal("42.5"), Decimal(30), Decimal("12.5"))
    assert (cells["11"], cells["13"], cells["15"]) == (Decimal("250.5"), 200, Decimal("50.5"))
    assert (cells["18"], cells["19"], cells["20"]) == (Decimal(7), Decimal(5), Decimal(2))
    assert cells["26"] == 1
    assert check_table(table) == []


def test_a_fine_needs_the_fine_sanction(people):
    finding = make_finding()
    with pytest.raises(ValidationError) as error:
        make_violation(finding, fine_amount=Decimal(1_000_000))
    assert "fine_amount" in error.value.message_dict


def test_03_gqkn_counts_what_the_decisions_recover_return_and_refer(people):
    by = people.chief_inspector
    case = complaint(by, day=D(2025, 3, 2))
    services_complaint.record_verification(case, by=by, verified_on=D(2025, 3, 12), result="Đã xác minh")
    services_complaint.decide_complaint(
        case, by=by, decided_on=D(2025, 3, 22), decision_number="02/QĐ", result="amended", conclusion="Đúng một phần",
        recover_money=20_000_000, recover_land=Decimal(100), return_money=5_000_000, returned_people=2,
        disciplined_people=3, disciplined_officials=1, referred_cases=1, referred_people=2)
    table = build_table("03/GQKN", period=YEAR_2025, units=agency_unit_ids(by))
    cells = {code: figure.value for code, figure in table.rows[-1].cells.items()}
    assert [cells[c] for c in ("13", "14", "15", "16", "18", "19", "20", "21", "22", "23")] == [
        Decimal(20), 100, Decimal(5), 0, 2, 3, 1, 1, 2, 0]
    assert check_table(table) == []


def test_04_gqtc_counts_what_the_conclusions_recover_and_refer(people):
    by = people.chief_inspector
    services_denunciation.conclude_denunciation(
        denunciation(by, 0), by=by, concluded_on=D(2025, 6, 10), conclusion="Đúng", verdict="right",
        recover_money=18_500_000, disciplined_orgs=1, disciplined_people=2, disciplined_officials=2)
    cells = {code: figure.value for code, figure in
             build_table("04/GQTC", period=YEAR_2025, units=agency_unit_ids(by)).rows[-1].cells.items()}
    assert [cells[c] for c in ("14", "20", "21", "22", "23")] == [Decimal("18.5"), 1, 2, 2, 0]


def test_more_officials_than_people_is_refused_on_the_decide_screen(client, people):
    case = make_complaint(people.inspector, handler=people.inspector, received_on=days_ago(30))
    services_complaint.accept_complaint(case, by=people.inspector, accepted_on=days_ago(28))
    services_complaint.record_verification(case, by=people.inspector, verified_on=days_ago(10), result="Đã xác minh")
    client_for(client, people.inspector)
    form = client.get(f"/cases/complaints/{case.pk}/").content.decode()
    assert 'name="recover_money"' in form and 'name="disciplined_officials"' in form
    response = client.post(f"/cases/complaints/{case.pk}/step/decide/", {
        "decided_on": str(days_ago(1)), "decision_number": "9/QĐ", "result": "upheld", "conclusion": "Giữ nguyên",
        "disciplined_people": "1", "disciplined_officials": "2"})
    assert response.status_code == 400 and "Không được lớn hơn tổng số người" in response.content.decode()
    assert ComplaintCase.objects.get(pk=case.pk).status == ComplaintCase.Status.VERIFIED
