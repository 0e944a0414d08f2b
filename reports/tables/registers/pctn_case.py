"""01/PCTN from records: the case register, the anti-corruption topics of inspections, checks and violations, and
the TTHC catalogue (rows 7–108 except those no record of the department gives).

Readings (ours, "chưa xác nhận" like the layout's notes): a "vụ việc" found is a case of the register or a corruption
violation of an inspection conclusion issued in the period that no case names, so a case born from a violation is
counted once; people are the case's people, or a violation's person told apart by title within the unit; what
happened to a case (prosecution, trial, discipline, recovery) counts in the period it happened.
"""

import datetime

import pandas as pd
from django.db.models import Q
from django.utils import timezone

from doctypes.discipline_check.models import DisciplineCheck
from doctypes.finding.models import ActionProgress, Violation
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from doctypes.pctn_case.models import PctnCase, PctnCasePerson, PctnRecovery
from doctypes.procedure_review.models import Procedure
from papi_inspect.pctn_topics import PctnTopic, has_topic
from reports.tables import frames as base
from reports.tables.sources import Source, _in_period

CORRUPTION, WASTE = PctnCase.Kind.CORRUPTION.value, PctnCase.Kind.WASTE.value
ADMINISTRATIVE_SANCTIONS = (Violation.Sanction.DISCIPLINE.value, Violation.Sanction.ADMINISTRATIVE_FINE.value)


def _dates(frame, *columns):
    for column in columns:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _within(frame, column, period):
    return frame[column].notna() & _in_period(frame, column, period)


def linked_violation_ids():
    """Violations a case of the register names: the case stands for them in every count."""
    return set(PctnCase.objects.filter(violation__isnull=False).values_list("violation_id", flat=True))


def _cases(period, units):
    return base._scoped(PctnCase.objects.filter(detected_on__lte=period.end), "unit", units)


def _unlinked_corruption_violations(period, units):
    frame = base.violations(period, units)
    frame = frame[frame["corruption"] & ~frame["pk"].isin(linked_violation_ids())].copy()
    kinds = dict(Unit.objects.filter(pk__in=[int(u) for u in frame["org"].dropna()]).values_list("pk", "kind"))
    frame["in_inspectorate"] = frame["org"].map(kinds).eq(Unit.Kind.INSPECTORATE)
    return frame


def pctn_matters(period, units):
    """Cases found by the period's end (flags say what happened in the period), and the corruption violations of the
    conclusions issued in the period that no case names (found by inspection, rows 44, 56)."""
    fields = ["pk", "code", "title", "unit_id", "unit__kind", "detected_on", "channel", "kind", "non_state", "amount_detected",
              "land_detected", "prosecuted_on", "tried_on", "handled_on", "whistleblowers_protected",
              "whistleblowers_retaliated", "retaliators_handled", "whistleblowers_rewarded"]
    cases = _cases(period, units)
    frame = _dates(pd.DataFrame.from_records(list(cases.values(*fields)), columns=fields),
                   "detected_on", "prosecuted_on", "tried_on", "handled_on")
    disciplined = set(PctnCasePerson.objects.filter(case__in=cases, disciplined_on__range=(period.start, period.end))
                      .values_list("case_id", flat=True))
    frame["model"] = "pctn_case.PctnCase"
    frame["label"] = [f"{code} – {title}" for code, title in zip(frame["code"], frame["title"])]
    frame["detected"] = _in_period(frame, "detected_on", period)
    frame["in_inspectorate"] = frame["unit__kind"].eq(Unit.Kind.INSPECTORATE)
    frame["prosecuted"] = _within(frame, "prosecuted_on", period)
    frame["tried"] = _within(frame, "tried_on", period)
    frame["considering"] = frame["handled_on"].isna() | frame["handled_on"].gt(period.end_ts)
    frame["disciplined"] = frame["pk"].isin(disciplined)
    frame = frame.rename(columns={"amount_detected": "amount", "land_detected": "land"})
    violations = _unlinked_corruption_violations(period, units)
    rows = pd.DataFrame({
        "model": "finding.Violation", "pk": violations["pk"], "label": violations["label"], "unit_id": violations["unit_id"],
        "channel": PctnCase.Channel.INSPECTION.value, "kind": CORRUPTION, "non_state": False, "detected": True,
        "in_inspectorate": violations["in_inspectorate"], "prosecuted": False, "tried": False,
        "considering": violations["sanction"].eq(Violation.Sanction.NONE), "disciplined": violations["sanction"].isin(ADMINISTRATIVE_SANCTIONS),
        "amount": violations["amount_to_recover"], "land": violations["land_to_recover"]})
    frame = pd.concat([frame, rows], ignore_index=True) if len(rows) else frame
    for column in ("whistleblowers_protected", "whistleblowers_retaliated", "retaliators_handled", "whistleblowers_rewarded"):
        frame[column] = frame[column].fillna(0).astype(int)
    frame["amount"] = frame["amount"].fillna(0).astype("int64")
    frame["land"] = frame["land"].fillna(0).astype("float64")
    for column in ("non_state", "detected", "in_inspectorate", "prosecuted", "tried", "considering", "disciplined"):
        frame[column] = frame[column].fillna(False).astype(bool)
    return frame


