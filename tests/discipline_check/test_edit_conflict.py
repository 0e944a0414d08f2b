"""Two office staff edit the same checklist, check or result: the second save is refused with both versions shown,
and nothing is lost."""

import pytest

from doctypes.discipline_check import services
from doctypes.discipline_check.models import CheckResult, ChecklistTemplate, DisciplineCheck
from tests.discipline_check.builders import make_check, make_template
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose


def result(people):
    check = make_check()
    item = check.template.items.order_by("order").first()
    return services.record_results(check, by=people.office_clerk, results=[(item, "fail", "Đi muộn 15 phút", None)])[0]


CASES = [
    Editing(ChecklistTemplate, lambda people: make_template(), "name", "office_clerk", "office_chief"),
    Editing(DisciplineCheck, lambda people: make_check(), "summary", "office_clerk", "office_chief"),
    Editing(CheckResult, result, "note", "office_clerk", "office_chief"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_discipline_check_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
