"""The annual inspection plan: drafted by the Chánh Thanh tra, due by the rule in force, overlap flags."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.inspection import services
from doctypes.inspection.models import Inspection, InspectionPlan
from doctypes.inspection.planning import plan_warnings
from tests.inspection.builders import advance, make_inspection, make_plan, unit

D = datetime.date


def test_it_dates_the_plan_due_on_20_december_of_the_year_before_under_the_2022_law(people):
    """Luật Thanh tra 2022: the annual plan is issued by 20/12 (20/12/2024 is a Friday)."""
    plan = make_plan(year=2025)
    assert plan.due_on == D(2024, 12, 20)
    assert plan.history.first().history_change_reason == "Lập kế hoạch thanh tra năm"


def test_it_moves_a_20_december_falling_on_sunday_to_the_next_working_day(people):
    """BLDS Art. 148(5): 20/12/2026 is a Sunday, so the plan for 2027 is due on Monday 21/12/2026."""
    assert services.plan_due_date(2027) == D(2026, 12, 21)


def test_it_lets_only_the_chief_inspector_draft_a_plan(people):
    with pytest.raises(PermissionDenied):
        services.draft_inspection_plan(owner=unit("snnmt-ttr"), year=2026, title="x", by=people.inspector, drafted_on=D(2025, 11, 1))


def test_it_refuses_a_second_plan_for_the_same_year(people):
    make_plan(year=2026)
    with pytest.raises(ValidationError):
        services.draft_inspection_plan(owner=unit("snnmt-ttr"), year=2026, title="x", by=people.chief_inspector, drafted_on=D(2025, 11, 1))


def test_it_approves_a_plan_with_inspections(people):
    plan = make_plan(year=2026)
    with pytest.raises(ValidationError):
        services.approve_inspection_plan(plan, by=people.chief_inspector, approved_by="Giám đốc", approved_on=D(2025, 12, 18), number="1/KH")
    make_inspection(year=2026)
    services.approve_inspection_plan(plan, by=people.chief_inspector, approved_by="Giám đốc", approved_on=D(2025, 12, 18), number="1/KH")
    plan.refresh_from_db()
    assert plan.status == InspectionPlan.Status.APPROVED


def test_it_refuses_an_unscheduled_inspection_without_grounds(people):
    with pytest.raises(ValidationError) as error:
        make_inspection(plan=None, kind=Inspection.Kind.UNSCHEDULED)
    assert "grounds" in error.value.message_dict


def test_it_adds_an_unscheduled_inspection_with_its_grounds(people):
    inspection = make_inspection(plan=None, kind=Inspection.Kind.UNSCHEDULED, grounds=Inspection.Grounds.DENUNCIATION,
                                 case_reference="TC-2026-004")
    assert inspection.grounds == "denunciation"


def test_it_flags_a_unit_inspected_in_each_of_the_last_three_years(people):
    for year in (2023, 2024, 2025):
        earlier = make_inspection(year=year, subject="snnmt-cckiemlam", plan=None, kind=Inspection.Kind.UNSCHEDULED,
                                  grounds=Inspection.Grounds.ASSIGNMENT)
        advance(earlier, Inspection.Step.DECIDED)
    advance(make_inspection(year=2025, subject="snnmt-cccnty"), Inspection.Step.DECIDED)
    flagged = make_inspection(year=2026, subject="snnmt-cckiemlam")
    fine = make_inspection(year=2026, subject="snnmt-cccnty")
    warnings = plan_warnings(make_plan(year=2026))
    assert "liên tục 3 năm" in warnings[flagged.pk][0]
    assert fine.pk not in warnings


def test_it_approves_a_plan_from_the_back_office_action_only_for_the_chief_inspector(client, people):
    from tests.base import client_for

    plan = make_plan(year=2026)
    make_inspection(year=2026)
    body = {"action": "approve_selected", "_selected_action": [plan.pk]}
    client_for(client, people.inspector).post("/admin/inspection/inspectionplan/", body)
    plan.refresh_from_db()
    assert plan.status == InspectionPlan.Status.DRAFT
    client_for(client, people.chief_inspector).post("/admin/inspection/inspectionplan/", body)
    plan.refresh_from_db()
    assert plan.status == InspectionPlan.Status.APPROVED


def test_it_flags_in_next_years_plan_a_unit_with_a_repeated_violation(people):
    from tests.finding.builders import make_finding, make_violation

    finding = make_finding(inspection=advance(make_inspection(year=2025, subject="snnmt-cccnty"), Inspection.Step.REPORTED,
                                              start=D(2025, 8, 4)), unit=unit("snnmt-cccnty"), recorded_on=D(2025, 9, 20))
    make_violation(finding, responsible_unit=unit("snnmt-cccnty"), committed_on=D(2024, 10, 1))
    assert make_violation(finding, responsible_unit=unit("snnmt-cccnty"), committed_on=D(2025, 9, 1)).repeated
    planned = make_inspection(year=2026, subject="snnmt-cccnty")
    assert "tái phạm" in plan_warnings(make_plan(year=2026))[planned.pk][0]


def test_it_links_an_unscheduled_inspection_to_the_denunciation_it_follows(people, monkeypatch):
    from cryptography.fernet import Fernet

    from tests.complaint_case.builders import make_denunciation

    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    case = make_denunciation(people.inspector)
    inspection = make_inspection(plan=None, kind=Inspection.Kind.UNSCHEDULED, grounds=Inspection.Grounds.DENUNCIATION,
                                 denunciation=case)
    assert list(case.inspections.all()) == [inspection]


def test_it_refuses_a_complaint_or_denunciation_inspection_without_its_case(people):
    with pytest.raises(ValidationError) as error:
        make_inspection(plan=None, kind=Inspection.Kind.UNSCHEDULED, grounds=Inspection.Grounds.COMPLAINT)
    assert "case_reference" in error.value.message_dict


def test_it_refuses_a_case_that_does_not_match_the_grounds(people, monkeypatch):
    from cryptography.fernet import Fernet

    from tests.complaint_case.builders import make_denunciation

    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    case = make_denunciation(people.inspector)
    with pytest.raises(ValidationError) as error:
        make_inspection(plan=None, kind=Inspection.Kind.UNSCHEDULED, grounds=Inspection.Grounds.COMPLAINT, denunciation=case)
    assert "denunciation" in error.value.message_dict