def pctn_people(period, units):
    """The people of those cases and matters, each with what happened to them in the period (rows 45–88, 96–106)."""
    fields = ["pk", "label", "role", "head_responsible", "discipline", "disciplined_on", "prosecuted_on", "sentence",
              "sentenced_on", "case_id", "case__unit_id", "case__unit__kind", "case__detected_on", "case__channel", "case__kind",
              "case__non_state", "case__handled_on"]
    people = PctnCasePerson.objects.filter(case__in=_cases(period, units))
    frame = _dates(pd.DataFrame.from_records(list(people.values(*fields)), columns=fields),
                   "disciplined_on", "prosecuted_on", "sentenced_on", "case__detected_on", "case__handled_on")
    frame["model"] = "pctn_case.PctnCasePerson"
    frame["person_key"] = [f"p{pk}" for pk in frame["pk"]]
    frame["unit_id"] = frame["case__unit_id"]
    frame["channel"], frame["kind"], frame["non_state"] = frame["case__channel"], frame["case__kind"], frame["case__non_state"]
    frame["detected"] = _in_period(frame, "case__detected_on", period)
    frame["in_inspectorate"] = frame["case__unit__kind"].eq(Unit.Kind.INSPECTORATE)
    frame["disciplined"] = _within(frame, "disciplined_on", period)
    frame["prosecuted"] = _within(frame, "prosecuted_on", period)
    frame["sentenced"] = _within(frame, "sentenced_on", period)
    handled = frame["disciplined_on"].le(period.end_ts) | frame["prosecuted_on"].le(period.end_ts)
    frame["considering"] = (frame["case__handled_on"].isna() | frame["case__handled_on"].gt(period.end_ts)) & ~handled
    violations = _unlinked_corruption_violations(period, units)
    violations = violations[violations["person"].ne("")]
    rows = pd.DataFrame({
        "model": "finding.Violation", "pk": violations["pk"], "label": violations["label"], "unit_id": violations["unit_id"],
        "person_key": violations["person_key"], "role": PctnCasePerson.Role.OTHER.value, "head_responsible": False,
        "discipline": "", "sentence": "", "channel": PctnCase.Channel.INSPECTION.value, "kind": CORRUPTION, "non_state": False,
        "detected": True, "in_inspectorate": violations["in_inspectorate"],
        "disciplined": violations["sanction"].isin(ADMINISTRATIVE_SANCTIONS), "prosecuted": False, "sentenced": False,
        "considering": violations["sanction"].eq(Violation.Sanction.NONE)})
    frame = pd.concat([frame, rows], ignore_index=True) if len(rows) else frame
    for column in ("head_responsible", "non_state", "detected", "in_inspectorate", "disciplined", "prosecuted", "sentenced",
                   "considering"):
        frame[column] = frame[column].fillna(False).astype(bool)
    frame["discipline"], frame["sentence"] = frame["discipline"].fillna(""), frame["sentence"].fillna("")
    return frame


