"""Two chief inspectors (the chief and a deputy with the same role) edit the same plan or inspection: the second
save is refused with both versions shown, and nothing is lost."""

import pytest

from doctypes.inspection.models import Inspection, InspectionPlan
from tests.inspection.builders import make_inspection, make_plan
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose, assert_two_api_editors, person, signed_in

CASES = [
    Editing(InspectionPlan, lambda people: make_plan(), "title", "chief_inspector", "chief_inspector+"),
    Editing(Inspection, lambda people: make_inspection(), "title", "chief_inspector", "chief_inspector+"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_an_inspection_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)


def test_two_api_editors_of_an_inspection_and_a_reader_who_may_not_edit(people):
    inspection = make_inspection()
    url = f"/api/v1/inspections/{inspection.pk}/"
    assert_two_api_editors(url, people.chief_inspector, person(people, "chief_inspector+"), "scope")
    unit_head = signed_in(people.unit_head)
    assert unit_head.patch(url, {"scope": "Đơn vị được thanh tra tự sửa"}, content_type="application/json").status_code in (403, 404)
