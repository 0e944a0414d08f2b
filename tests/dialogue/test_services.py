"""The dialogue register through its services: the inspectorate keeps it, a leader chairs, commitments follow the day."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.dialogue import services
from doctypes.dialogue.models import Dialogue
from tests.dialogue.builders import days_ago, make_dialogue, unit


def test_the_inspectorate_records_a_dialogue_with_its_commitments(people):
    dialogue = make_dialogue(people)
    assert dialogue.commitments.get().owner_unit.code == "snnmt-ccthuyloi"
    assert list(dialogue.papi.values_list("code", flat=True)) == ["3"]
    entry = dialogue.history.first()
    assert entry.history_change_reason == "Ghi cuộc đối thoại với người dân" and entry.history_user == people.inspector


def test_a_dialogue_with_citizens_is_chaired_by_a_leader_and_commitments_fall_due_after_it(people):
    with pytest.raises(ValidationError) as error:
        services.hold_dialogue(by=people.inspector, held_on=days_ago(5), leader=people.inspector, unit=unit("snnmt-ttr"),
                               topic="Đối thoại về bồi thường")
    assert "Lãnh đạo Sở chủ trì" in error.value.message_dict["leader"][0]
    with pytest.raises(ValidationError) as error:
        make_dialogue(people, commitments=[("Trả lời bà Lụa", "snnmt-vp", 40)])
    assert "không được trước ngày đối thoại" in error.value.message_dict["due_on"][0]
    assert not Dialogue.objects.exists()


@pytest.mark.parametrize("who", ["office_clerk", "unit_head", "leader", "outsider"])
def test_only_the_inspectorate_keeps_the_register(people, who):
    with pytest.raises(PermissionDenied):
        services.hold_dialogue(by=getattr(people, who), held_on=days_ago(5), leader=people.leader, unit=unit("snnmt-ttr"),
                               topic="Đối thoại")
    assert not Dialogue.objects.exists()


def test_a_commitment_is_followed_up_then_met_once(people):
    commitment = make_dialogue(people).commitments.get()
    services.follow_up(commitment, by=people.inspector, on=days_ago(20), note="Nhắc Chi cục Thủy lợi")
    services.record_result(commitment, by=people.inspector, done_on=days_ago(12), result="Đã nạo vét 1,2 km")
    commitment.refresh_from_db()
    assert commitment.done_on == days_ago(12) and commitment.follow_ups.count() == 1
    with pytest.raises(ValidationError):
        services.record_result(commitment, by=people.inspector, done_on=days_ago(1), result="Lần nữa")
