"""The query behind each source key a form's data file names: a frame, a filter and a measure."""

from dataclasses import dataclass
from typing import Callable

from doctypes.complaint_case.models.remedies import REMEDY_FIELDS


@dataclass(frozen=True)
class Source:
    """Records of `frame` where `where(frame, period)` holds, measured by count, sum, or distinct count."""

    frame: str
    where: Callable
    measure: str = "count"  # "count" | "sum" | "nunique" | "money" (sum in đồng, shown in triệu đồng)
    column: str = ""


def _reception(role, measure="count", column="", group=False):
    def where(frame, period):
        mask = frame["role"].eq(role)
        return mask & frame["is_group"].eq(True) if group else mask
    return Source("receptions", where, measure, column)


def _petition(condition):
    return Source("petitions", lambda frame, period: condition(frame))


def _kind(frame, kind):
    return frame["in_competence"] & frame["content_kind"].eq(kind)


SOURCES = {}
for role in ("regular", "head", "delegate"):
    SOURCES.update({
        f"receptions.{role}_visits": _reception(role),
        f"receptions.{role}_people": _reception(role, "sum", "group_size"),
        f"receptions.{role}_matters": _reception(role, "nunique", "matter"),
        f"receptions.{role}_groups": _reception(role, group=True),
        f"receptions.{role}_group_people": _reception(role, "sum", "group_size", group=True),
    })
SOURCES.update({
    "reception_days.head_days": Source("reception_days", lambda frame, period: frame["delegate_id"].isna()),
    "reception_days.delegate_days": Source("reception_days", lambda frame, period: frame["delegate_id"].notna()),
    "petitions.total": _petition(lambda frame: frame["pk"].notna()),
    "petitions.processed": _petition(lambda frame: frame["processed"]),
    "petitions.matters_in_competence": Source(
        "petitions", lambda frame, period: frame["in_competence"] & frame["content_kind"].isin(["complaint", "denunciation", "request"]),
        "nunique", "matter"),
    "petitions.complaints_in_competence": _petition(lambda frame: _kind(frame, "complaint")),
    "petitions.complaints_first": _petition(lambda frame: _kind(frame, "complaint") & frame["first_time"]),
    "petitions.complaints_second": _petition(lambda frame: _kind(frame, "complaint") & ~frame["first_time"]),
    "petitions.denunciations_in_competence": _petition(lambda frame: _kind(frame, "denunciation")),
    "petitions.denunciations_first": _petition(lambda frame: _kind(frame, "denunciation") & frame["first_time"]),
    "petitions.denunciations_next": _petition(lambda frame: _kind(frame, "denunciation") & ~frame["first_time"]),
    "petitions.denunciations_corruption": _petition(lambda frame: _kind(frame, "denunciation") & frame["anti_corruption"]),
    "petitions.requests_in_competence": _petition(lambda frame: _kind(frame, "request")),
    "petitions.guided_outside": _petition(lambda frame: frame["outside_competence"] & frame["outcome"].eq("guide")),
    "petitions.transferred_outside": _petition(lambda frame: frame["outside_competence"] & frame["outcome"].eq("transfer")),
})



def _area(kind, areas=None, *, anti_corruption=None):
    """Petitions of `kind` in competence in one of `areas` (None: any other area, blank included, so the
    areas add up to the kind's total as 02/XLD requires), optionally with or without the anti-corruption flag."""
    named = {"complaint": ["land", "policy"], "denunciation": ["administrative", "judicial"], "request": ["policy", "land"]}[kind]

    def condition(frame):
        mask = _kind(frame, kind) & (frame["subject_area"].isin(areas) if areas else ~frame["subject_area"].isin(named))
        if anti_corruption is not None:
            mask &= frame["anti_corruption"].eq(anti_corruption)
        return mask
    return _petition(condition)


# 02/XLD "Phân loại theo lĩnh vực" (TT 06/2025): the area recorded when the petition is classified; a denunciation
# about corruption counts in col 16 whatever its area.
SOURCES.update({
    "petitions.complaints_land": _area("complaint", ["land"]),
    "petitions.complaints_policy": _area("complaint", ["policy"]),
    "petitions.complaints_other_area": _area("complaint"),
    "petitions.denunciations_administrative": _area("denunciation", ["administrative"], anti_corruption=False),
    "petitions.denunciations_judicial": _area("denunciation", ["judicial"], anti_corruption=False),
    "petitions.denunciations_other_area": _area("denunciation", anti_corruption=False),
    "petitions.requests_policy": _area("request", ["policy"]),
    "petitions.requests_land": _area("request", ["land"]),
    "petitions.requests_other_area": _area("request"),
})


def _in_period(frame, column, period):
    return frame[column].ge(period.start_ts) & frame[column].le(period.end_ts)


