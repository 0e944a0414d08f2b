"""Excel import of sessions and rotations: a preview lists each bad row and saves nothing; a clean file saves all."""

from doctypes.anticorruption.imports import RotationImporter, SessionImporter
from doctypes.anticorruption.models import JobRotation, OutreachSession
from tests.anticorruption.builders import D, workbook
from tests.base import client_for

SESSION_HEADERS = SessionImporter().headers()
ROTATION_HEADERS = RotationImporter().headers()
GOOD_SESSIONS = [["snnmt-vp", "Quán triệt Luật PCTN", "Tuyên truyền, quán triệt", "12/03/2026", 2, "snnmt-vp: 20; snnmt-ttr: 9"],
                 ["snnmt-ttr", "Tập huấn kê khai tài sản", "training", D(2026, 11, 20), None, "snnmt-ttr: 11"]]


def test_the_back_office_previews_errors_row_by_row_then_imports_a_clean_file(client, people):
    page = client_for(client, people.office_clerk)
    url = "/admin/anticorruption/outreachsession/import-sheet/"
    bad = workbook(SESSION_HEADERS, [GOOD_SESSIONS[0], ["snnmt-xx", "Chủ đề", "Hội thảo", "31/02/2026", 1, "vp 20"]])
    response = page.post(url, {"file": bad})
    text = response.content.decode()
    assert "Dòng 3" in text and "ngày không hợp lệ" in text and "Dòng 2" not in text
    assert page.post(url, {"confirm": "1"}).status_code == 200 and not OutreachSession.objects.exists()
    unknown = page.post(url, {"file": workbook(SESSION_HEADERS, [["snnmt-xx", *GOOD_SESSIONS[0][1:]]])})
    assert "không có đơn vị mã snnmt-xx" in unknown.content.decode()
    assert "Xác nhận nhập" in page.post(url, {"file": workbook(SESSION_HEADERS, GOOD_SESSIONS)}).content.decode()
    assert page.post(url, {"confirm": "1"}).status_code == 302
    assert sorted(s.participants for s in OutreachSession.objects.all()) == [11, 29]
    assert client_for(client, people.unit_head).get(url).status_code == 403


def test_the_api_imports_rotations_only_when_every_row_is_right(client, people):
    api = client_for(client, people.office_clerk)
    rows = [["Vũ Cán Bộ", "snnmt-ccthuyloi", "Cấp phép xả thải", "01/03/2023", 3, None],
            ["Lê Thanh Tra", "snnmt-ttr", "Thanh tra lâm nghiệp", "01/11/2022", 3, "20/11/2025"]]
    bad = rows + [["Người Không Có", "snnmt-ttr", "Thanh tra đất đai", "01/01/2022", 7, None]]
    response = api.post("/api/v1/job-rotations/import/", {"file": workbook(ROTATION_HEADERS, bad)})
    assert response.status_code == 200 and [e["row"] for e in response.json()["errors"]] == [4]
    response = api.post("/api/v1/job-rotations/import/", {"file": workbook(ROTATION_HEADERS, bad), "confirm": "1"})
    assert response.status_code == 400 and not JobRotation.objects.exists()
    response = api.post("/api/v1/job-rotations/import/", {"file": workbook(ROTATION_HEADERS, rows), "confirm": "1"})
    assert response.status_code == 201 and response.json()["imported"] == 2
    assert JobRotation.objects.get(person=people.inspector).done_on == D(2025, 11, 20)
    refused = client_for(client, people.unit_head).post("/api/v1/job-rotations/import/", {"file": workbook(ROTATION_HEADERS, rows)})
    assert refused.status_code == 403


def test_a_service_rule_the_preview_cannot_see_refuses_the_whole_file(client, people):
    rows = [["Vũ Cán Bộ", "snnmt-ccthuyloi", "Cấp phép xả thải", "01/03/2023", 3, None],
            ["Vũ Cán Bộ", "snnmt-ccthuyloi", "Cấp phép xả thải", "01/03/2023", 3, None]]
    response = client_for(client, people.office_clerk).post("/api/v1/job-rotations/import/",
                                                            {"file": workbook(ROTATION_HEADERS, rows), "confirm": "1"})
    assert response.status_code == 400 and "Dòng 3" in str(response.json()["error"]["fields"])
    assert not JobRotation.objects.exists()
