"""Demo findings: those of the demo inspections (recorded on the draft, before the conclusion is signed),
their violations and follow-up actions, and a finding for each discipline check with a failed item."""

import datetime
from decimal import Decimal

from django.db import transaction

from doctypes.discipline_check.models import CheckResult, DisciplineCheck
from doctypes.finding import services
from doctypes.finding.models import Action
from doctypes.inspection.demo import DEMO_INSPECTIONS, advance
from doctypes.inspection.models import Inspection

S = Inspection.Step


def _findings(inspection, on, users):
    by, unit = users["chanhthanhtra"], inspection.subject_units.first()
    finding = services.record_finding(
        by=by, inspection=inspection, unit=unit, title="Chi sai định mức công tác phí", recorded_on=on,
        criteria="Chi công tác phí theo định mức tại Thông tư 40/2017/TT-BTC.", condition="Chi vượt định mức 18.500.000 đồng.",
        cause="Kế toán chưa cập nhật định mức mới.", effect="Thất thoát ngân sách.", severity="medium",
        legal_document="Thông tư 40/2017/TT-BTC", legal_article="5", legal_clause="1",
    )
    violation = services.record_violation(finding, by=by, responsible_unit=unit, kind="Chi sai chế độ", committed_on=on,
                                          responsible_person="Kế toán trưởng", sanction="discipline",
                                          amount_to_recover=Decimal(18_500_000), pctn_topic="norms")
    services.recommend_action(finding, by=by, description="Thu hồi nộp ngân sách số tiền chi sai", owner_unit=unit,
                              due_on=on + datetime.timedelta(days=60), violation=violation)
    services.recommend_action(finding, by=by, description="Kiểm điểm, rút kinh nghiệm đối với kế toán", owner_unit=unit,
                              due_on=on + datetime.timedelta(days=30))


def _follow_up(inspection, users):
    """Some actions progress and close; the rest stay open, several of them overdue."""
    actions = list(Action.objects.filter(finding__inspection=inspection).order_by("pk"))
    if not actions or actions[0].progress.exists():
        return
    unit_user = users["truongdonvi"] if actions[0].owner_unit.code == "snnmt-ccthuyloi" else users["thanhtravien"]
    on = inspection.concluded_on + datetime.timedelta(days=20)
    services.report_action_progress(actions[0], by=unit_user, reported_on=on, note="Đã nộp một phần vào tài khoản tạm giữ.",
                                    amount_recovered=Decimal(10_000_000))
    if inspection.year == 2025:
        services.report_action_progress(actions[1], by=unit_user, reported_on=on, note="Đã tổ chức kiểm điểm.")
        services.verify_action(actions[1], by=users["thanhtravien"], verified_on=on + datetime.timedelta(days=3))
        services.close_action(actions[1], by=users["thanhtravien"], closed_on=on + datetime.timedelta(days=4))


def _check_findings(users):
    clerk = users["vanphong"]
    failed = DisciplineCheck.objects.filter(results__outcome=CheckResult.Outcome.FAIL, findings__isnull=True).distinct()
    for check in failed:
        services.record_finding(
            by=clerk, discipline_check=check, unit=check.unit, title="Chưa chấp hành đầy đủ kỷ luật công vụ",
            criteria="Nội quy cơ quan; Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính.",
            condition="Có nội dung không đạt khi kiểm tra đột xuất.", recorded_on=check.conducted_on, severity="low",
        )


@transaction.atomic
def load(users):
    """Idempotent: an inspection gets its findings once, before it is concluded."""
    for title, year, _subject, step, start, _quarter in DEMO_INSPECTIONS:
        inspection = Inspection.objects.filter(year=year, title=title).first()
        if inspection is None or step < S.CONCLUDED:
            continue
        if inspection.step < S.CONCLUDED:
            _findings(inspection, inspection.reported_on + datetime.timedelta(days=1), users)
            advance(inspection, step, start, users)
        _follow_up(inspection, users)
    _check_findings(users)
