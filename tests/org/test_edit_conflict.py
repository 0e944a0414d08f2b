"""Two system administrators edit the same unit or staff profile: the second save is refused, nothing is lost."""

import pytest

from doctypes.org.models import StaffProfile, Unit
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose

CASES = [
    Editing(Unit, lambda people: Unit.objects.get(code="snnmt-ccthuyloi"), "name", "admin", "admin+"),
    Editing(StaffProfile, lambda people: people.unit_staff.staff_profile, "position", "admin", "admin+"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_an_org_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
