"""Last year's sheet of dialogues: a preview lists every bad row and saves nothing; a clean file saves all, through the
back office and the API; only the inspectorate imports."""

import pytest
from django.urls import reverse

from doctypes.dialogue.importer import DialogueImporter
from doctypes.dialogue.models import Commitment, Dialogue
from tests.base import client_for
from tests.dialogue.builders import days_ago, workbook

HEADERS = DialogueImporter().headers()
API = "/api/v1/dialogues/import/"


def d(days):
    return days_ago(days).strftime("%d/%m/%Y")


def clean_rows(people):
    leader = people.leader.staff_profile.full_name
    return [[d(200), leader, "snnmt-ccthuyloi", "Lịch lấy nước vụ Xuân", "Thôn Đồng Quan", 42, "Ông Nguyễn Văn Tám và 41 hộ",
             "Thống nhất lịch lấy nước", "Công bố lịch lấy nước tại thôn", "snnmt-ccthuyloi", d(180)],
            [days_ago(90), leader.upper(), "snnmt-cckiemlam", "Chi trả khoán bảo vệ rừng", "", "", "", "", "", "", ""]]


def bad_rows(people):
    leader = people.leader.staff_profile.full_name
    return [clean_rows(people)[0],
            [d(50), "Ông Không Có", "snnmt-ccthuyloi", "Lãnh đạo không có", "", 3, "", "", "", "", ""],
            [d(50), leader, "snnmt-ccthuyloi", "Cam kết thiếu hạn", "", 3, "", "", "Nạo vét kênh", "snnmt-ccthuyloi", ""],
            [d(50), leader, "snnmt-ccthuyloi", "Số người sai", "", "nhiều", "", "", "", "", ""]]


def test_the_back_office_preview_lists_each_bad_row_and_saves_nothing_then_a_clean_file_saves_all(client, people):
    url = reverse("admin:dialogue_dialogue_import_sheet")
    client_for(client, people.inspector)
    preview = client.post(url, {"file": workbook(HEADERS, bad_rows(people))})
    assert [number for number, _message in preview.context["preview"].errors] == [3, 4, 5]
    text = preview.content.decode()
    assert "Ông Không Có" in text and "cam kết cần đủ nội dung" in text and "số nguyên không âm" in text
    assert not Dialogue.objects.exists()
    assert client.post(url, {"file": workbook(HEADERS, clean_rows(people))}).context["preview"].is_clean
    assert client.post(url, {"confirm": "1"}).status_code == 302
    assert Dialogue.objects.count() == 2 and Commitment.objects.get().due_on == days_ago(180)
    assert set(Dialogue.objects.values_list("leader", flat=True)) == {people.leader.pk}


def test_the_api_previews_refuses_a_file_with_errors_and_imports_a_clean_one(client, people):
    client_for(client, people.inspector)
    preview = client.post(API, {"file": workbook(HEADERS, bad_rows(people))})
    assert preview.status_code == 200 and [error["row"] for error in preview.json()["errors"]] == [3, 4, 5]
    refused = client.post(API, {"file": workbook(HEADERS, bad_rows(people)), "confirm": "1"})
    assert refused.status_code == 400 and not Dialogue.objects.exists()
    saved = client.post(API, {"file": workbook(HEADERS, clean_rows(people)), "confirm": "1"})
    assert saved.status_code == 201 and saved.json()["imported"] == 2


@pytest.mark.parametrize("who", ["office_clerk", "unit_head", "outsider"])
def test_only_the_inspectorate_imports(client, people, who):
    client_for(client, getattr(people, who))
    assert client.post(reverse("admin:dialogue_dialogue_import_sheet"),
                       {"file": workbook(HEADERS, clean_rows(people))}).status_code == 403
    assert client.post(API, {"file": workbook(HEADERS, clean_rows(people)), "confirm": "1"}).status_code == 403
    assert not Dialogue.objects.exists()
