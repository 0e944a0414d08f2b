"""Two office staff edit the same board record: the second save is refused with both versions shown, nothing lost."""

import pytest

from doctypes.people_board import services
from doctypes.people_board.models import Board, BoardMeeting, BoardTraining, Recommendation
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose
from tests.people_board.builders import days_ago, make_board, make_recommendation


def meeting(people):
    return services.record_meeting(by=people.office_clerk, board=make_board(people), held_on=days_ago(5),
                                   content="Giám sát việc niêm yết TTHC")


def training(people):
    return services.record_training(by=people.office_clerk, board=make_board(people), held_on=days_ago(5),
                                    topic="Kỹ năng giám sát")


CASES = [
    Editing(Board, make_board, "note", "office_clerk", "office_chief"),
    Editing(BoardMeeting, meeting, "content", "office_clerk", "office_chief"),
    Editing(Recommendation, lambda people: make_recommendation(people, make_board(people)), "content", "office_clerk",
            "office_chief"),
    Editing(BoardTraining, training, "topic", "office_clerk", "office_chief"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_board_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
