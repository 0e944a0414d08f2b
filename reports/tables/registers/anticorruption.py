"""01/PCTN from the anti-corruption registers: sessions (MS 4–6), documents (MS 1–3, 16–17), conduct violations handled
(MS 26, 29), gifts handed over (MS 27–28) and job rotations (MS 31–32)."""

import pandas as pd
from django.db.models import Q, Sum

from doctypes.anticorruption.models import (ConductDiscipline, GiftHandover, JobRotation, OutreachSession,
                                            PreventionDocument)
from reports.tables.sources import Source


def _scoped(queryset, units):
    return queryset if units is None else queryset.filter(unit_id__in=[int(unit) for unit in units])


def _frame(model, rows, columns, label):
    frame = pd.DataFrame.from_records(rows, columns=columns)
    frame.insert(0, "model", model._meta.label)
    frame["label"] = [label(row) for row in frame.itertuples()] if len(frame) else pd.Series(dtype="object")
    return frame


def sessions(period, units):
    """Classes held in the period, with the people who took part (summed over units) and the materials published."""
    queryset = _scoped(OutreachSession.objects.filter(held_on__range=(period.start, period.end)), units)
    columns = ["pk", "unit_id", "topic", "kind", "held_on", "materials_published", "participants"]
    rows = queryset.annotate(participants=Sum("attendance__count")).values_list(*columns)
    frame = _frame(OutreachSession, list(rows), columns, lambda row: f"{row.topic} ({row.held_on:%d/%m/%Y})")
    frame["participants"] = frame["participants"].fillna(0).astype("int64")
    return frame


def documents(period, units):
    """Documents issued, amended or repealed in the period for anti-corruption."""
    queryset = _scoped(PreventionDocument.objects.filter(issued_on__range=(period.start, period.end)), units)
    columns = ["pk", "unit_id", "number", "title", "action", "scope"]
    return _frame(PreventionDocument, list(queryset.values_list(*columns)), columns, lambda row: f"{row.number} – {row.title}")


def rotations(period, units):
    """Rotations due in the period (not done before it, not deferred past its end) or carried out in it."""
    in_period = Q(done_on__range=(period.start, period.end))
    due = Q(current_due__lte=period.end) & (Q(done_on__isnull=True) | Q(done_on__gte=period.start))
    queryset = _scoped(JobRotation.objects.filter(due | in_period), units)
    columns = ["pk", "unit_id", "person_id", "position", "current_due", "done_on"]
    frame = _frame(JobRotation, list(queryset.values_list(*columns)), columns,
                   lambda row: f"Chuyển đổi vị trí #{row.pk}: {row.position}")
    done = pd.to_datetime(frame["done_on"])
    frame["done"] = done.ge(period.start_ts) & done.le(period.end_ts)
    return frame


def gifts(period, units):
    """Gifts handed over to the unit in the period, valued in đồng."""
    queryset = _scoped(GiftHandover.objects.filter(handed_over_on__range=(period.start, period.end)), units)
    columns = ["pk", "unit_id", "person_id", "description", "value"]
    frame = _frame(GiftHandover, list(queryset.values_list(*columns)), columns, lambda row: f"Quà tặng #{row.pk}: {row.description}")
    frame["value"] = frame["value"].fillna(0).astype("int64")
    return frame


def conduct_disciplines(period, units):
    """People disciplined in the period for the code of conduct or a conflict of interest."""
    queryset = _scoped(ConductDiscipline.objects.filter(decided_on__range=(period.start, period.end)), units)
    columns = ["pk", "unit_id", "person_id", "ground", "measure"]
    return _frame(ConductDiscipline, list(queryset.values_list(*columns)), columns,
                  lambda row: f"Xử lý vi phạm #{row.pk}: {row.measure}")


FRAMES = {
    "anticorruption_sessions": sessions,
    "anticorruption_documents": documents,
    "job_rotations": rotations,
    "gift_handovers": gifts,
    "conduct_disciplines": conduct_disciplines,
}


def _document(action, scope):
    actions = action if isinstance(action, tuple) else (action,)
    return Source("anticorruption_documents", lambda frame, period: frame["action"].isin(actions) & frame["scope"].eq(scope))


def _every(frame, period):
    return frame["pk"].notna()


SOURCES = {
    "anticorruption.documents_new": _document("new", "law"),  # MS 1
    "anticorruption.documents_amended": _document("amended", "law"),  # MS 2
    "anticorruption.documents_repealed": _document("repealed", "law"),  # MS 3
    "anticorruption.sessions": Source("anticorruption_sessions", _every),  # MS 4
    "anticorruption.participants": Source("anticorruption_sessions", _every, "sum", "participants"),  # MS 5
    "anticorruption.materials": Source("anticorruption_sessions", _every, "sum", "materials_published"),  # MS 6
    "anticorruption.norms_new": _document("new", "norms"),  # MS 16
    "anticorruption.norms_amended_or_repealed": _document(("amended", "repealed"), "norms"),  # MS 17
    "anticorruption.conduct_disciplined": Source(
        "conduct_disciplines", lambda frame, period: frame["ground"].eq("conduct"), "nunique", "person_id"),  # MS 26
    "anticorruption.gift_givers": Source("gift_handovers", _every, "nunique", "person_id"),  # MS 27
    "anticorruption.gift_value": Source("gift_handovers", _every, "money", "value"),  # MS 28
    "anticorruption.conflict_disciplined": Source(
        "conduct_disciplines", lambda frame, period: frame["ground"].eq("conflict"), "nunique", "person_id"),  # MS 29
    "anticorruption.rotations_due": Source("job_rotations", _every, "nunique", "person_id"),  # MS 31
    "anticorruption.rotations_done": Source("job_rotations", lambda frame, period: frame["done"], "nunique", "person_id"),  # MS 32
}
