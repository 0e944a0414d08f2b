"""Excel import of the register's other lists (documents, conflicts of interest, gifts, disciplines): the back office
previews each bad row and saves nothing, a clean file saves every row through the service, the API does the same, and a
unit head may not import."""

import pytest

from doctypes.anticorruption.imports import ConflictImporter, DisciplineImporter, DocumentImporter, GiftImporter
from doctypes.anticorruption.models import ConductDiscipline, ConflictOfInterest, GiftHandover, PreventionDocument
from tests.anticorruption.builders import D, workbook
from tests.base import client_for

LISTS = {
    "document": (DocumentImporter, PreventionDocument, "preventiondocument", "anticorruption-documents",
                 [["snnmt-vp", "15/KH-SNNMT", "Kế hoạch phòng, chống tham nhũng năm 2026", "10/01/2026", "Ban hành mới",
                   "Thực hiện Luật PCTN và văn bản hướng dẫn"],
                  ["snnmt-vp", "22/QĐ-SNNMT", "Sửa quy chế chi tiêu nội bộ", D(2026, 4, 2), "amended", "norms"]],
                 ["snnmt-vp", "23/QĐ", "Văn bản thiếu loại", "03/04/2026", "Hủy bỏ", "norms"], "giá trị không có trong danh mục"),
    "conflict": (ConflictImporter, ConflictOfInterest, "conflictofinterest", "conflicts-of-interest",
                 [["Vũ Cán Bộ", "snnmt-ccthuyloi", "05/02/2026", "Thẩm định hồ sơ cấp phép của công ty do em ruột làm giám đốc",
                   "Tạm thời chuyển vị trí công tác", "06/02/2026"],
                  ["Lê Thanh Tra", "snnmt-ttr", "01/03/2026", "Thành viên đoàn thanh tra có vợ làm kế toán ở đơn vị được thanh tra",
                   None, None]],
                 ["Người Không Có", "snnmt-ttr", "01/03/2026", "Không rõ", None, None], "không tìm thấy cán bộ"),
    "gift": (GiftImporter, GiftHandover, "gifthandover", "gift-handovers",
             [["Vũ Cán Bộ", "snnmt-ccthuyloi", "10/02/2026", "Phong bì của doanh nghiệp dịp Tết", "2.000.000", "12/02/2026"],
              ["Lê Thanh Tra", "snnmt-ttr", "15/03/2026", "Giỏ quà", 1500000, None]],
             ["Vũ Cán Bộ", "snnmt-ccthuyloi", "10/02/2026", "Quà", "-5", None], "không được âm"),
    "discipline": (DisciplineImporter, ConductDiscipline, "conductdiscipline", "conduct-disciplines",
                   [["Vũ Cán Bộ", "snnmt-ccthuyloi", "Vi phạm quy tắc ứng xử, đạo đức nghề nghiệp", "20/03/2026", "Khiển trách",
                     "31/QĐ-SNNMT"],
                    ["Lê Thanh Tra", "snnmt-ttr", "conflict", "21/03/2026", "Cảnh cáo", None]],
                   ["Vũ Cán Bộ", "snnmt-ccthuyloi", "Vi phạm quy tắc ứng xử, đạo đức nghề nghiệp", "32/13/2026", "Khiển trách",
                    None], "ngày không hợp lệ"),
}


@pytest.mark.parametrize("name", LISTS)
def test_each_list_imports_a_clean_sheet_and_refuses_a_bad_one_in_the_back_office_and_the_api(client, people, name):
    importer, model, admin_name, api_name, good, bad_row, message = LISTS[name]
    headers = importer().headers()
    page = client_for(client, people.office_clerk)
    url = f"/admin/anticorruption/{admin_name}/import-sheet/"
    bad = page.post(url, {"file": workbook(headers, [good[0], bad_row])}).content.decode()
    assert "Dòng 3" in bad and message in bad and "Dòng 2:" not in bad
    assert page.post(url, {"confirm": "1"}).status_code == 200 and not model.objects.exists()
    assert "Xác nhận nhập" in page.post(url, {"file": workbook(headers, good[:1])}).content.decode()
    assert page.post(url, {"confirm": "1"}).status_code == 302 and model.objects.count() == 1
    response = page.post(f"/api/v1/{api_name}/import/", {"file": workbook(headers, good[1:]), "confirm": "1"})
    assert response.status_code == 201 and response.json()["imported"] == 1 and model.objects.count() == 2
    refused = client_for(client, people.unit_head).post(f"/api/v1/{api_name}/import/", {"file": workbook(headers, good)})
    assert refused.status_code == 403 and model.objects.count() == 2
    assert client_for(client, people.unit_head).get(url).status_code == 403
    assert CHECKS[name](model.objects.order_by("pk").first(), people)


CHECKS = {  # the first good row, as saved
    "document": lambda d, people: (d.number, d.action, d.scope, d.issued_on) == ("15/KH-SNNMT", "new", "law", D(2026, 1, 10)),
    "conflict": lambda c, people: (c.person, c.handling, c.handled_on) == (people.unit_staff, "reassigned", D(2026, 2, 6)),
    "gift": lambda g, people: (g.person, g.value, g.handed_over_on) == (people.unit_staff, 2000000, D(2026, 2, 12)),
    "discipline": lambda d, people: (d.ground, d.measure, d.decision_number) == ("conduct", "Khiển trách", "31/QĐ-SNNMT"),
}
