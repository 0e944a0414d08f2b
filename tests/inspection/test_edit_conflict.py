"""Two chief inspectors (the chief and a deputy with the same role) edit the same plan or inspection: the second
save is refused with both versions shown, and nothing is lost."""

import pytest

from doctypes.inspection.models import Inspection, InspectionPlan
from tests.inspection.builders import make_inspection, make_plan
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose

CASES = [
    Editing(InspectionPlan, lambda people: make_plan(), "title", "chief_inspector", "chief_inspector+"),
    Editing(Inspection, lambda people: make_inspection(), "title", "chief_inspector", "chief_inspector+"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_an_inspection_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
