"""Two inspectors edit the same dialogue or commitment: the second save is refused with both versions shown."""

import pytest

from doctypes.dialogue.models import Commitment, Dialogue
from tests.dialogue.builders import make_dialogue
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose


def commitment(people):
    return make_dialogue(people, commitments=[("Nạo vét kênh N5", "snnmt-ccthuyloi", -10)]).commitments.get()


CASES = [
    Editing(Dialogue, lambda people: make_dialogue(people, commitments=[]), "result", "inspector", "chief_inspector"),
    Editing(Commitment, commitment, "content", "inspector", "chief_inspector"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_dialogue_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
