"""Findings, violations and follow-up actions: progress, verification, closure, recovery, escalation."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.finding import services
from doctypes.finding.models import Action
from doctypes.inspection.models import Inspection
from papi_inspect.models import Notification
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.builders import advance

D = datetime.date


def test_it_records_a_finding_with_its_legal_basis_and_history(people):
    finding = make_finding()
    assert (finding.legal_document, finding.legal_article, finding.legal_clause) == ("Thông tư 12/2025/TT-BTC", "5", "2")
    assert finding.history.first().history_change_reason == "Ghi nhận phát hiện"


def test_it_never_lets_the_subject_unit_record_or_edit_findings(people):
    inspection = make_finding().inspection
    for user in (people.unit_head, people.unit_staff, people.outsider):
        with pytest.raises(PermissionDenied):
            make_finding(inspection=inspection, by=user)


def test_it_refuses_a_recommendation_due_before_the_conclusion(people):
    finding = make_finding()
    advance(finding.inspection, Inspection.Step.CONCLUDED)
    concluded_on = finding.inspection.concluded_on
    with pytest.raises(ValidationError) as error:
        make_action(finding, due_on=concluded_on - datetime.timedelta(days=1))
    assert "due_on" in error.value.message_dict
    assert not Action.objects.filter(finding=finding).exists()


def test_it_refuses_to_conclude_while_a_recommendation_is_due_before_the_conclusion(people):
    finding = make_finding()
    make_action(finding, due_on=D(2026, 4, 2))
    with pytest.raises(ValidationError):
        advance(finding.inspection, Inspection.Step.CONCLUDED)


def test_it_freezes_findings_of_a_concluded_inspection(people):
    finding = make_finding()
    advance(finding.inspection, Inspection.Step.CONCLUDED)
    with pytest.raises(ValidationError, match="đã kết luận"):
        make_violation(finding)


def test_it_flags_a_violation_repeated_by_the_same_unit_within_24_months(people):
    finding = make_finding()
    first = make_violation(finding, committed_on=D(2024, 6, 1))
    repeat = make_violation(finding, committed_on=D(2026, 5, 1))
    other_unit = make_violation(finding, committed_on=D(2026, 5, 1), responsible_unit=finding.inspection.owner)
    assert not first.repeated and repeat.repeated and not other_unit.repeated


def test_it_does_not_flag_a_violation_older_than_24_months(people):
    finding = make_finding()
    make_violation(finding, committed_on=D(2023, 1, 1))
    assert not make_violation(finding, committed_on=D(2026, 5, 1)).repeated


def test_it_tracks_amounts_recovered_against_amounts_due_through_progress(people):
    finding = make_finding()
    violation = make_violation(finding)
    action = make_action(finding, violation=violation)
    services.report_action_progress(action, by=people.unit_staff, reported_on=D(2026, 5, 1), note="Đã nộp 1 phần",
                                    amount_recovered=Decimal(5_000_000))
    services.report_action_progress(action, by=people.unit_head, reported_on=D(2026, 6, 1), note="Nộp tiếp",
                                    amount_recovered=Decimal(3_000_000))
    violation.refresh_from_db()
    assert violation.amount_recovered == Decimal(8_000_000)
    assert violation.amount_outstanding == Decimal(12_000_000)
    assert action.progress.count() == 2


def test_it_lets_only_the_owner_unit_report_progress(people):
    action = make_action(make_finding())
    for user in (people.outsider, people.office_clerk):
        with pytest.raises(PermissionDenied):
            services.report_action_progress(action, by=user, reported_on=D(2026, 5, 1), note="x")


def test_it_refuses_to_close_an_action_without_verification(people):
    action = make_action(make_finding())
    services.report_action_progress(action, by=people.unit_staff, reported_on=D(2026, 5, 1), note="Xong")
    with pytest.raises(ValidationError, match="xác nhận"):
        services.close_action(action, by=people.inspector, closed_on=D(2026, 5, 2))
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS


def test_it_closes_an_action_verified_by_the_inspector_but_not_by_the_unit(people):
    action = make_action(make_finding())
    services.report_action_progress(action, by=people.unit_staff, reported_on=D(2026, 5, 1), note="Xong")
    with pytest.raises(PermissionDenied):
        services.verify_action(action, by=people.unit_head, verified_on=D(2026, 5, 2))
    services.verify_action(action, by=people.inspector, verified_on=D(2026, 5, 2), note="Đã đối chiếu chứng từ")
    services.close_action(action, by=people.inspector, closed_on=D(2026, 5, 3))
    action.refresh_from_db()
    assert action.status == Action.Status.CLOSED
    assert [h.history_change_reason for h in action.history.all()][:3] == [
        "Hoàn thành kiến nghị", "Kiểm tra, xác nhận kết quả", "Báo cáo tiến độ"]


def test_it_escalates_an_overdue_action_to_the_unit_head_and_leadership_once(people):
    action = make_action(make_finding(), due_on=D(2026, 5, 1))
    assert services.escalate_overdue_actions(today=D(2026, 5, 4)) == 1
    services.escalate_overdue_actions(today=D(2026, 5, 5))
    recipients = set(Notification.objects.filter(key=f"finding.action.overdue.{action.pk}").values_list("recipient__username", flat=True))
    assert recipients == {people.unit_head.username, people.leader.username}
    assert Notification.objects.filter(key=f"finding.action.overdue.{action.pk}").count() == 2
    action.refresh_from_db()
    assert action.escalated_on == D(2026, 5, 4)


def test_it_does_not_escalate_a_closed_or_not_yet_due_action(people):
    make_action(make_finding(), due_on=D(2026, 9, 1))
    assert services.escalate_overdue_actions(today=D(2026, 5, 4)) == 0