def pctn_recoveries(period, units):
    """Money and land recovered in the period, or found unrecoverable: the register's recoveries, and the money the
    follow-up of a corruption violation (or one a case names) reports recovered (administrative measure, row 91.1)."""
    fields = ["pk", "recorded_on", "measure", "amount", "land", "case__unit_id", "case__code", "case__kind", "case__non_state"]
    recoveries = PctnRecovery.objects.filter(case__in=_cases(period, units), recorded_on__range=(period.start, period.end))
    frame = pd.DataFrame.from_records(list(recoveries.values(*fields)), columns=fields).rename(
        columns={"case__unit_id": "unit_id", "case__non_state": "non_state"})
    frame["model"] = "pctn_case.PctnRecovery"
    frame["label"] = [f"{code}: {day:%d/%m/%Y}" for code, day in zip(frame["case__code"], frame["recorded_on"])]
    followups = base.followup_violations(period, units)
    followups = followups[(followups["corruption"] | followups["pk"].isin(linked_violation_ids()))
                          & followups["recovered_in_period"].gt(0)]
    rows = pd.DataFrame({"model": "finding.Violation", "pk": followups["pk"], "label": followups["label"],
                         "unit_id": followups["unit_id"], "measure": PctnRecovery.Measure.ADMINISTRATIVE.value,
                         "amount": followups["recovered_in_period"], "land": 0.0, "non_state": False})
    frame = pd.concat([frame, rows], ignore_index=True) if len(rows) else frame
    frame["amount"] = frame["amount"].fillna(0).astype("int64")
    frame["land"] = frame["land"].fillna(0).astype("float64")
    frame["non_state"] = frame["non_state"].fillna(False).astype(bool)
    frame["recovered"] = frame["measure"].isin([PctnRecovery.Measure.ADMINISTRATIVE, PctnRecovery.Measure.JUDICIAL])
    return frame


def pctn_checks(period, units):
    """One row per unit checked: inspections under way in the period (per subject unit) and discipline checks done in it,
    with the anti-corruption contents each examined (rows 14, 18, 25, 36, 42)."""
    window = Q(concluded_on__isnull=True) | Q(concluded_on__gte=period.start)
    inspections = base._scoped(Inspection.objects.filter(window, step__gte=Inspection.Step.DECIDED,
                                                         decision_date__lte=period.end).exclude(pctn_topics=[]), "owner", units)
    records = []
    subjects = Inspection.subject_units.through.objects.filter(inspection__in=inspections)
    topics = {pk: (title, year, owner, value) for pk, title, year, owner, value
              in inspections.values_list("pk", "title", "year", "owner_id", "pctn_topics")}
    for inspection_id, unit_id in subjects.values_list("inspection_id", "unit_id"):
        title, year, owner, value = topics[inspection_id]
        records.append(("inspection.Inspection", inspection_id, f"{title} ({year})", owner, unit_id, value))
    checks = base._scoped(DisciplineCheck.objects.filter(status=DisciplineCheck.Status.DONE,
                                                         conducted_on__range=(period.start, period.end))
                          .exclude(pctn_topics=[]), "unit", units)
    for pk, unit_id, unit_name, day, value in checks.values_list("pk", "unit_id", "unit__name", "conducted_on", "pctn_topics"):
        records.append(("discipline_check.DisciplineCheck", pk, f"{unit_name} – {day:%d/%m/%Y}", unit_id, unit_id, value))
    frame = pd.DataFrame.from_records(records, columns=["model", "pk", "label", "unit_id", "checked_unit", "topics"])
    frame["record"] = frame["model"] + ":" + frame["pk"].astype(str)
    for topic in PctnTopic.values:
        frame[topic] = [has_topic(value, topic) for value in frame["topics"]]
    return frame


def pctn_topic_violations(period, units):
    """Violations of a preventive rule (Luật PCTN Chương II) found by the period's end: in a conclusion (its date) or
    a discipline check or review (the finding's date); `found` if in the period, with the money recovered in it."""
    end = period.end
    queryset = Violation.objects.exclude(pctn_topic="").filter(
        Q(finding__inspection__concluded_on__lte=end) | Q(finding__inspection__isnull=True, finding__recorded_on__lte=end))
    if units is not None:
        ids = [int(unit) for unit in units]
        queryset = queryset.filter(Q(finding__inspection__owner__in=ids) | Q(finding__inspection__isnull=True, finding__unit__in=ids))
    fields = ["pk", "kind", "pctn_topic", "responsible_unit_id", "responsible_person", "sanction", "amount_to_recover",
              "finding__inspection_id", "finding__inspection__owner_id", "finding__inspection__concluded_on",
              "finding__unit_id", "finding__recorded_on"]
    frame = pd.DataFrame.from_records(list(queryset.values(*fields)), columns=fields)
    frame["model"] = "finding.Violation"
    frame["label"] = [f"Vi phạm #{pk}: {kind}" for pk, kind in zip(frame["pk"], frame["kind"])]
    inspected = frame["finding__inspection_id"].notna()
    frame["unit_id"] = frame["finding__inspection__owner_id"].where(inspected, frame["finding__unit_id"])
    frame["found_on"] = pd.to_datetime(frame["finding__inspection__concluded_on"].where(inspected, frame["finding__recorded_on"]))
    frame["found"] = _in_period(frame, "found_on", period)
    frame["person"] = frame["responsible_person"].fillna("").str.strip()
    frame["person_key"] = [f"{org}:{person}" if person else "" for org, person in zip(frame["responsible_unit_id"], frame["person"])]
    frame["amount_to_recover"] = frame["amount_to_recover"].fillna(0).astype("int64")
    recovered = {}
    progress = ActionProgress.objects.filter(action__violation__in=queryset, reported_on__range=(period.start, end))
    for violation_id, amount in progress.values_list("action__violation_id", "amount_recovered"):
        recovered[violation_id] = recovered.get(violation_id, 0) + int(amount or 0)
    frame["recovered_in_period"] = frame["pk"].map(recovered).fillna(0).astype("int64")
    return frame


