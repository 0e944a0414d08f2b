"""Per-record pandas frames for the statistical tables, read for an explicit scope of units (the reporting agency).

A report is the agency's, not the drafter's: the frames never look at who generates them, so two
people generating the same report get the same figures (TT 06/2025/TT-TTCP counts the agency's
work). `units` is the set of unit ids the report covers (the agency and the units under it); `None`
reads every unit (the whole database, for cross-checks and benchmarks). The scope is applied in SQL.

Every frame has the columns `model`, `pk`, `label` (neutral: a case number or a title, never a
denouncer's identity) and `unit_id` (the row "Đơn vị" the record is counted under), plus the facts
the sources in `tables_sources.py` filter and sum. The SQL filter keeps only what the period can
touch, so ten years of history cost no more than the one period read.
"""

import pandas as pd
from django.db.models import Count, Q

from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.complaint_case.models.remedies import REMEDY_FIELDS
from doctypes.finding.models import Action, ActionProgress, Finding, Violation
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit

CORRUPTION_DIMENSION = "4"  # PAPI dimension 4: control of corruption (and its sub-dimensions 4.x)
DATE_COLUMNS = ("received_on", "outcome_on", "accepted_on", "decided_on", "concluded_on", "decision_date",
                "published_on", "held_on", "petition_outcome_on", "withdrawn_on")


def _frame(model_label, rows, columns):
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in DATE_COLUMNS:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column])
    frame.insert(0, "model", model_label)
    return frame


def _in(frame, column, period):
    return frame[column].ge(period.start_ts) & frame[column].le(period.end_ts)


def _corruption_dimension():
    return Q(dimension__code=CORRUPTION_DIMENSION) | Q(dimension__code__startswith=f"{CORRUPTION_DIMENSION}.")


def _scoped(queryset, field, units):
    """`queryset` kept to the records whose `field` (a unit) is one of `units`; all of them when `units` is None."""
    return queryset if units is None else queryset.filter(**{f"{field}__in": [int(unit) for unit in units]})


def corruption_inspection_ids(inspections):
    """Inspections on anti-corruption: grounds "Phòng, chống tham nhũng" or linked to PAPI dimension 4."""
    linked = Inspection.papi_dimensions.through.objects.filter(_corruption_dimension(), inspection__in=inspections)
    flagged = set(inspections.filter(grounds=Inspection.Grounds.ANTI_CORRUPTION).values_list("pk", flat=True))
    return flagged | set(linked.values_list("inspection_id", flat=True))


def corruption_finding_ids(findings):
    through = Finding.papi_dimensions.through.objects
    return set(through.filter(_corruption_dimension(), finding__in=findings).values_list("finding_id", flat=True))


def receptions(period, units):
    """Receptions held in the period, each as regular, the head's own, or a delegate's (01/TCD)."""
    fields = ["pk", "code", "unit_id", "kind", "is_group", "group_size", "received_on", "petition_id",
              "petition__merged_into_id"]
    rows = _scoped(Reception.objects.filter(received_on__range=(period.start, period.end)), "unit", units).values(*fields)
    frame = _frame("citizen_reception.Reception", list(rows), fields)
    # A periodic reception on a day the head delegated is "ủy quyền tiếp"; the others are the head's own.
    delegated = set(ReceptionDay.objects.filter(held_on__range=(period.start, period.end), delegate__isnull=False)
                    .values_list("held_on", flat=True))
    delegated = {pd.Timestamp(day) for day in delegated}
    periodic = frame["kind"].eq(Reception.Kind.PERIODIC)
    frame["role"] = "head"
    frame.loc[frame["kind"].eq(Reception.Kind.REGULAR), "role"] = "regular"
    frame.loc[periodic & frame["received_on"].isin(delegated), "role"] = "delegate"
    petition = frame["petition__merged_into_id"].fillna(frame["petition_id"])
    frame["matter"] = [f"p{int(p)}" if pd.notna(p) else f"r{pk}" for p, pk in zip(petition, frame["pk"])]
    frame["label"] = frame["code"]
    return frame


