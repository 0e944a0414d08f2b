"""Two inspectors correct the same case: the second save is refused with both versions shown, and nothing is lost."""

from doctypes.org.models import Unit
from doctypes.pctn_case import services
from doctypes.pctn_case.models import PctnCase
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose, assert_two_api_editors, signed_in
from tests.pctn_case.test_register import D


def case(people):
    return services.record_case(by=people.inspector, unit=Unit.objects.get(code="snnmt-ccthuyloi"), title="Chứng từ khống",
                                detected_on=D(2026, 3, 12), channel="self_check")


CASES = [Editing(PctnCase, case, "title", "inspector", "chief_inspector")]


def test_two_editors_of_a_case(people):
    assert_second_editor_refused_then_free_to_choose(CASES[0], people)


def test_two_api_editors_of_a_case_and_a_reader_who_may_not_edit(people):
    url = f"/api/v1/pctn-cases/{case(people).pk}/"
    assert_two_api_editors(url, people.inspector, people.chief_inspector, "title")
    assert signed_in(people.unit_head).patch(url, {"title": "Đơn vị sửa"}, content_type="application/json").status_code == 403