def pctn_procedures(period, units):
    """The TTHC catalogue as it stood at the period's end (its history), procedures in force (rows 33–35).
    The catalogue is the department's own, so it has no unit: it counts whatever the scope."""
    moment = timezone.make_aware(datetime.datetime.combine(period.end, datetime.time.max))
    rows = Procedure.history.as_of(moment).filter(in_force=True).values_list("id", "code", "name", "online_level")
    frame = pd.DataFrame.from_records(list(rows), columns=["pk", "code", "name", "online_level"])
    frame["model"] = "procedure_review.Procedure"
    frame["label"] = [f"{code} – {name}" for code, name in zip(frame["code"], frame["name"])]
    frame["unit_id"] = None
    return frame


FRAMES = {
    "pctn_matters": pctn_matters,
    "pctn_people": pctn_people,
    "pctn_recoveries": pctn_recoveries,
    "pctn_checks": pctn_checks,
    "pctn_topic_violations": pctn_topic_violations,
    "pctn_procedures": pctn_procedures,
}


def _matter(where, measure="count", column=""):
    return Source("pctn_matters", lambda frame, period: where(frame), measure, column)


def _person(where):
    return Source("pctn_people", lambda frame, period: where(frame), "nunique", "person_key")


def _found(kind=None, channel=None):
    """Cases (or people) found in the period, of one kind (None: both) and through one channel (None: any)."""
    def where(frame):
        mask = frame["detected"]
        if kind is not None:
            mask = mask & frame["kind"].eq(kind)
        if channel is not None:
            mask = mask & frame["channel"].eq(channel)
        return mask
    return where


def _check(topic, measure_column):
    return Source("pctn_checks", lambda frame, period: frame[topic], "nunique", measure_column)


def _topic(topic, extra=None, measure="count", column="", found=True):
    def where(frame, period):
        mask = frame["pctn_topic"].eq(topic)
        if found:
            mask = mask & frame["found"]
        return mask & extra(frame) if extra is not None else mask
    return Source("pctn_topic_violations", where, measure, column)


def _recovery(where, measure="money", column="amount"):
    return Source("pctn_recoveries", lambda frame, period: where(frame), measure, column)


