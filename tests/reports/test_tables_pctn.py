"""anti_corruption_facts: inspections on anti-corruption, violations, amounts, denunciations, publications."""

import datetime
from decimal import Decimal

from doctypes.finding import services as finding_services
from doctypes.inspection.models import Inspection
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.pctn import anti_corruption_facts
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.builders import advance, make_inspection

D = datetime.date
S = Inspection.Step
YEAR = resolve_period("year", 2025)


def test_it_counts_anti_corruption_inspections_violations_amounts_and_publications(people):
    inspection = advance(make_inspection(year=2025, kind="unscheduled", grounds="anti_corruption", plan=None),
                         S.REPORTED, start=D(2025, 3, 2))
    finding = make_finding(inspection=inspection, recorded_on=D(2025, 4, 1))
    violation = make_violation(finding, amount_to_recover=Decimal(30_000_000))
    advance(inspection, S.PUBLISHED, start=D(2025, 3, 2))
    action = make_action(finding, violation=violation, due_on=D(2025, 9, 30))
    finding_services.report_action_progress(action, by=people.unit_head, reported_on=D(2025, 6, 1), note="Đã nộp",
                                            amount_recovered=Decimal(10_000_000))
    advance(make_inspection(year=2025, title="Thanh tra thường"), S.PUBLISHED, start=D(2025, 3, 2))

    facts = anti_corruption_facts(YEAR, agency_unit_ids(people.chief_inspector))
    assert (facts["inspections"].value, facts["inspections_concluded"].value, facts["violations"].value) == (1, 1, 1)
    assert facts["amount_to_recover"].value == Decimal(30) and facts["amount_recovered"].value == Decimal(10)
    assert facts["publications"].value == 2
    assert facts["violations"].records[0].pk == violation.pk
    outsider = anti_corruption_facts(YEAR, agency_unit_ids(people.outsider))
    assert all(figure.value == 0 and figure.records == () for figure in outsider.values())
