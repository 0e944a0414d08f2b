"""Each report renders to PDF with LibreOffice headless, and its .docx has the NĐ 30/2020 page, font and header."""

import os
import re
import shutil
import subprocess

import pytest
from cryptography.fernet import Fernet
from docx import Document
from docx.shared import Mm

from reports.services import lifecycle as services

# CI installs LibreOffice and sets PAPI_REQUIRE_SOFFICE=1: there a missing soffice fails instead of skipping.
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("PAPI_REQUIRE_SOFFICE"),
    reason="LibreOffice (soffice) is not installed",
)
REPORTS = [("anti_corruption", "year"), ("inspection", "h1"), ("kntc", "q1")]


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def to_pdf(source, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    return source.with_suffix(".pdf")


def mm(length):
    return round(length / Mm(1), 1)


def assert_state_format(path):
    document = Document(str(path))
    for section in document.sections:
        # NĐ 30/2020, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm, on A4.
        assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
        assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20
        assert {mm(section.page_width), mm(section.page_height)} == {210.0, 297.0}
    assert document.sections[0].page_width < document.sections[0].page_height  # the letter itself is portrait
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    assert runs and all(run.font.name in (None, "Times New Roman") for run in runs)
    # Header block: parent and issuing agency (bold) with the number on the left; motto and place, date on the right.
    left, right = document.tables[0].rows[0].cells
    left_lines = [p for p in left.paragraphs if p.text]
    right_lines = [p for p in right.paragraphs if p.text]
    assert left_lines[0].text.isupper() and left_lines[1].runs[0].bold and left_lines[2].text.startswith("Số:")
    assert right_lines[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and right_lines[0].runs[0].bold
    assert 12 <= right_lines[0].runs[0].font.size.pt <= 13
    assert right_lines[1].text == "Độc lập - Tự do - Hạnh phúc" and right_lines[1].runs[0].bold
    assert 13 <= right_lines[1].runs[0].font.size.pt <= 14
    assert re.fullmatch(r".+, ngày \d{2} tháng \d{1,2} năm \d{4}", right_lines[2].text) and right_lines[2].runs[0].italic
    # The rules under the issuing agency and under the motto are bottom borders of empty paragraphs.
    assert all("w:pBdr" in cell._element.xml for cell in (left, right))
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold
    # Page numbers sit in the top margin and not on page 1.
    assert document.sections[0].different_first_page_header_footer
    assert "PAGE" in document.sections[0].header._element.xml


@needs_soffice
@pytest.mark.parametrize("kind, period", REPORTS)
def test_each_report_renders_to_pdf_in_the_state_format(people, tmp_path, kind, period):
    report = services.get_or_create_report(kind, period, 2025, by=people.chief_inspector)
    version = services.generate_version(report, by=people.chief_inspector)
    source = tmp_path / version.file_name("docx")
    with version.docx.open("rb") as handle:
        source.write_bytes(handle.read())
    assert_state_format(source)
    pdf = to_pdf(source, tmp_path)
    content = pdf.read_bytes()
    assert content[:4] == b"%PDF"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", content))
    assert pages >= 1 + len(report.spec.tables)  # the letter, then one page or more per table
    # The first page is A4 portrait (595 × 842 pt).
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", content)
    assert box and abs(float(box.group(1)) - 595) < 2 and abs(float(box.group(2)) - 842) < 2
