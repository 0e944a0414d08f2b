"""Two office staff edit the same procedure, review or late-handling figure: the second save is refused with both
versions shown, and nothing is lost."""

import pytest

from doctypes.procedure_review import services
from doctypes.procedure_review.models import LateHandlingStat, Procedure, ProcedureReview
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose, assert_two_api_editors, signed_in
from tests.procedure_review.test_import import D, make_procedure


def review(people):
    return services.review_procedure(make_procedure(), by=people.office_clerk, reviewed_on=D(2026, 10, 1),
                                     summary="Bỏ bản sao CCCD", proposals=[("simplify", "Bỏ bản sao CCCD")])


def late_stat(people):
    return LateHandlingStat.objects.create(procedure=make_procedure(), period_from=D(2026, 1, 1), period_to=D(2026, 3, 31),
                                           received=1200, on_time=1150, late=50, imported_by=people.office_clerk)


CASES = [
    Editing(Procedure, lambda people: make_procedure(), "name", "office_clerk", "office_chief"),
    Editing(ProcedureReview, review, "summary", "office_clerk", "office_chief"),
    Editing(LateHandlingStat, late_stat, "received", "office_clerk", "office_chief", texts=("1234", "1567")),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_procedure_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)


def test_two_api_editors_of_a_review_and_a_reader_who_may_not_edit(people):
    url = f"/api/v1/procedure-reviews/{review(people).pk}/"
    assert_two_api_editors(url, people.office_clerk, people.office_chief, "summary")
    leader = signed_in(people.leader)
    assert leader.patch(url, {"summary": "Lãnh đạo sửa"}, content_type="application/json").status_code == 403