def _decision(level, results):
    def where(frame, period):
        return _in_period(frame, "decided_on", period) & frame["level"].eq(level) & frame["result"].isin(results)
    return Source("complaints", where)


# ComplaintCase.Result: "cancelled" = the complaint was right, "upheld" = wrong, "amended" = partly right.
SOURCES.update({
    "complaints.in_scope": Source("complaints", lambda frame, period: frame["in_scope"]),
    "complaints.awaiting": Source("complaints", lambda frame, period: frame["in_scope"] & ~frame["accepted"] & ~frame["withdrawn"]),
    "complaints.accepted": Source("complaints", lambda frame, period: frame["in_scope"] & frame["accepted"] & ~frame["withdrawn"]),
    "complaints.withdrawn": Source("complaints", lambda frame, period: frame["in_scope"] & frame["withdrawn"]),
    "complaints.first_right": _decision(1, ["cancelled"]),
    "complaints.first_wrong": _decision(1, ["upheld"]),
    "complaints.first_partly": _decision(1, ["amended"]),
    "complaints.second_upheld": _decision(2, ["upheld"]),
    "complaints.second_changed": _decision(2, ["amended", "cancelled"]),
    "denunciations.in_scope": Source("denunciations", lambda frame, period: frame["in_scope"]),
    "denunciations.awaiting": Source(
        "denunciations", lambda frame, period: frame["in_scope"] & ~frame["accepted"] & ~frame["declined"] & ~frame["withdrawn"]),
    "denunciations.accepted": Source(
        "denunciations", lambda frame, period: frame["in_scope"] & frame["accepted"] & ~frame["withdrawn"]),
    "denunciations.withdrawn": Source("denunciations", lambda frame, period: frame["in_scope"] & frame["withdrawn"]),
    "denunciations.declined": Source("denunciations", lambda frame, period: frame["in_scope"] & frame["declined"]),
    "denunciations.concluded": Source("denunciations", lambda frame, period: _in_period(frame, "concluded_on", period)),
})


def _verdict(first, verdict):
    def where(frame, period):
        time = frame["first_time"] if first else ~frame["first_time"]
        return _in_period(frame, "concluded_on", period) & time & frame["verdict"].eq(verdict)
    return Source("denunciations", where)


# Luật Tố cáo 2018 Điều 35: each conclusion says right, partly right or wrong (04/GQTC cols 8–13).
for _first, _prefix in ((True, "first"), (False, "next")):
    for _verdict_key in ("right", "wrong", "partly"):
        SOURCES[f"denunciations.{_prefix}_{_verdict_key}"] = _verdict(_first, _verdict_key)


def _inspection(condition):
    return Source("inspections", lambda frame, period: frame["active"] & condition(frame, period))


def _violation(sanction, person, measure="count", column=""):
    def where(frame, period):
        return frame["sanction"].eq(sanction) & (frame["person"].ne("") if person else frame["person"].eq(""))
    return Source("violations", where, measure, column)


SOURCES.update({
    "inspections.carried_over": _inspection(lambda frame, period: frame["carried_over"]),
    "inspections.started": _inspection(lambda frame, period: frame["decision_date"].ge(period.start_ts)),
    "inspections.planned": _inspection(lambda frame, period: frame["kind"].eq("planned")),
    "inspections.unscheduled": _inspection(lambda frame, period: frame["kind"].eq("unscheduled")),
    "inspections.concluded": Source("inspections", lambda frame, period: frame["concluded"]),
    "inspections.concluded_subject_units": Source("inspections", lambda frame, period: frame["concluded"], "sum", "n_subjects"),
    "violations.to_recover": Source("violations", lambda frame, period: frame["pk"].notna(), "money", "amount_to_recover"),
    "violations.discipline_orgs": _violation("discipline", False, "nunique", "org"),
    "violations.discipline_people": _violation("discipline", True, "nunique", "person_key"),
    "violations.criminal_cases": Source("violations", lambda frame, period: frame["sanction"].eq("criminal")),
    "violations.criminal_people": _violation("criminal", True, "nunique", "person_key"),
    # Money and land by where they go (the violation's "thu hồi về"), fines by who pays: 01/TTr cols 12–15, 19–20.
    "violations.to_recover_state": Source("violations", lambda frame, period: frame["to_state"], "money", "amount_to_recover"),
    "violations.to_recover_others": Source("violations", lambda frame, period: ~frame["to_state"], "money", "amount_to_recover"),
    "violations.land_state": Source("violations", lambda frame, period: frame["to_state"], "sum", "land_to_recover"),
    "violations.land_others": Source("violations", lambda frame, period: ~frame["to_state"], "sum", "land_to_recover"),
    "violations.fine_orgs": Source("violations", lambda frame, period: frame["person"].eq(""), "money", "fine_amount"),
    "violations.fine_people": Source("violations", lambda frame, period: frame["person"].ne(""), "money", "fine_amount"),
    # 01/TTr col 26: documents the conclusions issued in the period ask to amend (kiến nghị hoàn thiện cơ chế, chính sách).
    "inspections.policy_documents": Source("loophole_documents", lambda frame, period: _in_period(frame, "concluded_on", period)),
})


