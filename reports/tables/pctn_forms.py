"""01/PCTN (a list of numbered indicators) and 02/PCTN (a list of the cases found), built from their layouts."""

import pandas as pd
from django.utils.translation import gettext as _

from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from reports.tables.build import Column, Figure, Row, Table, _figure, load_frames, selected


def _columns(layout):
    return [Column(c["code"], c["heading"], tuple(c["group"]), c.get("unit", ""), True) for c in layout["columns"]]


def indicators(layout, *, period, units=None, manual=None):
    """One row per indicator (MS, NỘI DUNG, ĐVT, SỐ LIỆU); an indicator without a source takes the figure typed
    for it (`manual`, keyed by (MS, "SỐ LIỆU")) or stays blank."""
    manual = manual or {}
    keys = sorted({row["source"] for row in layout["rows"] if row["source"]})
    frames, refs = load_frames(keys, period, units)
    rows, blank = [], 0
    for spec in layout["rows"]:
        if spec["heading"]:
            rows.append(Row(spec["content"], {"ĐVT": Figure(""), "SỐ LIỆU": Figure("")}, key="", heading=True))
            continue
        if spec["source"]:
            sub, source = selected(frames, spec["source"], period)
            value = _figure(sub, source, refs)
        else:
            value = manual.get((spec["key"], "SỐ LIỆU"), Figure(None))
            blank += value.value is None
        rows.append(Row(spec["content"], {"ĐVT": Figure(spec["unit"]), "SỐ LIỆU": value}, key=spec["key"]))
    notes = layout.get("notes", "")
    notes += " " + _("%(count)d chỉ tiêu chưa có số liệu (không tính được từ hồ sơ, chưa nhập tay).") % {"count": blank}
    return Table(code=layout["code"], title=layout["title"], columns=_columns(layout), rows=rows, period=period,
                 notes=notes.strip(), layout="indicators", row_heading="NỘI DUNG")


def cases(layout, *, period, units=None, manual=None):
    """One row per case found in the period, then "Tổng số:"; labels name no person (neither denouncer nor violator)."""
    frames, refs = load_frames([layout["source"]], period, units)
    sub, _source = selected(frames, layout["source"], period)
    unit_ids = {int(u) for u in sub["unit_id"].dropna()} | {int(u) for u in sub["org"].dropna()}
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    titles = dict(Inspection.objects.filter(pk__in=[int(pk) for pk in sub["inspection_id"]]).values_list("pk", "title"))
    sanctions = {"discipline": _("Kiến nghị xử lý kỷ luật"), "criminal": _("Kiến nghị chuyển cơ quan điều tra"),
                 "none": "", "": ""}
    rows = []
    for index, record in enumerate(sub.sort_values(["inspection_id", "pk"]).itertuples(), start=1):
        ref = (refs[(record.model, record.pk)],)
        money = int(record.amount_to_recover) // 1_000_000
        summary = f"{record.kind}" + (_("; kiến nghị thu hồi %(amount)s triệu đồng") % {"amount": f"{money:,}".replace(",", ".")}
                                      if money else "")
        values = {
            "case_name": f"{record.kind} ({titles.get(int(record.inspection_id), '')})",
            "where": names.get(int(record.org), "") if pd.notna(record.org) else "",
            "handler": names.get(int(record.unit_id), ""),
            "summary": summary,
            "remark": sanctions.get(str(record.sanction or ""), str(record.sanction or "")),
        }
        cells = {c["code"]: Figure(values[c["field"]], ref) for c in layout["columns"]}
        rows.append(Row(str(index), cells, key=str(index)))
    rows.append(_total_row(layout, rows, sub, refs))
    return Table(code=layout["code"], title=layout["title"], columns=_columns(layout), rows=rows, period=period,
                 notes=layout.get("notes", ""), layout="list", row_heading="TT")


def _total_row(layout, rows, sub, refs, counts=None):
    """"Tổng số:": the number of rows listed under the first column (and `counts` under theirs), with every record."""
    all_refs = tuple(refs[(m, pk)] for m, pk in zip(sub["model"], sub["pk"]))
    total = {c["code"]: Figure("", ()) for c in layout["columns"]}
    total[layout["columns"][0]["code"]] = Figure(len(rows), all_refs)
    for code, value in (counts or {}).items():
        total[code] = Figure(value, all_refs)
    return Row(_("Tổng số:"), total, key="total")


def documents(layout, *, period, units=None, manual=None):
    """03/PCTN: one row per document open to corruption found by inspections and checks, fixed or not, then "Tổng số:"."""
    frames, refs = load_frames([layout["source"]], period, units)
    sub, _source = selected(frames, layout["source"], period)
    rows = []
    for index, record in enumerate(sub.sort_values("pk").itertuples(), start=1):
        ref = (refs[(record.model, record.pk)],)
        values = {"document": record.loophole_document, "issuer": record.loophole_issuer, "loophole": record.loophole,
                  "fixed": "x" if record.fixed else "", "not_fixed": "" if record.fixed else "x",
                  "reason": "" if record.fixed else record.last_note, "remark": ""}
        rows.append(Row(str(index), {c["code"]: Figure(values[c["field"]], ref) for c in layout["columns"]}, key=str(index)))
    fixed = int(sub["fixed"].sum()) if len(sub) else 0
    rows.append(_total_row(layout, rows, sub, refs, {"4": fixed, "5": len(sub) - fixed}))
    return Table(code=layout["code"], title=layout["title"], columns=_columns(layout), rows=rows, period=period,
                 notes=layout.get("notes", ""), layout="list", row_heading="TT")


def build(layout, *, period, units=None, manual=None):
    builder = {"indicators": indicators, "list": cases, "documents": documents}[layout.get("builder", layout["layout"])]
    return builder(layout, period=period, units=units, manual=manual)
