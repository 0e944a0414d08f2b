"""The conclusion's issuing body, name and signer follow the inspection law in force on its date (Luật Thanh tra 84/2025)."""

import datetime
import io

from docx import Document

from doctypes.inspection.conclusion_docx import conclusion_docx
from doctypes.inspection.models import Inspection
from doctypes.inspection.regimes import regime_on
from tests.inspection.builders import advance, make_inspection

D = datetime.date


def text_of(content):
    document = Document(io.BytesIO(content))
    return "\n".join([p.text for p in document.paragraphs]
                     + [cell.text for table in document.tables for row in table.rows for cell in row.cells])


def test_before_1_7_2025_the_inspectorate_concludes_and_its_chief_signs(people):
    inspection = advance(make_inspection(year=2024, plan=None, kind="unscheduled", grounds="violation_signs"),
                         Inspection.Step.CONCLUDED, start=D(2024, 3, 2))
    text = text_of(conclusion_docx(inspection))
    assert "KẾT LUẬN THANH TRA" in text and "CHÁNH THANH TRA" in text
    assert inspection.owner.name.upper() in text and "Luật Thanh tra 2022" in text
    assert "Giám đốc Sở (để b/c)" in text


def test_from_1_7_2025_the_department_concludes_a_check_signed_by_its_head(people):
    inspection = advance(make_inspection(year=2026), Inspection.Step.CONCLUDED, start=D(2026, 3, 2))
    text = text_of(conclusion_docx(inspection))
    assert "KẾT LUẬN KIỂM TRA" in text and "KẾT LUẬN THANH TRA" not in text
    assert "GIÁM ĐỐC" in text and "CHÁNH THANH TRA" not in text
    assert inspection.owner.agency().name.upper() in text and inspection.owner.name.upper() not in text
    assert "Nghị định 217/2025/NĐ-CP" in text and "Đoàn kiểm tra" in text
    assert "Giám đốc Sở (để b/c)" not in text  # the signer is not his own recipient (NĐ 30/2020 Art. 15)


def test_a_provincial_inspection_is_issued_by_the_provincial_inspectorate(people):
    inspection = advance(make_inspection(year=2026, level=Inspection.Level.PROVINCIAL), Inspection.Step.CONCLUDED,
                         start=D(2026, 3, 2))
    text = text_of(conclusion_docx(inspection))
    assert "THANH TRA TỈNH BẮC NINH" in text and "KẾT LUẬN THANH TRA" in text


def test_the_rules_for_the_2025_law_say_they_are_unconfirmed():
    assert regime_on(D(2025, 6, 30)).confirmed and regime_on(D(2025, 6, 30)).conclusion == "Kết luận thanh tra"
    assert not regime_on(D(2025, 7, 1)).confirmed and regime_on(D(2025, 7, 1)).conclusion == "Kết luận kiểm tra"
