"""NĐ 30/2020 details of every state document: the place from the organisation tree, the agency's symbol, "Nơi nhận"."""

import io

import pytest
from docx import Document

from doctypes.org.models import Unit
from papi_inspect.state_documents import (
    Signature, StateDocument, blank_number, header_for, place_of, recipient_lines,
)


def test_recipients_end_with_a_semicolon_and_the_last_with_a_full_stop_whatever_was_typed():
    typed = ["Như trên;", "- UBND tỉnh;;", "Thanh tra tỉnh.;", "  ", "Lưu: VT, TTr;"]
    assert recipient_lines(typed) == ["- Như trên;", "- UBND tỉnh;", "- Thanh tra tỉnh;", "- Lưu: VT, TTr."]
    assert recipient_lines([]) == []


@pytest.mark.django_db
def test_the_place_and_the_symbol_come_from_the_issuing_agency_at_its_time():
    department, office = Unit.objects.get(code="snnmt"), Unit.objects.get(code="snnmt-vp")
    assert place_of(office) == "Bắc Ninh" and place_of(department) == "Bắc Ninh"
    assert place_of(Unit.objects.get(code="snn-bac-giang")) == "Bắc Giang"  # before the merger of 1/7/2025
    assert blank_number("PC", office) == "Số:      /PC-SNNMT"


@pytest.mark.django_db
def test_a_document_prints_its_place_symbol_and_recipients_in_the_state_format():
    import datetime

    office = Unit.objects.get(code="snnmt-vp")
    document = StateDocument(header_for(office, number=blank_number("TB", office), day=datetime.date(2026, 3, 2),
                                        doc_type="THÔNG BÁO", subject="Về việc tiếp công dân"))
    document.sign(Signature(authority="KT. Giám đốc\nPhó Giám đốc", name="Nguyễn Lãnh Đạo",
                            recipients=["Ông Trần Văn Bình;", "Lưu: VT, hồ sơ."]))
    text = "\n".join(p.text for p in Document(io.BytesIO(document.to_bytes())).paragraphs)
    cells = "\n".join(cell.text for table in Document(io.BytesIO(document.to_bytes())).tables
                      for row in table.rows for cell in row.cells)
    assert "Bắc Ninh, ngày 02 tháng 3 năm 2026" in text + cells
    assert "Số:      /TB-SNNMT" in text + cells and "Bắc Giang" not in text + cells
    assert "- Ông Trần Văn Bình;\n- Lưu: VT, hồ sơ." in cells
