"""PNG previews of each statutory report, for people to look at: page 1 as docs/reports/<report>.png and the
first page of its widest form as docs/reports/<report>-bieu.png.

Run: .venv/bin/python scripts/report_previews.py
Builds a throw-away SQLite database with two years of synthetic records, generates each report
through the same services as the back office, then soffice → PDF → `pdftoppm -png -r 80 -f 1 -l 1`.
Needs LibreOffice (soffice) and poppler-utils (pdftoppm).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")
WORK = Path(tempfile.mkdtemp(prefix="report-previews-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/previews.sqlite3"
os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(WORK / "private"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

OUT = ROOT / "docs" / "reports"
REPORTS = [("anti_corruption", "year"), ("inspection", "year"), ("inspection", "q2"), ("kntc", "h1"), ("kntc", "year")]
YEAR = 2025


def main():
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"Thiếu {tool}: cài LibreOffice (soffice) và poppler-utils (pdftoppm).")
    settings.PRIVATE_MEDIA_ROOT = WORK / "private"
    call_command("migrate", verbosity=0)
    from papi_inspect.reference import load_reference
    from reports.services import lifecycle as services
    from reports.synthetic import make_department_history
    from tests.base import create_people, load_people

    load_reference()
    create_people()
    make_department_history(years=2, seed=7, end_year=YEAR, per_year=80)
    chief = load_people().chief_inspector
    OUT.mkdir(parents=True, exist_ok=True)
    for kind, period in REPORTS:
        report = services.get_or_create_report(kind, period, YEAR, by=chief)
        if not report.number:
            report.number = 12
            report.save(update_fields=["number"])
        version = services.generate_version(report, by=chief)
        source = WORK / version.file_name("docx")
        with version.docx.open("rb") as handle:
            source.write_bytes(handle.read())
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{WORK}/lo", "--convert-to", "pdf",
                        "--outdir", str(WORK), str(source)], check=True, capture_output=True, timeout=180)
        target = OUT / report.slug
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(source.with_suffix(".pdf")),
                        str(target)], check=True, timeout=60)
        print(f"{target}.png")
        page = widest_form_page(source.with_suffix(".pdf"), version.data["tables"])
        if page:
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                            str(source.with_suffix(".pdf")), f"{target}-bieu"], check=True, timeout=60)
            print(f"{target}-bieu.png (trang {page})")
    shutil.rmtree(WORK, ignore_errors=True)


def widest_form_page(pdf, tables):
    """The page on which the form with the most columns starts (pdftotext page by page), or None."""
    if not tables:
        return None
    code = max(tables, key=lambda table: len(table["columns"]))["code"]
    for page in range(1, 200):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                              text=True, timeout=60)
        if text.returncode != 0:
            return None
        if f"Biểu số {code}" in text.stdout:
            return page
    return None


if __name__ == "__main__":
    main()
