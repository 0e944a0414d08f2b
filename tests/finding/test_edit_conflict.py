"""Two chief inspectors edit the same finding, violation or action, and two people of the owner unit the same
progress report: the second save is refused with both versions shown, and nothing is lost."""

import datetime

import pytest

from doctypes.finding import services
from doctypes.finding.models import Action, ActionProgress, Finding, Violation
from tests.finding.builders import make_action, make_finding, make_violation
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose, assert_two_api_editors, person, signed_in


def progress(people):
    action = make_action(make_finding())
    return services.report_action_progress(action, by=people.unit_staff, reported_on=datetime.date(2026, 5, 4),
                                           note="Đã họp rút kinh nghiệm, ông Trần Văn Ba nhận khuyết điểm")


CASES = [
    Editing(Finding, lambda people: make_finding(), "condition", "chief_inspector", "chief_inspector+"),
    Editing(Violation, lambda people: make_violation(make_finding()), "kind", "chief_inspector", "chief_inspector+"),
    Editing(Action, lambda people: make_action(make_finding()), "description", "chief_inspector", "chief_inspector+"),
    Editing(ActionProgress, progress, "note", "unit_staff", "unit_head"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_finding_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)


def test_two_api_editors_of_a_finding_and_a_reader_who_may_not_edit(people):
    finding = make_finding()
    url = f"/api/v1/findings/{finding.pk}/"
    assert_two_api_editors(url, people.chief_inspector, person(people, "chief_inspector+"), "condition")
    leader = signed_in(people.leader)
    assert leader.patch(url, {"condition": "Lãnh đạo sửa"}, content_type="application/json").status_code == 403


def test_two_api_editors_of_a_violation_and_an_action(people):
    finding = make_finding()
    violation, action = make_violation(finding), make_action(finding)
    deputy = person(people, "chief_inspector+")
    assert_two_api_editors(f"/api/v1/violations/{violation.pk}/", people.chief_inspector, deputy, "responsible_person",
                           texts=("Ông Trần Văn Một, kế toán trưởng", "Bà Lê Thị Hai, thủ quỹ"))
    assert_two_api_editors(f"/api/v1/follow-up-actions/{action.pk}/", people.chief_inspector, deputy, "description")
    unit_staff = signed_in(people.unit_staff)  # the owner unit reports progress on the action, never rewords it
    assert unit_staff.patch(f"/api/v1/follow-up-actions/{action.pk}/", {"description": "Đơn vị tự sửa"},
                            content_type="application/json").status_code == 403
