"""Complaint cases: acceptance (Luật Khiếu nại 2011 Art. 27), resolution (Art. 28, Art. 37), steps."""

import pytest
from django.core.exceptions import ValidationError

from doctypes.complaint_case.models import ComplaintCase
from doctypes.complaint_case.services import complaint as complaints
from papi_inspect.deadlines import compute_deadline
from tests.complaint_case.builders import days_ago, make_complaint


def test_it_sets_the_acceptance_deadline_from_receipt_art_27(people):
    case = make_complaint(people.inspector)
    assert case.accept_due == compute_deadline("complaint.accept", case.received_on).due
    assert case.status == ComplaintCase.Status.RECEIVED
    assert set(case.papi.values_list("code", flat=True)) == {"3.2"}


@pytest.mark.parametrize("complex_, remote, length", [(False, False, 30), (True, False, 45), (False, True, 45), (True, True, 60)])
def test_it_sets_first_instance_resolution_30_45_or_45_60_remote_art_28(people, complex_, remote, length):
    case = make_complaint(people.inspector, is_complex=complex_, is_remote=remote)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    case.refresh_from_db()
    deadline = compute_deadline("complaint.resolve", case.accepted_on, complex=complex_, remote=remote)
    assert deadline.length == length and case.resolve_due == deadline.due


@pytest.mark.parametrize("complex_, remote, length", [(False, False, 45), (True, False, 60), (False, True, 60), (True, True, 70)])
def test_it_sets_second_instance_resolution_45_60_or_60_70_remote_art_37(people, complex_, remote, length):
    case = make_complaint(people.inspector, level=2, is_complex=complex_, is_remote=remote)
    assert case.accept_due == compute_deadline("complaint.accept_second", case.received_on).due
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    case.refresh_from_db()
    deadline = compute_deadline("complaint.resolve_second", case.accepted_on, complex=complex_, remote=remote)
    assert deadline.length == length and case.resolve_due == deadline.due


def test_it_refuses_an_acceptance_before_receipt_in_vietnamese(people):
    case = make_complaint(people.inspector)
    with pytest.raises(ValidationError) as error:
        complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(41))
    assert "không được trước ngày nhận đơn" in error.value.message_dict["accepted_on"][0]
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.RECEIVED and case.accepted_on is None


def test_it_refuses_to_decide_before_verifying(people):
    case = make_complaint(people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    with pytest.raises(ValidationError, match="Chưa xác minh"):
        complaints.decide_complaint(case, by=people.inspector, decided_on=days_ago(1), decision_number="01/QĐ",
                                    result="upheld", conclusion="Giữ nguyên")


def test_it_requires_dialogue_before_a_second_instance_decision(people):
    case = make_complaint(people.inspector, level=2)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    complaints.record_verification(case, by=people.inspector, verified_on=days_ago(20), result="Đúng một phần")
    with pytest.raises(ValidationError, match="bắt buộc phải đối thoại"):
        complaints.decide_complaint(case, by=people.inspector, decided_on=days_ago(1), decision_number="02/QĐ",
                                    result="amended", conclusion="Sửa một phần")
    complaints.record_dialogue(case, by=people.inspector, held_on=days_ago(10), result="Hai bên thống nhất")
    complaints.decide_complaint(case, by=people.inspector, decided_on=days_ago(1), decision_number="02/QĐ",
                                result="amended", conclusion="Sửa một phần")
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.DECIDED and case.current_due is None
    reasons = list(case.history.values_list("history_change_reason", flat=True))
    assert "Ra quyết định giải quyết khiếu nại" in reasons and "Ghi kết quả đối thoại" in reasons


def test_it_lets_a_first_instance_case_be_decided_without_dialogue(people):
    case = make_complaint(people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    complaints.record_verification(case, by=people.inspector, verified_on=days_ago(20), result="Không có cơ sở")
    complaints.decide_complaint(case, by=people.inspector, decided_on=days_ago(2), decision_number="03/QĐ",
                                result="upheld", conclusion="Giữ nguyên")
    assert ComplaintCase.objects.get(pk=case.pk).decision_number == "03/QĐ"


def test_it_refuses_a_dialogue_before_verification(people):
    case = make_complaint(people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    with pytest.raises(ValidationError, match="Phải xác minh trước"):
        complaints.record_dialogue(case, by=people.inspector, held_on=days_ago(3), result="x")