_named = lambda frame: frame["person"].ne("")  # noqa: E731  (a violation naming a person)
_head = lambda frame: frame["role"].isin(["head", "deputy"]) & frame["head_responsible"]  # noqa: E731
Channel, Sentence = PctnCase.Channel, PctnCasePerson.Sentence
SOURCES = {
    # Rows 14–25, 30, 36–37, 42: inspections and checks by what they examined; violations by the rule they breach.
    "pctn_case.units_checked_transparency": _check("transparency", "checked_unit"),
    "pctn_case.units_violating_transparency": _topic("transparency", None, "nunique", "responsible_unit_id"),
    "pctn_case.checks_norms": _check("norms", "record"),
    "pctn_case.violations_norms": _topic("norms"),
    "pctn_case.violators_norms": _topic("norms", _named, "nunique", "person_key"),
    "pctn_case.violators_norms_administrative": _topic(
        "norms", lambda f: _named(f) & f["sanction"].isin(ADMINISTRATIVE_SANCTIONS), "nunique", "person_key"),
    "pctn_case.violators_norms_criminal": _topic(
        "norms", lambda f: _named(f) & f["sanction"].eq(Violation.Sanction.CRIMINAL_REFERRAL), "nunique", "person_key"),
    "pctn_case.norms_to_recover": _topic("norms", None, "money", "amount_to_recover"),
    "pctn_case.norms_recovered": _topic("norms", None, "money", "recovered_in_period", found=False),
    "pctn_case.units_checked_conduct": _check("conduct", "checked_unit"),
    "pctn_case.handled_post_office_business": _topic(
        "post_office_business", lambda f: _named(f) & f["sanction"].ne(Violation.Sanction.NONE), "nunique", "person_key"),
    "pctn_case.procedures_online": Source("pctn_procedures", lambda frame, period: frame["online_level"].isin(["full", "partial"])),
    "pctn_case.procedures_full": Source("pctn_procedures", lambda frame, period: frame["online_level"].eq("full")),
    "pctn_case.procedures_partial": Source("pctn_procedures", lambda frame, period: frame["online_level"].eq("partial")),
    "pctn_case.checks_cashless": _check("cashless", "record"),
    "pctn_case.violations_cashless": _topic("cashless"),
    "pctn_case.units_checked_assets": _check("assets", "checked_unit"),
    # Rows 44–75: cases found in the period, by kind and by how they were found.
    "pctn_case.corruption_found": _matter(_found(CORRUPTION)),
    "pctn_case.corruption_people": _person(_found(CORRUPTION)),
    "pctn_case.waste_found": _matter(_found(WASTE)),
    "pctn_case.waste_people": _person(_found(WASTE)),
    # Rows 64–65: reports (phản ánh) of corruption received in the period, and those dealt with in it.
    "pctn_case.reports_received": Source("petitions", lambda frame, period: frame["anti_corruption"].eq(True)
                                         & frame["content_kind"].eq("request") & _in_period(frame, "received_on", period)),
    "pctn_case.reports_considered": Source("petitions", lambda frame, period: frame["anti_corruption"].eq(True)
                                           & frame["content_kind"].eq("request") & _within(frame, "outcome_on", period)),
    "pctn_case.prosecuted_corruption": _matter(lambda f: f["prosecuted"] & f["kind"].eq(CORRUPTION)),
    "pctn_case.prosecuted_corruption_people": _person(lambda f: f["prosecuted"] & f["kind"].eq(CORRUPTION)),
    "pctn_case.prosecuted_waste": _matter(lambda f: f["prosecuted"] & f["kind"].eq(WASTE)),
    "pctn_case.prosecuted_waste_people": _person(lambda f: f["prosecuted"] & f["kind"].eq(WASTE)),
    # Rows 76–79: the whistle-blowers of the cases found in the period.
    **{f"pctn_case.{name}": _matter(lambda f: f["detected"], "sum", name) for name in (
        "whistleblowers_protected", "whistleblowers_retaliated", "retaliators_handled", "whistleblowers_rewarded")},
    # Rows 80–88: heads held responsible, trials and sentences, discipline, cases still being considered.
    "pctn_case.heads_responsible": _person(lambda f: f["detected"] & _head(f)),
    "pctn_case.heads_prosecuted": _person(lambda f: f["prosecuted"] & _head(f)),
    "pctn_case.heads_disciplined": _person(lambda f: f["disciplined"] & _head(f)),
    "pctn_case.heads_reprimanded": _person(lambda f: f["disciplined"] & _head(f) & f["discipline"].eq("reprimand")),
    "pctn_case.heads_warned": _person(lambda f: f["disciplined"] & _head(f) & f["discipline"].eq("warning")),
    "pctn_case.heads_dismissed": _person(lambda f: f["disciplined"] & _head(f) & f["discipline"].eq("dismissal")),
    "pctn_case.cases_tried": _matter(lambda f: f["tried"]),
    "pctn_case.people_sentenced": _person(lambda f: f["sentenced"]),
    **{f"pctn_case.people_sentenced_{value}": _person(lambda f, value=value: f["sentenced"] & f["sentence"].eq(value))
       for value in Sentence.values},
    "pctn_case.cases_disciplined": _matter(lambda f: f["disciplined"]),
    "pctn_case.people_disciplined": _person(lambda f: f["disciplined"] & ~f["head_responsible"]),
    "pctn_case.cases_considering": _matter(lambda f: f["considering"]),
    "pctn_case.people_considering": _person(lambda f: f["considering"]),
    # Rows 89–94: assets found (cases found in the period), recovered and unrecoverable (in the period).
    "pctn_case.amount_found": _matter(lambda f: f["detected"], "money", "amount"),
    "pctn_case.land_found": _matter(lambda f: f["detected"], "sum", "land"),
    "pctn_case.amount_recovered": _recovery(lambda f: f["recovered"]),
    "pctn_case.amount_recovered_administrative": _recovery(lambda f: f["measure"].eq("administrative")),
    "pctn_case.amount_recovered_judicial": _recovery(lambda f: f["measure"].eq("judicial")),
    "pctn_case.land_recovered": _recovery(lambda f: f["recovered"], "sum", "land"),
    "pctn_case.land_recovered_administrative": _recovery(lambda f: f["measure"].eq("administrative"), "sum", "land"),
    "pctn_case.land_recovered_judicial": _recovery(lambda f: f["measure"].eq("judicial"), "sum", "land"),
    "pctn_case.amount_unrecoverable": _recovery(lambda f: f["measure"].eq("unrecoverable")),
    "pctn_case.land_unrecoverable": _recovery(lambda f: f["measure"].eq("unrecoverable"), "sum", "land"),
    # Rows 95–100: in the inspectorate itself.
    "pctn_case.inspectorate_found": _matter(lambda f: f["detected"] & f["in_inspectorate"]),
    "pctn_case.inspectorate_people": _person(lambda f: f["detected"] & f["in_inspectorate"]),
    "pctn_case.inspectorate_prosecuted": _matter(lambda f: f["prosecuted"] & f["in_inspectorate"]),
    "pctn_case.inspectorate_prosecuted_people": _person(lambda f: f["prosecuted"] & f["in_inspectorate"]),
    "pctn_case.inspectorate_disciplined": _matter(lambda f: f["disciplined"] & f["in_inspectorate"]),
    "pctn_case.inspectorate_disciplined_people": _person(lambda f: f["disciplined"] & f["in_inspectorate"]),
    # Rows 104–108: corruption in the non-state sector under the department's management.
    "pctn_case.non_state_found": _matter(lambda f: f["detected"] & f["non_state"] & f["kind"].eq(CORRUPTION)),
    "pctn_case.non_state_people": _person(lambda f: f["detected"] & f["non_state"] & f["kind"].eq(CORRUPTION)),
    "pctn_case.non_state_prosecuted_people": _person(lambda f: f["prosecuted"] & f["non_state"] & f["kind"].eq(CORRUPTION)),
    "pctn_case.non_state_damage": _matter(lambda f: f["detected"] & f["non_state"] & f["kind"].eq(CORRUPTION), "money", "amount"),
    "pctn_case.non_state_recovered": _recovery(lambda f: f["recovered"] & f["non_state"]),
}
# Rows 48–71: one pair (cases, people) per way of finding, with the kind the row names (None: all of TNLPTC).
for _channel, _kind in ((Channel.STATE_CHECK, None), (Channel.SELF_CHECK, None), (Channel.ANTI_CORRUPTION_BODY, None),
                        (Channel.ELECTED_SUPERVISION, CORRUPTION), (Channel.INSPECTION, CORRUPTION), (Channel.INSPECTION, WASTE),
                        (Channel.AUDIT, CORRUPTION), (Channel.AUDIT, WASTE), (Channel.REPORT, None), (Channel.COMPLAINT, None),
                        (Channel.OTHER, None)):
    _suffix = f"{_channel.value}" + (f"_{_kind}" if _kind else "")
    SOURCES[f"pctn_case.found_{_suffix}"] = _matter(_found(_kind, _channel.value))
    SOURCES[f"pctn_case.found_{_suffix}_people"] = _person(_found(_kind, _channel.value))
# Rows 52A, 53A: of those found by the anti-corruption bodies' checks, the corruption cases in the inspectorate itself.
SOURCES["pctn_case.found_anti_corruption_body_inspectorate"] = _matter(
    lambda f: _found(CORRUPTION, Channel.ANTI_CORRUPTION_BODY.value)(f) & f["in_inspectorate"])
SOURCES["pctn_case.found_anti_corruption_body_inspectorate_people"] = _person(
    lambda f: _found(None, Channel.ANTI_CORRUPTION_BODY.value)(f) & f["in_inspectorate"])
