"""A concluded inspection's violation, for the tests that link a case to it."""

import datetime

from doctypes.finding import services as findings
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit

D = datetime.date


def concluded_violation(people, *, topic="", person="Kế toán trưởng", owner="snnmt-ttr", unit="snnmt-ccthuyloi"):
    inspection = Inspection.objects.create(owner=Unit.objects.get(code=owner), year=2026, title="Thanh tra PCTN",
                                           step=Inspection.Step.DECIDED, decision_date=D(2026, 2, 1), grounds="anti_corruption",
                                           kind="unscheduled")
    inspection.subject_units.set([Unit.objects.get(code=unit)])
    finding = findings.record_finding(by=people.chief_inspector, inspection=inspection, unit=Unit.objects.get(code=unit),
                                      title="Chi sai", criteria="Định mức", condition="Vượt", recorded_on=D(2026, 3, 1))
    return findings.record_violation(finding, by=people.chief_inspector, responsible_unit=Unit.objects.get(code=unit),
                                     kind="Chi sai chế độ", committed_on=D(2026, 3, 1), responsible_person=person,
                                     pctn_topic=topic)
