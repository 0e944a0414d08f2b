"""01/TTr from inspections, findings and violations: each figure, the period, the rules and permissions."""

import datetime
from decimal import Decimal

from doctypes.inspection.models import Inspection
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.build import build_table, check_table
from tests.finding.builders import make_finding, make_violation
from tests.inspection.builders import advance, make_inspection

D = datetime.date
S = Inspection.Step
YEAR = resolve_period("year", 2025)


def test_01_ttr_counts_inspections_conclusions_and_violations(people):
    concluded = advance(make_inspection(year=2025), S.REPORTED, start=D(2025, 3, 2))
    finding = make_finding(inspection=concluded, recorded_on=D(2025, 4, 1))
    make_violation(finding, amount_to_recover=Decimal(20_000_000), sanction="discipline", responsible_person="Ông A")
    make_violation(finding, amount_to_recover=Decimal(1_500_000), sanction="criminal", responsible_person="Bà B")
    make_violation(finding, amount_to_recover=Decimal(0), sanction="discipline")
    advance(concluded, S.CONCLUDED, start=D(2025, 3, 2))
    advance(make_inspection(year=2024, title="Cuộc từ kỳ trước"), S.FIELDWORK, start=D(2024, 11, 4))
    advance(make_inspection(year=2025, title="Đột xuất", kind="unscheduled", grounds="violation_signs", plan=None),
            S.DECIDED, start=D(2025, 6, 2))

    table = build_table("01/TTr", period=YEAR, units=agency_unit_ids(people.chief_inspector))
    cells = table.rows[-1].cells
    values = {code: cells[code].value for code in ("1", "2", "3", "4", "5", "6", "7", "10", "21", "22", "23", "24", "25")}
    assert values == {"1": 3, "2": 1, "3": 2, "4": 2, "5": 1, "6": 1, "7": 1, "10": Decimal("21.5"),
                      "21": 2, "22": 1, "23": 1, "24": 1, "25": 1}
    # All to the state budget (the violation's default); "xử lý khác" (col 16) is typed, so col 8 stays open.
    assert cells["8"].value is None and (cells["12"].value, cells["14"].value) == (Decimal("21.5"), 0)
    assert {ref.model for ref in cells["10"].records} == {"finding.Violation"}
    assert check_table(table) == []
    assert table.rows[0].label == "Thanh tra Sở"
    outsider = build_table("01/TTr", period=YEAR, units=agency_unit_ids(people.outsider))
    assert len(outsider.rows) == 1 and outsider.rows[0].cells["1"].value == 0


def test_the_table_is_the_agencys_whoever_builds_it(people):
    advance(make_inspection(year=2025), S.DECIDED, start=D(2025, 3, 2))
    advance(make_inspection(year=2025, subject="snnmt-cckiemlam", title="Kiểm lâm"), S.DECIDED, start=D(2025, 3, 3))
    # A unit head sees one of the two inspections on screen, the leader both; the department's table counts both.
    assert Inspection.objects.visible_to(people.unit_head).count() == 1
    for who in (people.unit_head, people.leader, people.chief_inspector, people.office_clerk):
        assert build_table("01/TTr", period=YEAR, units=agency_unit_ids(who)).rows[-1].cells["1"].value == 2


def test_02_ttr_follows_conclusions_actions_and_money(people):
    from doctypes.finding import services as finding_services
    from tests.finding.builders import make_action

    inspection = advance(make_inspection(year=2025), S.REPORTED, start=D(2025, 3, 2))
    finding = make_finding(inspection=inspection, recorded_on=D(2025, 4, 1))
    violation = make_violation(finding, amount_to_recover=Decimal(40_000_000))
    advance(inspection, S.CONCLUDED, start=D(2025, 3, 2))
    action = make_action(finding, violation=violation, due_on=D(2025, 9, 30))
    finding_services.report_action_progress(action, by=people.unit_head, reported_on=D(2025, 7, 1), note="Đã nộp một phần",
                                            amount_recovered=Decimal(15_000_000))
    table = build_table("02/TTr", period=YEAR, units=agency_unit_ids(people.chief_inspector))
    cells = table.rows[-1].cells
    assert [cells[c].value for c in ("1", "2", "3", "4")] == [1, 0, 0, 1]
    assert (cells["5"].value, cells["6"].value) == (Decimal(40), Decimal(15))
    assert cells["6"].records[0].pk == violation.pk and cells["9"].value == 0  # nothing owed to organisations
    assert check_table(table) == []
    assert build_table("02/TTr", period=YEAR, units=agency_unit_ids(people.outsider)).rows[-1].cells["1"].value == 0


def test_people_disciplined_in_two_units_under_the_same_title_are_two_people(people):
    from tests.inspection.builders import unit

    inspection = advance(make_inspection(year=2025, subject_units=[unit("snnmt-ccthuyloi"), unit("snnmt-cctt")]),
                         S.REPORTED, start=D(2025, 3, 2))
    for code in ("snnmt-ccthuyloi", "snnmt-cctt"):
        finding = make_finding(inspection=inspection, unit=unit(code), recorded_on=D(2025, 4, 1))
        make_violation(finding, responsible_unit=unit(code), sanction="discipline", responsible_person="Kế toán trưởng",
                       committed_on=D(2025, 2, 1))
    # The same accountant twice in one unit is still one person.
    make_violation(finding, responsible_unit=unit("snnmt-cctt"), sanction="discipline", responsible_person="Kế toán trưởng",
                   committed_on=D(2025, 2, 1))
    advance(inspection, S.CONCLUDED, start=D(2025, 3, 2))
    cells = build_table("01/TTr", period=YEAR, units=agency_unit_ids(people.chief_inspector)).rows[-1].cells
    assert (cells["22"].value, cells["23"].value) == (0, 2)
