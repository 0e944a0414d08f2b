"""Two staff of the publishing unit correct the same entry: the second save is refused with both versions shown."""

import pytest

from doctypes.publication.models import Publication
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose
from tests.publication.builders import make_publication

CASES = [Editing(Publication, lambda people: make_publication(people.unit_staff), "note", "unit_staff", "unit_head")]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_publication(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
