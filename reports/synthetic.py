"""A realistic synthetic department history, bulk-created, for benchmarks and rule checks on generated data."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from doctypes.citizen_reception.models import Reception
from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.finding.models import Finding, Violation
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit


def _day(rng, year):
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


@transaction.atomic
def make_department_history(years=10, seed=2026, *, end_year=None, agency_code="snnmt", per_year=300):
    """Bulk-create `years` years (ending `end_year`, default last year) of receptions, petitions, complaint and
    denunciation cases (from accepted petitions), inspections, findings and violations; returns the counts."""
    rng = random.Random(seed)
    end_year = end_year or datetime.date.today().year - 1
    agency = Unit.objects.get(code=agency_code)
    units = list(Unit.objects.filter(pk__in=agency.family_ids()).exclude(pk=agency.pk))
    inspectorate = next(unit for unit in units if unit.kind == Unit.Kind.INSPECTORATE)
    officer = get_user_model().objects.filter(staff_profile__unit__in=units).first()
    tag = f"S{seed}"
    petitions, receptions = [], []
    for year in range(end_year - years + 1, end_year + 1):
        for index in range(per_year):
            received = _day(rng, year)
            kind = rng.choice(["complaint", "complaint", "denunciation", "request"])
            eligible, competence = rng.random() < 0.85, rng.random() < 0.6
            outcome = ("accept" if kind != "request" else "file") if eligible and competence else rng.choice(["guide", "transfer"])
            petitions.append(Petition(
                code=f"{tag}-DON-{year}-{index:05d}", received_on=received, channel="post", pseudonym=f"Người gửi {index}",
                matter=f"Vụ việc {year}-{index}", content_kind=kind, eligible=eligible, within_competence=competence,
                prior_resolution=rng.choice(["never", "never", "once"]), anti_corruption=kind == "denunciation" and rng.random() < 0.3,
                status="processed", outcome=outcome, outcome_on=received + datetime.timedelta(days=rng.randrange(1, 10)),
                unit=inspectorate))
            receptions.append(Reception(
                code=f"{tag}-TCD-{year}-{index:05d}", received_on=received, kind=rng.choice(["regular", "regular", "unscheduled"]),
                pseudonym=f"Công dân {index}", group_size=rng.choice([1, 1, 1, 6]), content="Trình bày", classification=kind,
                handling="guide", officer=officer, unit=inspectorate))
    for reception in receptions:
        reception.is_group = reception.group_size > 1
    Petition.objects.bulk_create(petitions, batch_size=1000)
    Reception.objects.bulk_create(receptions, batch_size=1000)
    accepted = Petition.objects.filter(code__startswith=f"{tag}-DON-", outcome="accept")
    complaints, denunciations = [], []
    for petition in accepted:
        day = petition.outcome_on
        if petition.content_kind == "complaint":
            decided = day + datetime.timedelta(days=rng.randrange(20, 60))
            complaints.append(ComplaintCase(
                code=f"{tag}-KN-{petition.pk}", petition=petition, subject=petition.matter, received_on=day, accepted_on=day,
                unit=petition.unit, complainant_name="Người khiếu nại", complained_act="Quyết định hành chính",
                level=1 if petition.prior_resolution == "never" else 2, status="decided", decided_on=decided,
                result=rng.choice(["upheld", "amended", "cancelled"]), anti_corruption=petition.anti_corruption))
        else:
            denunciations.append(Denunciation(
                code=f"{tag}-TC-{petition.pk}", petition=petition, subject=petition.matter, received_on=day, accepted_on=day,
                unit=petition.unit, pseudonym=f"Người tố cáo {petition.pk}", denounced="Cán bộ", status="concluded",
                concluded_on=day + datetime.timedelta(days=rng.randrange(30, 90)), anti_corruption=petition.anti_corruption,
                verdict=rng.choice(["right", "partly", "wrong"])))
    ComplaintCase.objects.bulk_create(complaints, batch_size=1000)
    Denunciation.objects.bulk_create(denunciations, batch_size=1000)
    inspections = []
    for year in range(end_year - years + 1, end_year + 1):
        for index in range(max(per_year // 15, 1)):
            decided = _day(rng, year)
            unscheduled = rng.random() < 0.3
            inspections.append(Inspection(
                owner=inspectorate, year=year, kind="unscheduled" if unscheduled else "planned",
                grounds=rng.choice(["violation_signs", "anti_corruption"]) if unscheduled else "",
                title=f"{tag} Thanh tra {year}-{index}", step=Inspection.Step.CONCLUDED, decision_date=decided,
                concluded_on=decided + datetime.timedelta(days=rng.randrange(30, 120))))
    Inspection.objects.bulk_create(inspections, batch_size=1000)
    inspections = list(Inspection.objects.filter(title__startswith=f"{tag} Thanh tra"))
    through = Inspection.subject_units.through
    through.objects.bulk_create([through(inspection_id=i.pk, unit_id=rng.choice(units).pk) for i in inspections])
    findings = [Finding(inspection=i, unit=rng.choice(units), title="Chi sai chế độ", criteria="Quy định", condition="Thực trạng",
                        recorded_on=i.concluded_on, recorded_by=officer) for i in inspections]
    Finding.objects.bulk_create(findings, batch_size=1000)
    findings = Finding.objects.filter(inspection__in=inspections)
    violations = [Violation(finding=f, responsible_unit=f.unit, kind="Chi sai", committed_on=f.recorded_on,
                            responsible_person=rng.choice(["", "Ông A", "Bà B"]),
                            sanction=rng.choice(["none", "discipline", "criminal"]),
                            amount_to_recover=Decimal(rng.randrange(0, 500) * 1_000_000)) for f in findings for _ in range(2)]
    Violation.objects.bulk_create(violations, batch_size=1000)
    return {"petitions": len(petitions), "receptions": len(receptions), "complaints": len(complaints),
            "denunciations": len(denunciations), "inspections": len(inspections), "findings": len(findings),
            "violations": len(violations)}