def reception_days(period, units):
    """The leaders' reception days held in the period, counted under the leader's agency (01/TCD cols 10, 16)."""
    fields = ["pk", "held_on", "delegate_id", "leader__staff_profile__unit_id"]
    days = ReceptionDay.objects.filter(held_on__range=(period.start, period.end))
    rows = list(_scoped(days, "leader__staff_profile__unit", units).values(*fields))
    agencies = {}
    for row in rows:
        unit_id = row["leader__staff_profile__unit_id"]
        if unit_id is not None and unit_id not in agencies:
            agencies[unit_id] = Unit.objects.get(pk=unit_id).agency().pk
        row["unit_id"] = agencies.get(unit_id)
    rows = [row for row in rows if row["unit_id"] is not None]
    frame = _frame("citizen_reception.ReceptionDay", rows, fields + ["unit_id"])
    frame["label"] = [f"Ngày tiếp {day:%d/%m/%Y}" for day in frame["held_on"]]
    return frame


def petitions(period, units):
    """Petitions received in the period, or earlier and not yet processed at its start (02/XLD col 1)."""
    fields = ["pk", "code", "unit_id", "received_on", "content_kind", "eligible", "within_competence",
              "prior_resolution", "outcome", "outcome_on", "anti_corruption", "matter_key", "subject_area"]
    window = Q(received_on__gte=period.start) | Q(outcome_on__isnull=True) | Q(outcome_on__gte=period.start)
    petitions = Petition.objects.filter(window, received_on__lte=period.end, merged_into__isnull=True)
    rows = _scoped(petitions, "unit", units).values(*fields)
    frame = _frame("complaint_case.Petition", list(rows), fields)
    frame["processed"] = frame["outcome_on"].le(period.end_ts)
    frame["eligible_done"] = frame["processed"] & frame["eligible"].eq(True)
    frame["in_competence"] = frame["eligible_done"] & frame["within_competence"].eq(True)
    frame["outside_competence"] = frame["eligible_done"] & frame["within_competence"].eq(False)
    frame["first_time"] = frame["prior_resolution"].eq(Petition.PriorResolution.NEVER)
    frame["matter"] = [key or f"p{pk}" for key, pk in zip(frame["matter_key"], frame["pk"])]
    frame["label"] = frame["code"]
    return frame


def _cases(model, period, units, closed_field, extra):
    fields = ["pk", "code", "unit_id", "received_on", "accepted_on", closed_field, "status", "anti_corruption",
              "petition_id", "petition__outcome_on", "subject", "withdrawn_on"] + extra
    window = Q(received_on__gte=period.start) | Q(**{f"{closed_field}__isnull": True}) | Q(**{f"{closed_field}__gte": period.start})
    rows = _scoped(model.objects.filter(window, received_on__lte=period.end), "unit", units).values(*fields)
    frame = _frame(model._meta.label, list(rows), fields).rename(columns={"petition__outcome_on": "petition_outcome_on"})
    frame["petition_outcome_on"] = pd.to_datetime(frame["petition_outcome_on"])
    # The cases counted in cols 2–6 are those of the petitions counted in col 1 (processed in the period),
    # or, for a case opened without a petition, those received in the period.
    frame["in_scope"] = (frame["petition_id"].notna() & _in(frame, "petition_outcome_on", period)) | (
        frame["petition_id"].isna() & _in(frame, "received_on", period))
    frame["accepted"] = frame["accepted_on"].le(period.end_ts)
    for name in set(extra) & set(REMEDY_FIELDS):
        frame[name] = frame[name].astype("float64").fillna(0)
    # Withdrawn and suspended by the period's end (Luật Khiếu nại Điều 10, Luật Tố cáo Điều 33): col 6, not cols 3–4.
    frame["withdrawn"] = frame["withdrawn_on"].le(period.end_ts)
    return frame


def complaints(period, units):
    """Complaint cases open during the period or decided in it (03/GQKN)."""
    frame = _cases(ComplaintCase, period, units, "decided_on", ["level", "result", *REMEDY_FIELDS])
    frame["label"] = frame["code"]
    return frame


def denunciations(period, units):
    """Denunciation cases open during the period or concluded in it (04/GQTC); labelled by code and pseudonym."""
    frame = _cases(Denunciation, period, units, "concluded_on",
                   ["pseudonym", "verdict", "petition__prior_resolution", *REMEDY_FIELDS])
    frame["label"] = [f"{code} – {pseudonym}" for code, pseudonym in zip(frame["code"], frame["pseudonym"])]
    frame["declined"] = frame["status"].eq(Denunciation.Status.NOT_ACCEPTED)
    # "Tố cáo tiếp" (04/GQTC cols 11–13): the petition says the matter was denounced and resolved before.
    frame["first_time"] = frame["petition__prior_resolution"].isna() | frame["petition__prior_resolution"].isin(
        ["", Petition.PriorResolution.NEVER])
    return frame


