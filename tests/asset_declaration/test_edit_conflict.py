"""Two editors of the same declaration duty or rule: the second save is refused with both versions, nothing is lost."""

import pytest

from doctypes.asset_declaration import services
from doctypes.asset_declaration.models import DeclarationDuty, DeclarationRule, DeclaringPosition
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose


def duty(people):
    return services.add_duty(by=people.office_clerk, person=people.unit_staff, year=2026)


CASES = [
    Editing(DeclarationDuty, duty, "position", "office_clerk", "office_chief"),
    Editing(DeclarationRule, lambda people: DeclarationRule.objects.order_by("valid_from").first(), "citation",
            "office_chief", "admin"),
    Editing(DeclaringPosition, lambda people: DeclaringPosition.objects.first(), "citation", "office_chief", "admin"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_declaration_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
