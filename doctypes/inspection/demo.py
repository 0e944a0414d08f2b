"""Demo inspections: last year's and this year's plan, an inspection at every step.

Inspections meant to reach their conclusion stop at the draft here: their findings come first, so
doctypes/finding/demo.py records them and then concludes and publishes (`advance` resumes).
"""

import datetime

from django.db import transaction

from doctypes.complaint_case.models import Denunciation
from doctypes.inspection import services
from doctypes.inspection.models import Inspection, InspectionPlan
from doctypes.org.models import Unit
from doctypes.papi.models import Dimension

D = datetime.date
S = Inspection.Step
SIGNER = "Trần Thị Mai"
CORRUPTION_DIMENSION = "4"  # PAPI 4: control of corruption

# title, year, subject unit, step reached, decision date, quarter
DEMO_INSPECTIONS = [
    ("Thanh tra quản lý, sử dụng kinh phí duy tu đê điều", 2025, "snnmt-ccthuyloi", S.PUBLISHED, D(2025, 7, 7), 3),
    ("Thanh tra công tác quản lý thuốc bảo vệ thực vật", 2025, "snnmt-cctt", S.PUBLISHED, D(2025, 8, 4), 3),
    ("Thanh tra công tác quản lý bảo vệ rừng", 2026, "snnmt-cckiemlam", S.PLANNED, None, 4),
    ("Thanh tra việc thực hiện chính sách khuyến nông", 2026, "snnmt-ttkn", S.DECIDED, D(2026, 11, 20), 4),
    ("Thanh tra công tác kiểm dịch động vật", 2026, "snnmt-cccnty", S.FIELDWORK, D(2026, 10, 28), 4),
    ("Thanh tra công tác quản lý tài chính, tài sản", 2026, "snnmt-khtc", S.FIELDWORK_ENDED, D(2026, 9, 28), 3),
    ("Thanh tra công tác tổ chức cán bộ", 2026, "snnmt-tccb", S.REPORTED, D(2026, 9, 1), 3),
    ("Thanh tra công tác quản lý công trình thủy lợi", 2026, "snnmt-ccthuyloi", S.APPRAISED, D(2026, 8, 3), 3),
    ("Thanh tra việc thu, nộp phí bảo vệ môi trường", 2026, "snnmt-ccthuyloi", S.CONCLUDED, D(2026, 5, 4), 2),
    ("Thanh tra công tác phòng, chống tham nhũng", 2026, "snnmt-cckiemlam", S.PUBLISHED, D(2026, 3, 2), 1),
]


def _plan(owner, year, by):
    plan = InspectionPlan.objects.filter(owner=owner, year=year).first()
    return plan or services.draft_inspection_plan(owner=owner, year=year, title=f"Kế hoạch thanh tra năm {year}",
                                                  by=by, drafted_on=D(year - 1, 11, 15))


def advance(inspection, to, start, users):
    """Take `inspection` from where it is to step `to`, dated from its decision on `start`."""
    by, days = users["chanhthanhtra"], lambda n: start + datetime.timedelta(days=n)

    def due(step):
        return inspection.step < step <= to

    if due(S.DECIDED):
        services.decide_inspection(inspection, by=by, number=f"{inspection.pk:02d}/QĐ-TTr", decided_on=start, signer=SIGNER,
                                   leader=users["thanhtravien"], members=[by])
    if due(S.FIELDWORK):
        services.announce_inspection(inspection, by=by, announced_on=days(3))
    if due(S.FIELDWORK_ENDED):
        services.end_fieldwork(inspection, by=by, ended_on=days(24))
    if due(S.REPORTED):
        services.report_inspection(inspection, by=by, reported_on=days(35))
    if due(S.APPRAISED) and inspection.appraisal_required:
        services.appraise_draft(inspection, by=by, appraised_on=days(42))
    if due(S.CONCLUDED):
        services.conclude_inspection(inspection, by=by, number=f"{inspection.pk:02d}/KL-TTr", concluded_on=days(48),
                                     signer=SIGNER, summary="Đơn vị cơ bản chấp hành quy định; còn một số tồn tại cần khắc phục.")
    if due(S.PUBLISHED):
        services.publish_conclusion(inspection, by=by, published_on=days(52))


@transaction.atomic
def load(users):
    """Idempotent: plans by owner and year, inspections by title and year."""
    owner = Unit.objects.get(code="snnmt-ttr")
    chief = users["chanhthanhtra"]
    for year in (2025, 2026):
        plan = _plan(owner, year, chief)
        for title, in_year, subject, step, start, quarter in DEMO_INSPECTIONS:
            if in_year != year or Inspection.objects.filter(owner=owner, year=year, title=title).exists():
                continue
            inspection = services.add_inspection(
                owner=owner, by=chief, title=title, subject_units=[Unit.objects.get(code=subject)], year=year, plan=plan,
                quarter=quarter, scope="Việc chấp hành chính sách, pháp luật và nhiệm vụ được giao",
                period_from=D(year - 2, 1, 1), period_to=D(year - 1, 12, 31),
                # A planned inspection on anti-corruption is known as such by its PAPI link (dimension 4):
                # 01/PCTN and 02/PCTN count it and its violations.
                papi_dimensions=Dimension.objects.filter(code=CORRUPTION_DIMENSION) if "tham nhũng" in title else (),
                # What 01/PCTN counts it for (rows 14, 18, 25, 42): the anti-corruption inspections examine the
                # preventive rules, the others the spending norms.
                pctn_topics=["transparency", "conduct", "assets"] if "tham nhũng" in title else ["norms"],
            )
            if step > S.PLANNED:
                advance(inspection, min(step, S.APPRAISED), start, users)
        if plan.status == InspectionPlan.Status.DRAFT:
            services.approve_inspection_plan(plan, by=chief, approved_by="Giám đốc Sở", approved_on=D(year - 1, 12, 18),
                                             number=f"01/KH-TTr-{year}")
    _plan(owner, 2027, chief)
    title = "Thanh tra đột xuất việc quản lý giống cây trồng"
    if not Inspection.objects.filter(owner=owner, title=title).exists():
        inspection = services.add_inspection(
            owner=owner, by=chief, title=title, subject_units=[Unit.objects.get(code="snnmt-cctt")], year=2026,
            kind=Inspection.Kind.UNSCHEDULED, grounds=Inspection.Grounds.DENUNCIATION,
            denunciation=Denunciation.objects.order_by("pk").first(), case_reference="Đơn tố cáo số 15/2026",
            grounds_detail="Giải quyết tố cáo theo chỉ đạo của Giám đốc Sở.",
        )
        advance(inspection, S.DECIDED, D(2026, 11, 23), users)
