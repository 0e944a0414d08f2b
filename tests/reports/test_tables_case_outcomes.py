"""Outcomes recorded where they happen fill 03/GQKN and 04/GQTC: a denunciation's verdict, a withdrawal and suspension."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError

from doctypes.complaint_case.models import ComplaintCase, Denunciation
from doctypes.complaint_case.services import denunciation as services_denunciation
from doctypes.complaint_case.services import withdrawal
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.build import build_table, check_table
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, days_ago, inspectorate, make_complaint, make_denunciation, make_petition
from tests.reports.test_tables_cases import complaint
from tests.reports.test_tables_kntc import processed

D = datetime.date
YEAR = resolve_period("year", 2025)
REASON = "Người khiếu nại có đơn rút toàn bộ nội dung ngày 20/3, đã được giải thích"


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def denunciation(by, index, *, prior="never"):
    petition = processed(make_petition(by, received_on=D(2025, 4, 1 + index), matter=f"Tố cáo {index}",
                                       content_kind="denunciation"), by, kind="denunciation", prior=prior,
                         on=D(2025, 4, 2 + index))
    case = services_denunciation.open_denunciation(by=by, subject="Tố cáo nhận tiền", denounced="Cán bộ X",
                                                   received_on=D(2025, 4, 2 + index), unit=inspectorate(), petition=petition)
    services_denunciation.accept_denunciation(case, by=by, accepted_on=D(2025, 4, 10))
    return case


def test_two_conclusions_partly_right_fill_04_gqtc_cols_7_to_13(people):
    """The reviewer saw col 7 = 2 with cols 8–13 blank although both conclusions said "đúng một phần"."""
    by = people.chief_inspector
    for index, prior in enumerate(("never", "many")):
        services_denunciation.conclude_denunciation(denunciation(by, index, prior=prior), by=by, concluded_on=D(2025, 6, 10),
                                                    conclusion="Tố cáo có đúng, có sai", verdict="partly")
    table = build_table("04/GQTC", period=YEAR, units=agency_unit_ids(by))
    cells = table.rows[-1].cells
    assert [cells[c].value for c in ("7", "8", "9", "10", "11", "12", "13")] == [2, 0, 0, 1, 0, 0, 1]
    assert check_table(table) == []


def test_a_conclusion_must_say_right_partly_or_wrong(people):
    case = denunciation(people.chief_inspector, 0)
    with pytest.raises(ValidationError) as error:
        services_denunciation.conclude_denunciation(case, by=people.chief_inspector, concluded_on=D(2025, 6, 10),
                                                    conclusion="Kết luận", verdict="")
    assert "Điều 35" in str(error.value.message_dict["verdict"])


def test_the_conclude_step_on_cases_asks_the_verdict(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(20))
    services_denunciation.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(15))
    client_for(client, people.inspector)
    form = client.get(f"/cases/denunciations/{case.pk}/").content.decode()
    assert 'name="verdict"' in form and "Tố cáo có đúng, có sai" in form
    response = client.post(f"/cases/denunciations/{case.pk}/step/conclude/",
                           {"concluded_on": str(days_ago(1)), "conclusion": "Có đúng có sai", "verdict": "partly"})
    assert response.status_code in (200, 302)
    assert Denunciation.objects.get(pk=case.pk).verdict == "partly"


def test_a_withdrawn_complaint_counts_in_col_6_only_and_the_sums_hold(people):
    by = people.chief_inspector
    withdrawn = complaint(by, day=D(2025, 3, 2))
    complaint(by, day=D(2025, 3, 3))
    withdrawal.withdraw_complaint(withdrawn, by=by, withdrawn_on=D(2025, 3, 20), reason=REASON)
    table = build_table("03/GQKN", period=YEAR, units=agency_unit_ids(by))
    cells = table.rows[-1].cells
    assert [cells[c].value for c in ("2", "3", "4", "6")] == [2, 0, 1, 1]
    assert [ref.label for ref in cells["6"].records] == [withdrawn.code]
    assert check_table(table) == []
    assert ComplaintCase.objects.get(pk=withdrawn.pk).current_due is None  # suspended: no longer overdue


def test_a_withdrawal_needs_its_reason_and_an_open_case(people):
    by = people.chief_inspector
    case = complaint(by, decide="upheld")
    with pytest.raises(ValidationError, match="quyết định giải quyết"):
        withdrawal.withdraw_complaint(case, by=by, withdrawn_on=D(2025, 4, 1), reason=REASON)
    open_case = complaint(by, day=D(2025, 5, 2))
    with pytest.raises(ValidationError, match="lý do rút"):
        withdrawal.withdraw_complaint(open_case, by=by, withdrawn_on=D(2025, 5, 20), reason="rút")
    concluded = denunciation(by, 0)
    services_denunciation.conclude_denunciation(concluded, by=by, concluded_on=D(2025, 6, 10), conclusion="Sai",
                                                verdict="wrong")
    with pytest.raises(ValidationError, match="Điều 33"):
        withdrawal.withdraw_denunciation(concluded, by=by, withdrawn_on=D(2025, 6, 20), reason=REASON)


def test_the_handler_withdraws_from_the_back_office_and_leadership_may_not(client, people):
    case = make_complaint(people.inspector, handler=people.inspector, received_on=days_ago(10))
    url = f"/admin/complaint_case/complaintcase/{case.pk}/step/withdraw/"
    data = {"withdrawn_on": str(days_ago(2)), "reason": REASON}
    assert client_for(client, people.leader).post(url, data).status_code in (403, 404)
    assert ComplaintCase.objects.get(pk=case.pk).status == ComplaintCase.Status.RECEIVED
    response = client_for(client, people.inspector).post(url, data)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.WITHDRAWN and case.withdrawal_reason == REASON


def test_a_denouncers_withdrawal_letter_stays_sealed(people):
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(10))
    withdrawal.withdraw_denunciation(case, by=people.inspector, withdrawn_on=days_ago(1),
                                     reason=f"Ông {DENOUNCER['name']} rút đơn vì đã được giải thích rõ")
    stored, sealed = Denunciation.objects.filter(pk=case.pk).values_list("withdrawal_reason", "withdrawal_reason_sealed").get()
    assert DENOUNCER["name"] not in stored and DENOUNCER["name"] not in sealed and sealed
