"""Demo data for PAPI: the seed plan, two quarters of unit reports (one late), and Bắc Giang's scores."""

import datetime

from django.db import transaction

from doctypes.org.models import Unit
from doctypes.papi.models.report import UnitReport
from doctypes.papi.rollup import start_office_report
from doctypes.papi.score_import import import_scores
from doctypes.papi.seed_plan import FIXTURES, load_seed_plan
from doctypes.papi.services import save_report_progress, start_unit_report, submit_unit_report

DEMO_YEAR = 2021


def _report(plan, user, quarter, submitted_on, summary):
    unit = Unit.objects.get(code=user.staff_profile.unit.code)
    report = start_unit_report(plan, unit=unit, year=DEMO_YEAR, quarter=quarter, by=user)
    if report.is_frozen:
        return report
    progress = {
        entry.task_id: ("done" if quarter == 2 else "in_progress", f"Quý {quarter}: đã triển khai; xem biên bản kèm theo.")
        for entry in report.entries.all()
    }
    save_report_progress(report, by=user, progress=progress, summary=summary)
    moment = datetime.datetime.combine(submitted_on, datetime.time(9), tzinfo=datetime.timezone.utc)
    return submit_unit_report(report, by=user, now=moment)


@transaction.atomic
def load(users):
    """Idempotent: the plan and scores load once; reports are found by plan, unit and quarter."""
    plan = load_seed_plan()
    # Quarter 1 on time (due 15/3); quarter 2 late (due 15/6, submitted 22/6).
    _report(plan, users["truongdonvi"], 1, datetime.date(DEMO_YEAR, 3, 12), "Kinh phí nạo vét kênh mương còn thiếu.")
    _report(plan, users["truongdonvi"], 2, datetime.date(DEMO_YEAR, 6, 22), "Nộp muộn do lũ tiểu mãn.")
    _report(plan, users["chanhthanhtra"], 1, datetime.date(DEMO_YEAR, 3, 14), "")
    if not UnitReport.objects.filter(plan=plan, year=DEMO_YEAR, quarter=1, unit__code="snnmt-vp").exists():
        start_unit_report(plan, unit=Unit.objects.get(code="snnmt-vp"), year=DEMO_YEAR, quarter=1, by=users["vanphong"])
    start_office_report(plan, year=DEMO_YEAR, quarter=1, by=users["chanhvanphong"], today=datetime.date(DEMO_YEAR, 3, 18))
    csv = FIXTURES / "papi_bac_giang.csv"
    import_scores(name=csv.name, data=csv.read_bytes(), province_code="24")
