"""03/GQKN and 04/GQTC from complaint and denunciation cases, and their rules against 02/XLD."""

import datetime

import pytest
from cryptography.fernet import Fernet

from doctypes.complaint_case.services import complaint as services_complaint
from doctypes.complaint_case.services import denunciation as services_denunciation
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.build import build_table, check_cross_tables, check_table
from tests.complaint_case.builders import inspectorate, make_petition
from tests.reports.test_tables_kntc import processed

D = datetime.date
YEAR = resolve_period("year", 2025)


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def complaint(by, *, decide=None, accept=True, level=1, day=D(2025, 3, 2)):
    petition = processed(make_petition(by, received_on=day, matter=f"Khiếu nại {day} {decide}"), by, kind="complaint",
                         prior="never" if level == 1 else "once", on=day)
    case = services_complaint.open_complaint_case(by=by, subject="Khiếu nại thu hồi đất", complained_act="QĐ 1",
                                                  received_on=day, unit=inspectorate(), petition=petition, level=level)
    if accept:
        services_complaint.accept_complaint(case, by=by, accepted_on=day + datetime.timedelta(days=2))
    if decide:
        services_complaint.record_verification(case, by=by, verified_on=day + datetime.timedelta(days=10), result="Đã xác minh")
        if level == 2:
            services_complaint.record_dialogue(case, by=by, held_on=day + datetime.timedelta(days=12), result="Đối thoại")
        services_complaint.decide_complaint(case, by=by, decided_on=day + datetime.timedelta(days=20), decision_number="01/QĐ",
                                            result=decide, conclusion="Kết luận")
    return case


def test_03_gqkn_counts_cases_and_decisions(people):
    by = people.chief_inspector
    complaint(by, decide="cancelled")
    complaint(by, decide="upheld", day=D(2025, 3, 3))
    complaint(by, decide="amended", day=D(2025, 3, 4))
    complaint(by, decide="upheld", level=2, day=D(2025, 3, 5))
    complaint(by, decide="cancelled", level=2, day=D(2025, 3, 6))
    complaint(by, accept=False, day=D(2025, 3, 7))
    table = build_table("03/GQKN", period=YEAR, units=agency_unit_ids(by))
    cells = table.rows[-1].cells
    values = {code: cells[code].value for code in ("1", "2", "3", "4", "7", "8", "9", "10", "11", "12")}
    assert values == {"1": 6, "2": 6, "3": 1, "4": 5, "7": 5, "8": 1, "9": 1, "10": 1, "11": 1, "12": 1}
    assert cells["5"].value is None
    assert check_table(table) == []
    xld = build_table("02/XLD", period=YEAR, units=agency_unit_ids(by))
    assert check_cross_tables([table, xld]) == []
    outsider = build_table("03/GQKN", period=YEAR, units=agency_unit_ids(people.outsider))
    assert len(outsider.rows) == 1 and outsider.rows[-1].cells["2"].value == 0


def test_04_gqtc_counts_accepted_declined_and_concluded(people):
    by = people.chief_inspector
    cases = []
    for index in range(3):
        petition = processed(make_petition(by, received_on=D(2025, 4, 1 + index), matter=f"Tố cáo {index}",
                                           content_kind="denunciation"), by, kind="denunciation", on=D(2025, 4, 2 + index))
        cases.append(services_denunciation.open_denunciation(by=by, subject="Tố cáo nhận tiền", denounced="Cán bộ X",
                                                             received_on=D(2025, 4, 2 + index), unit=inspectorate(),
                                                             petition=petition))
    services_denunciation.accept_denunciation(cases[0], by=by, accepted_on=D(2025, 4, 10))
    services_denunciation.conclude_denunciation(cases[0], by=by, concluded_on=D(2025, 6, 10), conclusion="Đúng một phần", verdict="partly")
    services_denunciation.decline_denunciation(cases[1], by=by, decided_on=D(2025, 4, 10), reason="Không đủ điều kiện")
    table = build_table("04/GQTC", period=YEAR, units=agency_unit_ids(by))
    cells = table.rows[-1].cells
    assert [cells[c].value for c in ("1", "2", "3", "4", "5", "7")] == [3, 3, 1, 1, 1, 1]
    assert cells["4"].records[0].label == f"{cases[0].code} – {cases[0].pseudonym}"
    assert "Bí Mật" not in str(table)  # the denouncer's identity never reaches a table
    assert check_table(table) == [] and check_cross_tables([table, build_table("02/XLD", period=YEAR, units=agency_unit_ids(by))]) == []
    assert build_table("04/GQTC", period=YEAR, units=agency_unit_ids(people.outsider)).rows[-1].cells["2"].value == 0
