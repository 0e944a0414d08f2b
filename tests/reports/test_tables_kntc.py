"""01/TCD and 02/XLD computed from records: each figure, the period cut-off, formulas and permissions."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError

from doctypes.citizen_reception import services as reception_services
from doctypes.complaint_case.services import petition as services
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.build import build_table, check_table, table_to_dataframe
from tests.complaint_case.builders import inspectorate, make_petition

D = datetime.date
YEAR = resolve_period("year", 2025)  # 15/12/2024 – 14/12/2025, entirely in the past


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def total(table):
    return table.rows[-1].cells


def processed(petition, by, *, kind, eligible=True, competence=True, prior="never", outcome="accept", on=D(2025, 6, 1),
              anti_corruption=False, area=None):
    services.classify_petition(petition, by=by, content_kind=kind, eligible=eligible, within_competence=competence,
                               prior_resolution=prior, anti_corruption=anti_corruption, subject_area=area)
    return services.record_petition_outcome(petition, by=by, outcome=outcome, decided_on=on, transfer_to="UBND xã")


def test_02_xld_counts_each_column_from_petitions(people):
    by = people.chief_inspector
    first = processed(make_petition(by, received_on=D(2025, 5, 2)), by, kind="complaint", area="land")
    processed(make_petition(by, received_on=D(2025, 5, 3), matter="Khiếu nại lần hai về bồi thường"), by,
              kind="complaint", prior="once", area="policy")
    processed(make_petition(by, received_on=D(2025, 5, 4), matter="Tố cáo nhận hối lộ"), by, kind="denunciation",
              anti_corruption=True)
    processed(make_petition(by, received_on=D(2025, 5, 5), matter="Tố cáo tiếp"), by, kind="denunciation", prior="many",
              area="judicial")
    processed(make_petition(by, received_on=D(2025, 5, 6), matter="Kiến nghị"), by, kind="request", outcome="file",
              area="land")
    processed(make_petition(by, received_on=D(2025, 5, 7), matter="Ngoài thẩm quyền"), by, kind="complaint",
              competence=False, outcome="guide")
    processed(make_petition(by, received_on=D(2025, 5, 8), matter="Chuyển đi"), by, kind="request", competence=False,
              outcome="transfer")
    processed(make_petition(by, received_on=D(2025, 5, 9), matter="Không đủ điều kiện"), by, kind="complaint",
              eligible=False, outcome="file")
    make_petition(by, received_on=D(2025, 5, 10), matter="Chưa xử lý")
    make_petition(by, received_on=D(2024, 12, 14), matter="Kỳ trước, đã xử lý trước kỳ")  # outside: see below

    table = build_table("02/XLD", period=YEAR, units=agency_unit_ids(people.chief_inspector))
    cells = total(table)
    values = {code: cells[code].value for code in cells}
    assert values["1"] == 10 - 1 + 1  # the 14/12/2024 petition is unprocessed, so it is carried over into the year
    assert (values["2"], values["3"], values["4"], values["5"]) == (8, 7, 5, 5)
    assert (values["6"], values["7"], values["8"]) == (2, 1, 1)
    assert (values["12"], values["13"], values["14"], values["16"]) == (2, 1, 1, 1)
    assert (values["19"], values["23"], values["24"], values["25"]) == (1, 2, 1, 1)
    # Lĩnh vực, as recorded at classification; each kind's areas add up to its total (02/XLD rules 6, 12, 19).
    assert [values[c] for c in ("9", "10", "11")] == [1, 1, 0]
    assert [values[c] for c in ("15", "16", "17", "18")] == [0, 1, 1, 0]
    assert [values[c] for c in ("20", "21", "22")] == [0, 1, 0]
    assert [ref.label for ref in cells["7"].records] == [first.code]
    assert cells["7"].records[0].url.endswith(f"/{first.pk}/change/")
    assert check_table(table) == []
    assert table.rows[0].label == inspectorate().name and table.rows[-1].label == "Tổng cộng"
    assert table_to_dataframe(table).loc["Tổng cộng", "4"] == 5


def test_the_cut_off_puts_14_december_in_the_year_and_15_december_in_the_next(people):
    by = people.chief_inspector
    processed(make_petition(by, received_on=D(2025, 12, 14), matter="Ngày 14/12"), by, kind="complaint", on=D(2025, 12, 14))
    processed(make_petition(by, received_on=D(2025, 12, 15), matter="Ngày 15/12"), by, kind="complaint", on=D(2025, 12, 15))
    this_year = total(build_table("02/XLD", period=YEAR, units=agency_unit_ids(by)))
    next_q1 = total(build_table("02/XLD", period=resolve_period("q1", 2026), units=agency_unit_ids(by)))
    assert [r.label for r in this_year["1"].records] != [r.label for r in next_q1["1"].records]
    assert this_year["1"].value == 1 and next_q1["1"].value == 1


def test_an_outsider_sees_no_row_and_zero_figures(people):
    by = people.chief_inspector
    processed(make_petition(by, received_on=D(2025, 5, 2)), by, kind="complaint")
    table = build_table("02/XLD", period=YEAR, units=agency_unit_ids(people.outsider))
    assert [row.label for row in table.rows] == ["Tổng cộng"]
    assert total(table)["1"].value == 0 and total(table)["1"].records == ()


def test_01_tcd_counts_regular_and_head_receptions(people):
    by = people.office_clerk
    office = by.staff_profile.unit
    reception_services.log_reception(by=by, received_on=D(2025, 4, 2), kind="regular", identity={"name": "A"},
                                     content="Hỏi về đất", classification="request", handling="guide", unit=office)
    reception_services.log_reception(by=by, received_on=D(2025, 4, 3), kind="regular", identity={"name": "B", "representative": "B"},
                                     content="Đoàn khiếu nại", classification="complaint", handling="guide", unit=office,
                                     group_size=6)
    reception_services.log_reception(by=by, received_on=D(2025, 4, 4), kind="unscheduled", identity={"name": "C"},
                                     content="Gặp Giám đốc", classification="complaint", handling="guide", unit=office)
    table = build_table("01/TCD", period=YEAR, units=agency_unit_ids(people.leader))
    cells = total(table)
    assert (cells["5"].value, cells["6"].value, cells["7"].value, cells["8"].value, cells["9"].value) == (2, 7, 2, 1, 6)
    assert (cells["11"].value, cells["12"].value, cells["17"].value) == (1, 1, 0)
    assert (cells["1"].value, cells["2"].value, cells["4"].value) == (3, 8, 1)
    assert check_table(table) == []
    assert build_table("01/TCD", period=YEAR, units=agency_unit_ids(people.outsider)).rows[-1].cells["1"].value == 0


@pytest.mark.parametrize("competence, outcome", [(True, "transfer"), (True, "guide"), (False, "urge"), (False, "file")])
def test_an_outcome_that_contradicts_the_competence_is_refused(people, competence, outcome):
    by = people.chief_inspector
    petition = make_petition(by, received_on=D(2025, 5, 2), matter="Khiếu nại của ông Lê Văn Tâm về bồi thường")
    services.classify_petition(petition, by=by, content_kind="complaint", eligible=True, within_competence=competence,
                               prior_resolution="never")
    with pytest.raises(ValidationError) as error:
        services.record_petition_outcome(petition, by=by, outcome=outcome, decided_on=D(2025, 5, 5), transfer_to="UBND xã")
    assert "thẩm quyền" in error.value.message_dict["outcome"][0]


def test_every_eligible_petition_lands_in_exactly_one_competence_column(people):
    by = people.chief_inspector
    processed(make_petition(by, received_on=D(2025, 5, 2)), by, kind="complaint", competence=False, outcome="guide")
    processed(make_petition(by, received_on=D(2025, 5, 3), matter="Tố cáo ngoài thẩm quyền"), by, kind="denunciation",
              competence=False, outcome="transfer")
    processed(make_petition(by, received_on=D(2025, 5, 4), matter="Đôn đốc vụ đang giải quyết"), by, kind="complaint",
              outcome="urge")
    cells = total(build_table("02/XLD", period=YEAR, units=agency_unit_ids(by)))
    assert (cells["3"].value, cells["4"].value, cells["23"].value) == (3, 1, 2)
    assert check_table(build_table("02/XLD", period=YEAR, units=agency_unit_ids(by))) == []
