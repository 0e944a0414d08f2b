"""Two inspectors edit the same petition, complaint case or denunciation in the back office: the second save is
refused with both versions, the first one's change stays, the second's text is kept in the form."""

import pytest

from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.complaint_case.services import complaint as complaints
from tests.complaint_case.builders import days_ago, make_complaint, make_denunciation, make_petition
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose, form_data, signed_in

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


def test_a_back_office_step_from_a_stale_page_is_refused_and_keeps_what_was_typed(people):
    case = make_complaint(people.inspector, handler=people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    url = f"/admin/complaint_case/complaintcase/{case.pk}/step/verify/"
    inspector, chief = signed_in(people.inspector), signed_in(people.chief_inspector)
    post_form = lambda attrs: attrs.get("method") == "post"  # noqa: E731  (the step page's one form)
    mine, theirs = form_data(inspector.get(url), post_form), form_data(chief.get(url), post_form)
    assert mine["version_seen"] == theirs["version_seen"] == [str(ComplaintCase.objects.get(pk=case.pk).version)]
    mine.update({"verified_on": [days_ago(10).strftime("%Y-%m-%d")], "result": ["Ông Phạm Văn Khiếu trình bày đúng"]})
    theirs.update({"verified_on": [days_ago(9).strftime("%Y-%m-%d")], "result": ["Bà Lê Thị Hai: cần xác minh thêm"]})
    assert inspector.post(url, mine).status_code == 302
    refused = chief.post(url, theirs)
    page = refused.content.decode()
    assert refused.status_code == 200 and "Lê Thanh Tra" in page and "Bà Lê Thị Hai: cần xác minh thêm" in page
    assert ComplaintCase.objects.get(pk=case.pk).verification_result == "Ông Phạm Văn Khiếu trình bày đúng"
