"""Two office staff edit the same checklist, check or result: the second save is refused with both versions shown,
and nothing is lost."""

import pytest

from doctypes.discipline_check import services
from doctypes.discipline_check.models import CheckResult, ChecklistTemplate, DisciplineCheck
from tests.discipline_check.builders import make_check, make_template
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose, assert_two_api_editors, signed_in


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


def test_two_api_editors_of_a_check_and_a_reader_who_may_not_edit(people):
    url = f"/api/v1/discipline-checks/{make_check().pk}/"
    assert_two_api_editors(url, people.office_clerk, people.office_chief, "summary")
    inspector = signed_in(people.inspector)
    assert inspector.patch(url, {"summary": "Thanh tra viên sửa"}, content_type="application/json").status_code in (403, 404)
