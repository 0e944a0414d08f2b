"""An inspection runs through its steps in order, each with its deadline from the rule in force."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.inspection import services
from doctypes.inspection.models import Inspection
from tests.inspection.builders import advance, make_inspection

D = datetime.date
S = Inspection.Step


def test_it_records_the_decision_with_number_signer_and_team(people):
    inspection = make_inspection()
    services.decide_inspection(inspection, by=people.chief_inspector, number="12/QĐ-TTr", decided_on=D(2026, 3, 2),
                               signer="Trần Chánh Thanh", leader=people.inspector, members=[people.chief_inspector])
    inspection.refresh_from_db()
    assert inspection.step == S.DECIDED
    assert {(m.member, m.role) for m in inspection.team.all()} == {(people.inspector, "leader"), (people.chief_inspector, "member")}
    assert inspection.history.first().history_change_reason == "Ra quyết định thanh tra"


def test_it_refuses_steps_out_of_order(people):
    inspection = advance(make_inspection(), S.DECIDED)
    with pytest.raises(ValidationError, match="Không thể thực hiện"):
        services.report_inspection(inspection, by=people.chief_inspector, reported_on=D(2026, 4, 1))
    with pytest.raises(ValidationError):
        services.conclude_inspection(inspection, by=people.chief_inspector, number="1/KL", concluded_on=D(2026, 4, 1), signer="x")


def test_it_counts_fieldwork_in_working_days_from_the_announcement(people):
    """Fieldwork at department level: 30 working days from the announcement (rule marked unconfirmed)."""
    inspection = advance(make_inspection(), S.FIELDWORK, start=D(2026, 3, 2))
    assert inspection.announced_on == D(2026, 3, 5)
    # 30 working days after Thu 5/3/2026, skipping weekends and 27/4 (Giỗ Tổ, 10/3 âm lịch), 30/4, 1/5.
    assert inspection.fieldwork_due == inspection.next_due
    assert inspection.fieldwork_due > D(2026, 4, 15)
    assert "Luật Thanh tra" in inspection.next_due_rule


def test_it_refuses_fieldwork_past_its_duration_without_an_extension_decision(people):
    inspection = advance(make_inspection(), S.FIELDWORK)
    late = inspection.fieldwork_due + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.end_fieldwork(inspection, by=people.chief_inspector, ended_on=late)
    assert "gia hạn" in error.value.message_dict["ended_on"][0]
    inspection.refresh_from_db()
    assert inspection.step == S.FIELDWORK


def test_it_accepts_late_fieldwork_after_an_extension_decision(people):
    inspection = advance(make_inspection(), S.FIELDWORK)
    first_due = inspection.fieldwork_due
    services.extend_fieldwork(inspection, by=people.chief_inspector, decision_number="20/QĐ-TTr", decided_on=first_due)
    assert inspection.fieldwork_due > first_due
    services.end_fieldwork(inspection, by=people.chief_inspector, ended_on=first_due + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):  # the rule allows one extension only
        services.extend_fieldwork(inspection, by=people.chief_inspector, decision_number="x", decided_on=first_due)


def test_it_gives_the_report_15_days_after_fieldwork_under_the_2022_law(people):
    """Luật Thanh tra 2022: report and draft conclusion within 15 days of the end of fieldwork."""
    inspection = advance(make_inspection(year=2024, plan=None, kind="unscheduled", grounds="assignment"),
                         S.FIELDWORK_ENDED, start=D(2024, 3, 4))
    assert inspection.fieldwork_ended_on == D(2024, 3, 24)
    assert inspection.next_due == D(2024, 4, 8)  # 24/3 + 15 = 8/4 (Monday)


def test_it_gives_the_provincial_level_20_days(people):
    inspection = advance(make_inspection(year=2024, plan=None, kind="unscheduled", grounds="assignment", level="provincial"),
                         S.FIELDWORK_ENDED, start=D(2024, 3, 4))
    assert inspection.next_due == D(2024, 4, 15)  # 24/3 + 20 = 13/4 (Saturday) → Monday 15/4


def test_it_needs_no_appraisal_and_gives_the_conclusion_15_days_under_the_2022_law(people):
    """Luật Thanh tra 2022 Art. 78: the conclusion is signed within 15 days of receiving the draft."""
    inspection = advance(make_inspection(year=2024, plan=None, kind="unscheduled", grounds="assignment"),
                         S.REPORTED, start=D(2024, 3, 4))
    assert not inspection.appraisal_required
    assert inspection.next_due == D(2024, 4, 19)  # 3/4 + 15 = 18/4, Giỗ Tổ Hùng Vương → 19/4 (BLDS Art. 148(5))
    with pytest.raises(ValidationError, match="không yêu cầu thẩm định"):
        services.appraise_draft(inspection, by=people.chief_inspector, appraised_on=D(2024, 4, 5))


def test_it_requires_appraisal_of_the_draft_under_the_2025_law(people):
    """Luật Thanh tra 84/2025/QH15: the draft conclusion is appraised before issue."""
    inspection = advance(make_inspection(), S.REPORTED)
    assert inspection.appraisal_required
    with pytest.raises(ValidationError):
        services.conclude_inspection(inspection, by=people.chief_inspector, number="1/KL", concluded_on=D(2026, 5, 1), signer="x")
    advance(inspection, S.PUBLISHED)
    assert inspection.step == S.PUBLISHED and inspection.appraised_on is not None


def test_it_freezes_a_concluded_inspection_and_links_amendments_to_it(people):
    inspection = advance(make_inspection(), S.CONCLUDED)
    with pytest.raises(ValidationError, match="đã kết luận"):
        services.extend_fieldwork(inspection, by=people.chief_inspector, decision_number="x", decided_on=D(2026, 5, 1))
    amendment = services.amend_conclusion(inspection, by=people.chief_inspector, number="07/KL-TTr",
                                          issued_on=D(2026, 6, 1), reason="Sai số liệu", changes="Sửa mục 2")
    assert list(inspection.amendments.all()) == [amendment]


def test_it_lets_only_the_team_and_the_chief_inspector_move_an_inspection(people):
    inspection = advance(make_inspection(), S.DECIDED)
    for user in (people.unit_head, people.office_clerk, people.outsider, people.leader):
        with pytest.raises(PermissionDenied):
            services.announce_inspection(inspection, by=user, announced_on=D(2026, 3, 5))
    services.announce_inspection(inspection, by=people.inspector, announced_on=D(2026, 3, 5))  # team leader
