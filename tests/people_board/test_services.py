"""The board's register through its services: the office keeps it, terms bound the dates, a result closes a recommendation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.people_board import services
from doctypes.people_board.models import BoardMeeting, Recommendation
from tests.people_board.builders import days_ago, make_board, make_recommendation, unit


def test_the_office_records_a_board_its_meetings_and_the_training_its_members_received(people):
    board = make_board(people)
    meeting = services.record_meeting(by=people.office_clerk, board=board, held_on=days_ago(20),
                                      content="Giám sát việc công khai dự toán của Phòng KH-TC")
    training = services.record_training(by=people.office_clerk, board=board, held_on=days_ago(15), topic="Kỹ năng giám sát",
                                        organiser="Thanh tra tỉnh", attendees=list(board.members.all()))
    assert board.members.count() == 2 and training.attendees.count() == 2
    assert sorted(board.papi.values_list("code", flat=True)) == ["1", "3"]
    entry = meeting.history.first()
    assert entry.history_change_reason == "Ghi cuộc họp Ban TTND" and entry.history_user == people.office_clerk


def test_a_meeting_or_recommendation_outside_the_term_is_refused_with_the_reason(people):
    board = make_board(people, start=100, end=50)
    with pytest.raises(ValidationError) as error:
        services.record_meeting(by=people.office_clerk, board=board, held_on=days_ago(20), content="Họp")
    assert "ngoài nhiệm kỳ" in error.value.message_dict["held_on"][0]
    with pytest.raises(ValidationError) as error:
        make_recommendation(people, board, made=60, due=70)
    assert "không được trước ngày kiến nghị" in error.value.message_dict["due_on"][0]
    with pytest.raises(ValidationError) as error:
        services.set_up_board(by=people.office_clerk, unit=board.unit, term_from=days_ago(60), term_to=days_ago(10))
    assert "đã có Ban Thanh tra nhân dân" in error.value.message_dict["term_from"][0]


@pytest.mark.parametrize("who", ["inspector", "unit_head", "leader", "outsider"])
def test_only_the_office_keeps_the_register(people, who):
    board = make_board(people)
    with pytest.raises(PermissionDenied):
        services.record_recommendation(by=getattr(people, who), board=board, made_on=days_ago(5), content="Kiến nghị",
                                       owner_unit=unit("snnmt-ccthuyloi"), due_on=days_ago(-30))
    assert not Recommendation.objects.exists()
    with pytest.raises(PermissionDenied):
        services.set_up_board(by=getattr(people, who), unit=unit("snnmt-ttkn"), term_from=days_ago(10), term_to=days_ago(-700))


def test_a_recommendation_is_followed_up_then_closed_once_with_its_result(people):
    recommendation = make_recommendation(people, make_board(people))
    services.follow_up(recommendation, by=people.office_clerk, on=days_ago(20), note="Đã gửi công văn đôn đốc Chi cục")
    services.record_result(recommendation, by=people.office_clerk, done_on=days_ago(5), result="Đã niêm yết lịch lấy nước")
    recommendation.refresh_from_db()
    assert recommendation.done_on == days_ago(5) and recommendation.follow_ups.count() == 1
    with pytest.raises(ValidationError):
        services.record_result(recommendation, by=people.office_clerk, done_on=days_ago(1), result="Lần nữa")


def test_an_owner_outside_the_department_is_refused(people):
    with pytest.raises(ValidationError) as error:
        make_recommendation(people, make_board(people), owner="stc-vp")
    assert "thuộc Sở" in error.value.message_dict["owner_unit"][0]
    assert not BoardMeeting.objects.exists()
