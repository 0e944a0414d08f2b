"""Two office staff correct the same quarter's result: the second save is refused with both versions shown."""

import pytest

from doctypes.satisfaction.models import SatisfactionResult
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose
from tests.satisfaction.builders import make_result

CASES = [Editing(SatisfactionResult, lambda people: make_result(people.office_clerk), "note", "office_clerk", "office_chief")]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_satisfaction_result(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