def inspections(period, units):
    """Inspections carried out in the period (decided by its end, not concluded before it) or published in it."""
    fields = ["pk", "title", "year", "owner_id", "kind", "grounds", "decision_date", "concluded_on", "published_on",
              "denunciation_id", "complaint_case_id", "conclusion_summary"]
    window = Q(concluded_on__isnull=True) | Q(concluded_on__gte=period.start) | Q(published_on__gte=period.start)
    queryset = _scoped(Inspection.objects.filter(window, step__gte=Inspection.Step.DECIDED, decision_date__lte=period.end),
                       "owner", units)
    frame = _frame("inspection.Inspection", list(queryset.values(*fields)), fields).rename(columns={"owner_id": "unit_id"})
    frame = frame.drop_duplicates("pk")
    ids = Inspection.objects.filter(pk__in=queryset.values("pk"))
    subjects = dict(Inspection.subject_units.through.objects.filter(inspection__in=ids).values("inspection_id")
                    .annotate(n=Count("unit_id")).values_list("inspection_id", "n"))
    frame["n_subjects"] = frame["pk"].map(subjects).fillna(0).astype(int)
    frame["corruption"] = frame["pk"].isin(corruption_inspection_ids(ids))
    frame["active"] = frame["concluded_on"].isna() | frame["concluded_on"].ge(period.start_ts)
    frame["carried_over"] = frame["active"] & frame["decision_date"].lt(period.start_ts)
    frame["concluded"] = _in(frame, "concluded_on", period)
    violated = set(Finding.objects.filter(inspection__in=ids, violations__isnull=False).values_list("inspection_id", flat=True))
    frame["has_violations"] = frame["pk"].isin(violated)
    frame["label"] = [f"{title} ({year})" for title, year in zip(frame["title"], frame["year"])]
    return frame


def _violation_frame(queryset, period):
    fields = ["pk", "kind", "finding_id", "finding__inspection_id", "finding__inspection__owner_id", "responsible_unit_id",
              "responsible_person", "sanction", "amount_to_recover", "recover_to", "land_to_recover", "fine_amount"]
    frame = _frame("finding.Violation", list(queryset.values(*fields)), fields).rename(
        columns={"finding__inspection__owner_id": "unit_id", "finding__inspection_id": "inspection_id"})
    inspection_ids = Inspection.objects.filter(pk__in=queryset.values("finding__inspection_id"))
    findings = Finding.objects.filter(pk__in=queryset.values("finding_id"))
    frame["corruption"] = (frame["inspection_id"].isin(corruption_inspection_ids(inspection_ids))
                           | frame["finding_id"].isin(corruption_finding_ids(findings)))
    frame["amount_to_recover"] = frame["amount_to_recover"].fillna(0).astype("int64")
    frame["fine_amount"] = frame["fine_amount"].fillna(0).astype("int64")
    frame["land_to_recover"] = frame["land_to_recover"].fillna(0).astype("float64")
    frame["to_state"] = frame["recover_to"].eq("state")
    frame["person"] = frame["responsible_person"].fillna("").str.strip()
    frame["org"] = frame["responsible_unit_id"]
    # A person is named by title within a unit ("Kế toán trưởng"): the same title in two units is two people.
    frame["person_key"] = [f"{org}:{person}" if person else "" for org, person in zip(frame["org"], frame["person"])]
    progress = pd.DataFrame.from_records(
        list(ActionProgress.objects.filter(action__violation__in=queryset, reported_on__lte=period.end)
             .values("action__violation_id", "reported_on", "amount_recovered")),
        columns=["action__violation_id", "reported_on", "amount_recovered"])
    progress["reported_on"] = pd.to_datetime(progress["reported_on"])
    progress["amount_recovered"] = progress["amount_recovered"].fillna(0).astype("int64")
    before = progress[progress["reported_on"].lt(period.start_ts)].groupby("action__violation_id")["amount_recovered"].sum()
    during = progress[progress["reported_on"].ge(period.start_ts)].groupby("action__violation_id")["amount_recovered"].sum()
    frame["recovered_before"] = frame["pk"].map(before).fillna(0).astype("int64")
    frame["recovered_in_period"] = frame["pk"].map(during).fillna(0).astype("int64")
    frame["amount_due"] = (frame["amount_to_recover"] - frame["recovered_before"]).clip(lower=0)
    frame["label"] = [f"Vi phạm #{pk}: {kind}" for pk, kind in zip(frame["pk"], frame["kind"])]
    return frame


