"""Two drafters (the chief inspector and the office) edit the same statutory report's header at once: the second save
is refused with both versions shown, and nothing is lost."""

import pytest

from reports.models import Report
from reports.services import lifecycle as services
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose

CASES = [
    Editing(Report, lambda people: services.get_or_create_report("kntc", "q1", 2025, by=people.chief_inspector), "signer_name",
            "chief_inspector", "office_clerk", texts=("Trần Chánh Thanh (ký thay Giám đốc)", "Đặng Văn Phó (Phó Giám đốc, ký thay)")),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_report(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
