"""01/PCTN indicators fed by the anti-corruption and asset declaration registers, recomputed with plain SQL.

The registers' demo (several units, overdue rotations, late and missing declarations) is loaded, records of another
agency and records dated outside the 2026 report year are added, then each indicator the registers feed is
recomputed from the tables with SQL written from the form's wording and compared with the built 01/PCTN table.
Readings: MS 4–6 count every class (outreach and training) held in the period; people are counted once (distinct);
MS 31 is who had to rotate in the period (the term, or its deferral, ended by the period's end and they were not
rotated before it) or was rotated in it; MS 40 is who declared in the period and had it published by its end.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from doctypes.anticorruption import demo as anticorruption_demo
from doctypes.anticorruption.models import GiftHandover, JobRotation, OutreachSession, PreventionDocument, SessionAttendance
from doctypes.asset_declaration import demo as declaration_demo
from doctypes.asset_declaration import services as declarations
from doctypes.asset_declaration.models import DeclarationDuty
from doctypes.org import demo as org_demo
from doctypes.org.models import Unit
from papi_inspect.audit import save
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.build import build_table

D = datetime.date
MILLION = Decimal(1_000_000)
IN_PERIOD = "BETWEEN %(start)s AND %(end)s"
SQL = {
    "1": "SELECT COUNT(*) FROM anticorruption_preventiondocument WHERE action = 'new' AND scope = 'law' "
         f"AND issued_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "2": "SELECT COUNT(*) FROM anticorruption_preventiondocument WHERE action = 'amended' AND scope = 'law' "
         f"AND issued_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "3": "SELECT COUNT(*) FROM anticorruption_preventiondocument WHERE action = 'repealed' AND scope = 'law' "
         f"AND issued_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "4": f"SELECT COUNT(*) FROM anticorruption_outreachsession WHERE held_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "5": "SELECT SUM(a.count) FROM anticorruption_sessionattendance a JOIN anticorruption_outreachsession s "
         f"ON s.id = a.session_id WHERE s.held_on {IN_PERIOD} AND s.unit_id IN ({{units}})",
    "6": f"SELECT SUM(materials_published) FROM anticorruption_outreachsession WHERE held_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "16": "SELECT COUNT(*) FROM anticorruption_preventiondocument WHERE action = 'new' AND scope = 'norms' "
          f"AND issued_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "17": "SELECT COUNT(*) FROM anticorruption_preventiondocument WHERE action IN ('amended', 'repealed') "
          f"AND scope = 'norms' AND issued_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "26": "SELECT COUNT(DISTINCT person_id) FROM anticorruption_conductdiscipline WHERE ground = 'conduct' "
          f"AND decided_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "27": f"SELECT COUNT(DISTINCT person_id) FROM anticorruption_gifthandover WHERE handed_over_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "28": f"SELECT SUM(value) FROM anticorruption_gifthandover WHERE handed_over_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "29": "SELECT COUNT(DISTINCT person_id) FROM anticorruption_conductdiscipline WHERE ground = 'conflict' "
          f"AND decided_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "31": "SELECT COUNT(DISTINCT person_id) FROM anticorruption_jobrotation WHERE unit_id IN ({units}) AND ("
          f"(current_due <= %(end)s AND (done_on IS NULL OR done_on >= %(start)s)) OR done_on {IN_PERIOD})",
    "32": f"SELECT COUNT(DISTINCT person_id) FROM anticorruption_jobrotation WHERE done_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "40": "SELECT COUNT(DISTINCT person_id) FROM asset_declaration_declarationduty WHERE "
          f"submitted_on {IN_PERIOD} AND published_on <= %(end)s AND unit_id IN ({{units}})",
    "41": "SELECT COUNT(DISTINCT person_id) FROM asset_declaration_declarationduty WHERE "
          f"verified_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "43": "SELECT COUNT(DISTINCT person_id) FROM asset_declaration_declarationduty WHERE "
          f"discipline IN ('untruthful', 'other') AND disciplined_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "43.1": "SELECT COUNT(DISTINCT person_id) FROM asset_declaration_declarationduty WHERE "
            f"discipline = 'untruthful' AND disciplined_on {IN_PERIOD} AND unit_id IN ({{units}})",
    "43.2": "SELECT COUNT(DISTINCT person_id) FROM asset_declaration_declarationduty WHERE "
            f"discipline = 'other' AND disciplined_on {IN_PERIOD} AND unit_id IN ({{units}})",
}
MONEY = {"28"}


def _outside_agency(users):
    """The same kinds of records at the Sở Tài chính, saved as the system would load them: never in our report."""
    unit, person = Unit.objects.get(code="stc-vp"), users["ngoaidonvi"]
    session = save(OutreachSession(unit=unit, topic="Quán triệt Luật PCTN tại Sở Tài chính", kind="outreach",
                                   held_on=D(2026, 4, 1), materials_published=5), "Dữ liệu thử", by=None)
    save(SessionAttendance(session=session, unit=unit, count=40), "Dữ liệu thử", by=None)
    save(PreventionDocument(unit=unit, number="12/KH-STC", title="Kế hoạch PCTN 2026", issued_on=D(2026, 2, 1),
                            action="new", scope="law"), "Dữ liệu thử", by=None)
    save(GiftHandover(unit=unit, person=person, received_on=D(2026, 2, 1), description="Quà Tết", value=9_000_000,
                      handed_over_on=D(2026, 2, 3)), "Dữ liệu thử", by=None)
    save(JobRotation(unit=unit, person=person, position="Thẩm định giá", held_since=D(2022, 1, 1), period_years=3,
                     due_on=D(2025, 1, 1), current_due=D(2025, 1, 1), done_on=D(2026, 3, 1)), "Dữ liệu thử", by=None)
    save(DeclarationDuty(unit=unit, person=person, year=2025, due_on=D(2025, 12, 31), submitted_on=D(2025, 12, 20),
                         published_on=D(2025, 12, 22), verified_on=D(2026, 4, 1), selected_on=D(2026, 3, 1),
                         result="truthful"), "Dữ liệu thử", by=None)


@pytest.fixture
def registers(db):
    users = {}
    org_demo.load(users)
    anticorruption_demo.load(users)
    declaration_demo.load(users)
    # A 2025 appointment declaration never received: disciplined for another breach of asset control (MS 43.2).
    missing = declarations.add_duty(by=users["vanphong"], person=users["kiemlam.thang"], year=2025, kind="appointment")
    declarations.record_discipline(missing, by=users["vanphong"], discipline="other", disciplined_on=D(2026, 3, 10),
                                   measure="Khiển trách")
    _outside_agency(users)
    return users


def _sql(key, period, units):
    with connection.cursor() as cursor:
        cursor.execute(SQL[key].replace("{units}", ", ".join(str(int(unit)) for unit in units)),
                       {"start": period.start, "end": period.end})
        value = Decimal(str(cursor.fetchone()[0] or 0))
    return value / MILLION if key in MONEY else value


def test_every_indicator_the_registers_feed_is_what_sql_finds(registers, people):
    period, units = resolve_period("year", 2026), agency_unit_ids(people.chief_inspector)
    table = build_table("01/PCTN", period=period, units=units)
    rows = {row.key: row for row in table.rows}
    everywhere = {row.key: row.cells["SỐ LIỆU"].value for row in build_table("01/PCTN", period=period, units=None).rows}
    for key in SQL:
        figure = rows[key].cells["SỐ LIỆU"]
        expected = _sql(key, period, units)
        assert Decimal(str(figure.value)) == expected, f"01/PCTN MS {key}: report {figure.value}, SQL {expected}"
        assert expected > 0, f"MS {key}: the data gives the comparison nothing to compare"
        assert figure.records, f"MS {key}: no record on the traceability sheet"
    # The other agency's records are counted only when every unit is read, never in the department's report.
    assert all(everywhere[key] > rows[key].cells["SỐ LIỆU"].value for key in ("1", "4", "5", "6", "27", "28", "32", "41"))


def test_the_demo_rotation_and_declaration_figures_read_as_the_form_means(registers, people):
    period, units = resolve_period("year", 2026), agency_unit_ids(people.chief_inspector)
    values = {row.key: row.cells["SỐ LIỆU"].value for row in build_table("01/PCTN", period=period, units=units).rows}
    # Rotations: due and not done (2), rotated in the year (1); deferred past the year, due later or done before: out.
    assert (values["31"], values["32"]) == (3, 1)
    # Declared in the year and published by its end: a late 2025 one, two of 2026 received and published.
    assert values["40"] == 4 and values["43"] == values["43.1"] + values["43.2"] == 2
    assert values["28"] == Decimal("5.5")  # 2 + 3.5 million đồng handed over
