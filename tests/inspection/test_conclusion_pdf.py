"""The conclusion .docx opens in LibreOffice (converted to PDF headlessly)."""

import os
import shutil
import subprocess

import pytest

from doctypes.inspection.conclusion_docx import conclusion_docx
from doctypes.inspection.models import Inspection
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.builders import advance


# CI installs LibreOffice and sets PAPI_REQUIRE_SOFFICE=1, so there a missing soffice fails instead of skipping.
@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("PAPI_REQUIRE_SOFFICE"),
    reason="LibreOffice (soffice) is not installed",
)
def test_it_converts_the_conclusion_to_pdf_with_libreoffice(people, tmp_path):
    finding = make_finding()
    make_violation(finding)
    make_action(finding)
    inspection = advance(finding.inspection, Inspection.Step.PUBLISHED)
    source = tmp_path / "ket-luan.docx"
    source.write_bytes(conclusion_docx(inspection))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "ket-luan.pdf"
    assert pdf.exists() and pdf.read_bytes()[:4] == b"%PDF"
