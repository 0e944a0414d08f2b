"""Last year's sheet of recommendations: a preview lists every bad row and saves nothing; a clean file saves all,
through the back office and the API alike; only the office imports."""

import pytest
from django.urls import reverse

from doctypes.people_board.importer import RecommendationImporter
from doctypes.people_board.models import Recommendation
from tests.base import client_for
from tests.people_board.builders import days_ago, make_board, workbook

HEADERS = RecommendationImporter().headers()
API = "/api/v1/people-board-recommendations/import/"


def d(days):
    return days_ago(days).strftime("%d/%m/%Y")


def clean_rows():
    return [["snnmt", d(200), "Công khai quyết toán ngân sách năm 2025", "snnmt-khtc", d(170), "Đã công khai trên cổng", d(175)],
            ["snnmt", days_ago(90), "Trả lời đơn của ông Nguyễn Văn Tám về kênh N5", "snnmt-ccthuyloi", d(60), "", ""]]


def bad_rows():
    return [clean_rows()[0],
            ["snnmt-xyz", d(50), "Đơn vị không có", "snnmt-ccthuyloi", d(20), "", ""],
            ["snnmt", d(50), "Hạn trước ngày kiến nghị", "snnmt-ccthuyloi", d(80), "", ""],
            ["snnmt", "32/13/2026", "Ngày sai", "snnmt-ccthuyloi", d(20), "Đã xong", ""]]


def test_the_back_office_preview_lists_each_bad_row_and_saves_nothing_then_a_clean_file_saves_all(client, people):
    make_board(people)
    url = reverse("admin:people_board_recommendation_import_sheet")
    client_for(client, people.office_clerk)
    preview = client.post(url, {"file": workbook(HEADERS, bad_rows())})
    assert preview.status_code == 200
    assert [number for number, _message in preview.context["preview"].errors] == [3, 4, 5]
    text = preview.content.decode()
    assert "snnmt-xyz" in text and "hạn trả lời trước ngày kiến nghị" in text and "ngày không hợp lệ" in text
    assert client.post(url, {"confirm": "1"}).status_code == 200  # nothing kept to confirm
    assert not Recommendation.objects.exists()
    assert client.post(url, {"file": workbook(HEADERS, clean_rows())}).context["preview"].is_clean
    assert client.post(url, {"confirm": "1"}).status_code == 302
    assert Recommendation.objects.count() == 2
    assert Recommendation.objects.filter(done_on=days_ago(175), owner_unit__code="snnmt-khtc").exists()


def test_the_api_previews_refuses_a_file_with_errors_and_imports_a_clean_one(client, people):
    make_board(people)
    client_for(client, people.office_clerk)
    preview = client.post(API, {"file": workbook(HEADERS, bad_rows())})
    assert preview.status_code == 200 and not preview.json()["clean"]
    assert [error["row"] for error in preview.json()["errors"]] == [3, 4, 5]
    refused = client.post(API, {"file": workbook(HEADERS, bad_rows()), "confirm": "1"})
    assert refused.status_code == 400 and refused.json()["error"]["fields"]["file"][0].startswith("Dòng 3:")
    assert not Recommendation.objects.exists()
    saved = client.post(API, {"file": workbook(HEADERS, clean_rows()), "confirm": "1"})
    assert saved.status_code == 201 and saved.json()["imported"] == 2
    assert sorted(saved.json()["ids"]) == sorted(Recommendation.objects.values_list("pk", flat=True))


@pytest.mark.parametrize("who", ["unit_head", "inspector", "outsider"])
def test_only_the_office_imports(client, people, who):
    make_board(people)
    client_for(client, getattr(people, who))
    assert client.post(reverse("admin:people_board_recommendation_import_sheet"),
                       {"file": workbook(HEADERS, clean_rows())}).status_code == 403
    assert client.post(API, {"file": workbook(HEADERS, clean_rows()), "confirm": "1"}).status_code == 403
    assert not Recommendation.objects.exists()
