"""Pre-filled figures: a registry of providers by PAPI dimension; absent doctypes give no figure, never a made-up 0."""

import datetime

import pytest
from django.apps import apps

from doctypes.papi import figures
from doctypes.papi.figure_providers import records_of
from doctypes.papi.services import prefill_figures, start_unit_report
from tests.papi.builders import make_plan, unit

pytestmark = pytest.mark.django_db


def test_it_leaves_out_a_figure_whose_doctype_or_field_does_not_exist():
    args = {"unit_ids": {1}, "start": datetime.date(2026, 1, 1), "end": datetime.date(2026, 3, 31)}
    assert records_of("nosuch.Model", unit="unit", date="on", **args) is None
    assert records_of("papi.Plan", unit="owner", date="no_such_date", **args) is None


def test_it_adds_a_registered_provider_to_the_units_report(people):
    @figures.register("test_tasks", dimension="8", label="Nhiệm vụ thử", source="tests")
    def provider(unit_ids, start, end):
        return len(unit_ids) if start == datetime.date(2026, 4, 1) and end == datetime.date(2026, 6, 30) else -1

    try:
        plan = make_plan()
        report = start_unit_report(plan, unit=unit("snnmt-ccthuyloi"), year=2026, quarter=2, by=people.unit_staff)
        assert {"key": "test_tasks", "label": "Nhiệm vụ thử", "value": 1, "source": "tests"} in report.figures["8"]
    finally:
        figures._REGISTRY.pop("test_tasks")


def test_it_counts_the_procedures_the_office_reviewed_in_the_quarter(people):
    procedure_model = apps.get_model("procedure_review.Procedure")
    review_model = apps.get_model("procedure_review.ProcedureReview")
    procedure = procedure_model.objects.create(code="TTHC-1", name="Cấp phép xả thải", field="Thủy lợi", processing_days=10)
    review_model.objects.create(procedure=procedure, reviewed_on=datetime.date(2026, 2, 10), reviewer=people.office_clerk)
    review_model.objects.create(procedure=procedure, reviewed_on=datetime.date(2026, 5, 10), reviewer=people.office_clerk)
    rows = {row["key"]: row["value"] for row in prefill_figures(unit("snnmt-vp"), 2026, 1).get("5", [])}
    assert rows["procedures_reviewed"] == 1
    assert prefill_figures(unit("snnmt-ccthuyloi"), 2026, 1)["5"][0]["value"] == 0


def test_it_resolves_every_shipped_provider_against_the_installed_doctypes():
    """Receptions, petitions, cases, inspections, checks, closed actions and procedure reviews all count (no None)."""
    values = {p.key: p.compute({unit("snnmt-ttr").pk}, datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
              for p in figures.providers()}
    assert {"citizen_receptions", "petitions_on_time", "inspections_concluded", "actions_closed", "procedures_reviewed"} <= set(values)
    assert [key for key, value in values.items() if value is None] == []


def test_environmental_governance_counts_findings_linked_to_dimension_7_once_each(people):
    """PAPI 7 (quản trị môi trường) from the findings linked to 7 or its sub-dimensions, each once, in the unit and quarter."""
    from doctypes.papi.models import Dimension
    from tests.finding.builders import make_finding

    water, air = Dimension.objects.get(code="7.3"), Dimension.objects.get(code="7.2")
    both = make_finding(title="Xả nước thải chưa qua xử lý ra kênh", recorded_on=datetime.date(2026, 4, 2))
    both.papi_dimensions.add(water, air)
    make_finding(title="Chi sai định mức", recorded_on=datetime.date(2026, 4, 3))  # not an environmental finding
    later = make_finding(title="Đốt rơm rạ gây khói", recorded_on=datetime.date(2026, 7, 2))
    later.papi_dimensions.add(air)
    rows = {row["key"]: row["value"] for row in prefill_figures(unit("snnmt-ccthuyloi"), 2026, 2)["7"]}
    assert rows["environment_findings"] == 1
    assert rows["environment_inspections_concluded"] == 0
    assert {row["key"]: row["value"] for row in prefill_figures(unit("snnmt-ttr"), 2026, 2)["7"]}["environment_findings"] == 0
