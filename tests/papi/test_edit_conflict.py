"""Two people of the office (or two administrators, for the reference) edit the same PAPI record at once: the
second save is refused with both versions shown, and nothing is lost."""

import datetime
from decimal import Decimal

import pytest

from doctypes.papi import rollup
from doctypes.papi.models import Dimension
from doctypes.papi.models.plan import Plan, Task, TaskGroup
from doctypes.papi.models.report import OfficeReport
from doctypes.papi.models.score import PapiScore, Province
from papi_inspect.audit import save
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose, form_data, signed_in
from tests.papi.builders import make_plan, task_of


def bac_giang(people):
    """The province the seed plan serves: the office reads and corrects only its own province's results."""
    return make_plan().province


def score(people):
    row = PapiScore(province=bac_giang(people), year=2024, indicator="d1_total", label="Tham gia của người dân ở cấp cơ sở",
                    score=Decimal("5.1200"), scale_min=Decimal("1"), scale_max=Decimal("10"))
    return save(row, "Nhập điểm PAPI", by=people.office_chief)


def office_report(people):
    plan = make_plan()
    return rollup.start_office_report(plan, year=plan.year, quarter=1, by=people.office_clerk,
                                      today=datetime.date(plan.year, 3, 20))


CASES = [
    Editing(Dimension, lambda people: Dimension.objects.order_by("code").first(), "name_vi", "admin", "admin+"),
    Editing(Plan, lambda people: make_plan(), "title", "office_clerk", "office_chief"),
    Editing(TaskGroup, lambda people: TaskGroup.objects.filter(plan=make_plan()).order_by("pk").first(), "title",
            "office_clerk", "office_chief"),
    Editing(Task, lambda people: task_of(make_plan(), "snnmt-vp") or Task.objects.filter(group__plan=make_plan()).first(),
            "text", "office_clerk", "office_chief"),
    Editing(OfficeReport, office_report, "results", "office_clerk", "office_chief"),
    Editing(Province, bac_giang, "note", "office_chief", "admin"),
    Editing(PapiScore, score, "label", "office_chief", "admin"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_papi_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)


def test_two_api_editors_of_a_task_whose_answer_lists_no_version(people):
    """The task's answer has no `version` field: the ETag is read back, and If-Match still guards the PATCH."""
    task = task_of(make_plan(), "snnmt-vp")
    clerk, chief = signed_in(people.office_clerk), signed_in(people.office_chief)
    url = f"/api/v1/papi-tasks/{task.pk}/"
    etag = clerk.get(url)["ETag"]
    assert etag == f'"{task.version}"' and chief.get(url)["ETag"] == etag
    saved = clerk.patch(url, {"text": "Niêm yết công khai thủ tục (Văn phòng, ông Phạm Văn Phòng)"}, content_type="application/json",
                        HTTP_IF_MATCH=etag)
    assert saved.status_code == 200 and saved["ETag"] == f'"{task.version + 1}"'
    refused = chief.patch(url, {"text": "Bản của Chánh Văn phòng"}, content_type="application/json", HTTP_IF_MATCH=etag)
    assert refused.status_code == 412 and refused["ETag"] == saved["ETag"]
    assert refused.json()["error"]["current"]["text"] == "Niêm yết công khai thủ tục (Văn phòng, ông Phạm Văn Phòng)"


def test_two_people_of_a_unit_filling_the_same_quarterly_report(people):
    """The unit head and a staff member open the report; the head saves; the staff member's save from the older page
    is refused: nothing of theirs is saved, their text stays in the form, the stored lines are shown beside it."""
    from doctypes.papi.models.report import UnitReport
    from doctypes.papi.services import start_unit_report
    from tests.papi.builders import unit

    report = start_unit_report(make_plan(), unit=unit("snnmt-ccthuyloi"), year=2021, quarter=1, by=people.unit_staff)
    entry = report.entries.order_by("pk").first()
    url = f"/papi/reports/{report.pk}/"
    head, staff = signed_in(people.unit_head), signed_in(people.unit_staff)
    multipart = lambda attrs: attrs.get("enctype") == "multipart/form-data"  # noqa: E731  (the report's one form)
    pages = [form_data(client.get(url), multipart) for client in (head, staff)]
    assert pages[0]["version_seen"] == [str(report.version)] == pages[1]["version_seen"]
    mine, theirs = dict(pages[0]), dict(pages[1])
    mine.update({f"e{entry.pk}-progress": ["done"], f"e{entry.pk}-result": ["Đã niêm yết tại trụ sở (ông Đỗ Trưởng Đơn)"],
                 "summary": ["Hoàn thành quý I"], "save": [""]})
    theirs.update({f"e{entry.pk}-progress": ["in_progress"], f"e{entry.pk}-result": ["Bà Vũ Cán Bộ: đang chuẩn bị"],
                   "summary": ["Chưa xong"], "save": [""]})
    assert head.post(url, mine).status_code == 302
    refused = staff.post(url, theirs)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Đỗ Trưởng Đơn" in page and "Bà Vũ Cán Bộ: đang chuẩn bị" in page and "Chưa xong" in page
    assert "Đã niêm yết tại trụ sở (ông Đỗ Trưởng Đơn)" in page and "edit-conflict" in page
    entry.refresh_from_db()
    stored = UnitReport.objects.get(pk=report.pk)
    assert (entry.progress, entry.result, stored.summary) == ("done", "Đã niêm yết tại trụ sở (ông Đỗ Trưởng Đơn)", "Hoàn thành quý I")
    assert f'name="version_seen" value="{stored.version}"' in page


def test_a_refused_quarterly_report_takes_the_lines_its_author_left_untouched(people):
    """The head fills line 1; the staff member, from the older page, only writes the summary: refused, the page now
    holds the head's line 1 and the staff member's summary, and saving it again keeps both."""
    from doctypes.papi.models.report import UnitReport
    from doctypes.papi.services import start_unit_report
    from tests.papi.builders import unit

    report = start_unit_report(make_plan(), unit=unit("snnmt-ccthuyloi"), year=2021, quarter=1, by=people.unit_staff)
    entry = report.entries.order_by("pk").first()
    url = f"/papi/reports/{report.pk}/"
    head, staff = signed_in(people.unit_head), signed_in(people.unit_staff)
    multipart = lambda attrs: attrs.get("enctype") == "multipart/form-data"  # noqa: E731  (the report's one form)
    mine, theirs = form_data(head.get(url), multipart), form_data(staff.get(url), multipart)
    mine.update({f"e{entry.pk}-progress": ["done"], f"e{entry.pk}-result": ["Đã niêm yết tại trụ sở (ông Đỗ Trưởng Đơn)"],
                 "save": [""]})
    theirs.update({"summary": ["Quý I: bà Vũ Cán Bộ tổng hợp, còn chậm ở nhiệm vụ số hóa"], "save": [""]})
    assert head.post(url, mine).status_code == 302
    refused = staff.post(url, theirs)
    assert refused.status_code == 200
    again = form_data(refused, multipart)
    assert again[f"e{entry.pk}-result"] == ["Đã niêm yết tại trụ sở (ông Đỗ Trưởng Đơn)"]
    assert again["summary"] == theirs["summary"]
    again["save"] = [""]
    assert staff.post(url, again).status_code == 302
    entry.refresh_from_db()
    assert entry.result == "Đã niêm yết tại trụ sở (ông Đỗ Trưởng Đơn)"
    assert UnitReport.objects.get(pk=report.pk).summary == theirs["summary"][0]