def violations(period, units):
    """Violations in the conclusions issued in the period (01/TTr cols 7–25 aggregate these conclusions)."""
    queryset = Violation.objects.filter(finding__inspection__concluded_on__range=(period.start, period.end))
    return _violation_frame(_scoped(queryset, "finding__inspection__owner", units), period)


def _followup_scope(period, units):
    """Conclusions to carry out in the period: concluded by its end, with follow-up actions not all closed before it."""
    concluded = _scoped(Inspection.objects.filter(concluded_on__lte=period.end), "owner", units)
    actions = pd.DataFrame.from_records(
        list(Action.objects.filter(finding__inspection__in=concluded)
             .values("pk", "finding__inspection_id", "status", "closed_on")),
        columns=["pk", "finding__inspection_id", "status", "closed_on"]).drop_duplicates("pk")
    actions["closed_on"] = pd.to_datetime(actions["closed_on"])
    closed = actions["status"].eq(Action.Status.CLOSED)
    actions["closed_before"] = closed & actions["closed_on"].lt(period.start_ts)
    actions["closed_by_end"] = closed & actions["closed_on"].le(period.end_ts)
    return concluded, actions.groupby("finding__inspection_id").agg(
        n=("pk", "size"), closed_before=("closed_before", "sum"), closed_by_end=("closed_by_end", "sum"))


def followup_conclusions(period, units):
    """Inspection conclusions being carried out in the period, with how many of their actions are closed (02/TTr)."""
    concluded, counts = _followup_scope(period, units)
    counts = counts[counts["n"] > counts["closed_before"]]
    fields = ["pk", "title", "year", "owner_id", "concluded_on"]
    rows = concluded.filter(pk__in=[int(pk) for pk in counts.index]).values(*fields)
    frame = _frame("inspection.Inspection", list(rows), fields).rename(columns={"owner_id": "unit_id"}).drop_duplicates("pk")
    frame["carried_over"] = frame["concluded_on"].lt(period.start_ts)
    frame["completed"] = frame["pk"].map(counts["closed_by_end"]).eq(frame["pk"].map(counts["n"]))
    frame["label"] = [f"{title} ({year})" for title, year in zip(frame["title"], frame["year"])]
    return frame


def followup_violations(period, units):
    """Violations of the conclusions being carried out in the period, with money due and recovered (02/TTr)."""
    conclusions = followup_conclusions(period, units)
    queryset = Violation.objects.filter(finding__inspection_id__in=[int(pk) for pk in conclusions["pk"]])
    return _violation_frame(queryset, period)


def loophole_documents(period, units):
    """Recommendations to amend a document open to corruption: found by the period's end and not fixed before its
    start (03/PCTN), with whether each was fixed by the end and the last progress note if not."""
    queryset = Action.objects.exclude(loophole_document="").filter(finding__recorded_on__lte=period.end)
    queryset = queryset.exclude(status=Action.Status.CLOSED, closed_on__lt=period.start)
    if units is not None:
        ids = [int(unit) for unit in units]
        queryset = queryset.filter(Q(finding__inspection__owner__in=ids) | Q(finding__inspection__isnull=True, finding__unit__in=ids))
    fields = ["pk", "loophole_document", "loophole_issuer", "loophole", "status", "closed_on", "owner_unit_id",
              "finding__inspection__owner_id", "finding__unit_id", "finding__inspection__concluded_on"]
    frame = _frame("finding.Action", list(queryset.values(*fields)), fields)
    frame["concluded_on"] = pd.to_datetime(frame["finding__inspection__concluded_on"])
    frame["unit_id"] = frame["finding__inspection__owner_id"].fillna(frame["finding__unit_id"])
    frame["closed_on"] = pd.to_datetime(frame["closed_on"])
    frame["fixed"] = frame["status"].eq(Action.Status.CLOSED) & frame["closed_on"].le(period.end_ts)
    notes = {}
    progress = ActionProgress.objects.filter(action_id__in=[int(pk) for pk in frame["pk"]], reported_on__lte=period.end)
    for action_id, note in progress.order_by("reported_on", "pk").values_list("action_id", "note"):
        notes[action_id] = note  # the last one reported by the period's end
    frame["last_note"] = [notes.get(int(pk), "") for pk in frame["pk"]]
    frame["label"] = list(frame["loophole_document"])
    return frame


FRAMES = {
    "receptions": receptions,
    "reception_days": reception_days,
    "petitions": petitions,
    "complaints": complaints,
    "denunciations": denunciations,
    "inspections": inspections,
    "violations": violations,
    "followup_conclusions": followup_conclusions,
    "followup_violations": followup_violations,
    "loophole_documents": loophole_documents,
}
