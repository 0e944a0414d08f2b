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


def test_two_drafters_writing_the_same_narrative_section(people):
    """A section of the report's text is a field of the form, not of the model: the refusal still shows the stored text
    beside the typed one, and the stored report keeps the first drafter's section."""
    from reports.admin import section_field
    from tests.locking import two_editors

    report = services.get_or_create_report("kntc", "q1", 2025, by=people.chief_inspector)
    section = report.spec.sections[0]
    first_text = "Trong quý, Thanh tra Sở tiếp 12 lượt công dân; ông Trần Văn Một khiếu nại việc thu hồi đất."
    second_text = "Bà Lê Thị Hai đề nghị bổ sung số liệu tiếp công dân của các chi cục."
    case = Editing(Report, lambda people: report, section_field(report, section), "chief_inspector", "office_clerk",
                   texts=(first_text, second_text))
    record, refused, second, data = two_editors(case, people, first_text=first_text, second_text=second_text)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "edit-conflict" in page and first_text in page and data[case.field] == [second_text]
    assert Report.objects.get(pk=record.pk).narrative[section.key] == first_text


def test_a_refused_drafter_gets_the_other_sections_as_stored_so_saving_again_keeps_both(people):
    from reports.admin import section_field
    from tests.locking import change_url, form_data, signed_in

    report = services.get_or_create_report("kntc", "q1", 2025, by=people.chief_inspector)
    first, second = report.spec.sections[0], report.spec.sections[1]
    url, form_id = change_url(report), "report_form"
    chief, clerk = signed_in(people.chief_inspector), signed_in(people.office_clerk)
    mine, theirs = form_data(chief.get(url), form_id), form_data(clerk.get(url), form_id)
    mine[section_field(report, first)] = ["Ông Trần Chánh Thanh viết phần đầu: tình hình tiếp công dân trong quý."]
    theirs[section_field(report, second)] = ["Bà Phạm Văn Phòng viết phần hai: kết quả xử lý đơn."]
    assert chief.post(url, mine).status_code == 302
    refused = clerk.post(url, theirs)
    assert refused.status_code == 200
    again = form_data(refused, form_id)
    assert again[section_field(report, first)] == mine[section_field(report, first)]
    assert clerk.post(url, again).status_code == 302
    narrative = Report.objects.get(pk=report.pk).narrative
    assert narrative[first.key] == mine[section_field(report, first)][0]
    assert narrative[second.key] == theirs[section_field(report, second)][0]