def _followup(condition, measure="count", column=""):
    return Source("followup_violations", condition, measure, column)


SOURCES.update({
    "followups.carried_over": Source("followup_conclusions", lambda frame, period: frame["carried_over"]),
    "followups.completed": Source("followup_conclusions", lambda frame, period: frame["completed"]),
    "followups.not_completed": Source("followup_conclusions", lambda frame, period: ~frame["completed"]),
    "followups.money_due": _followup(lambda frame, period: frame["to_state"], "money", "amount_due"),
    "followups.money_recovered": _followup(lambda frame, period: frame["to_state"], "money", "recovered_in_period"),
    "followups.money_due_others": _followup(lambda frame, period: ~frame["to_state"], "money", "amount_due"),
    "followups.money_recovered_others": _followup(lambda frame, period: ~frame["to_state"], "money", "recovered_in_period"),
    "followups.land_due_state": _followup(lambda frame, period: frame["to_state"], "sum", "land_to_recover"),
    "followups.land_due_others": _followup(lambda frame, period: ~frame["to_state"], "sum", "land_to_recover"),
    # 02/TTr cols 33–34: documents the conclusions being carried out ask to amend, and those amended by the period's end.
    "followups.policy_documents": Source("loophole_documents", lambda frame, period: frame["concluded_on"].notna()),
    "followups.policy_documents_done": Source(
        "loophole_documents", lambda frame, period: frame["concluded_on"].notna() & frame["fixed"]),
})


def _corrupt_violation(extra=None, measure="count", column=""):
    def where(frame, period):
        mask = frame["corruption"]
        return mask & extra(frame) if extra else mask
    return Source("violations", where, measure, column)


# 01/PCTN (TT 06/2025) from anti-corruption inspections and their violations; the mapping of an
# indicator to records is our reading of the form, not stated by it (chưa xác nhận).
SOURCES.update({
    "pctn.inspections": Source("inspections", lambda frame, period: frame["corruption"] & frame["active"]),
    "pctn.inspections_concluded": Source("inspections", lambda frame, period: frame["corruption"] & frame["concluded"]),
    "pctn.inspected_units": Source("inspections", lambda frame, period: frame["corruption"] & frame["active"], "sum", "n_subjects"),
    "pctn.discipline_orgs": _corrupt_violation(lambda f: f["sanction"].eq("discipline") & f["person"].eq(""), "nunique", "org"),
    "pctn.discipline_people": _corrupt_violation(lambda f: f["sanction"].eq("discipline") & f["person"].ne(""), "nunique", "person_key"),
    "pctn.criminal_cases": _corrupt_violation(lambda f: f["sanction"].eq("criminal")),
    "pctn.criminal_people": _corrupt_violation(lambda f: f["sanction"].eq("criminal") & f["person"].ne(""), "nunique", "person_key"),
    "pctn.violations": _corrupt_violation(),
    "pctn.violators": _corrupt_violation(lambda f: f["person"].ne(""), "nunique", "person_key"),
    "pctn.amount_to_recover": _corrupt_violation(None, "money", "amount_to_recover"),
    "pctn.amount_recovered": Source("followup_violations", lambda frame, period: frame["corruption"], "money", "recovered_in_period"),
})

SOURCES["pctn.loophole_documents"] = Source("loophole_documents", lambda frame, period: frame["pk"].notna())


def _remedy(frame_name, closed_field, column):
    """A remedy of the decisions (complaints) or conclusions (denunciations) issued in the period."""
    money = column.endswith("money")
    return Source(frame_name, lambda frame, period: _in_period(frame, closed_field, period), "money" if money else "sum", column)


# 03/GQKN cols 13–23 and 04/GQTC cols 14–25: what the decision or conclusion recovers, returns and refers.
for _frame_name, _closed in (("complaints", "decided_on"), ("denunciations", "concluded_on")):
    for _column in REMEDY_FIELDS:
        SOURCES[f"{_frame_name}.{_column}"] = _remedy(_frame_name, _closed, _column)


def _add_register_sources():
    # At the end: the register modules import `Source` from here and read their frames from frames.py.
    from reports.tables import frames as tables_frames
    from reports.tables import registers

    tables_frames.FRAMES.update(registers.merged("FRAMES"))
    SOURCES.update(registers.merged("SOURCES"))


_add_register_sources()
