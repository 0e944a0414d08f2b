"""Two inspectors edit the same petition, complaint case or denunciation in the back office: the second save is
refused with both versions, the first one's change stays, the second's text is kept in the form."""

import pytest

from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from tests.complaint_case.builders import make_complaint, make_denunciation, make_petition
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose

CASES = [
    Editing(Petition, lambda people: make_petition(people.inspector, handler=people.inspector), "matter",
            "inspector", "chief_inspector"),
    Editing(ComplaintCase, lambda people: make_complaint(people.inspector, handler=people.inspector), "complained_act",
            "inspector", "chief_inspector"),
    Editing(Denunciation, lambda people: make_denunciation(people.inspector, handler=people.inspector), "subject",
            "inspector", "chief_inspector"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_case(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
