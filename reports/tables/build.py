"""The statistical tables of TT 06/2025/TT-TTCP, computed with pandas from the records a user may see.

Each table's layout (columns, headings, header groups, formulas and checks) is a data file in
fixtures/report_forms/; a column names a source key (reports/tables/sources.py) or a formula over
other columns, or neither (shown empty: "nhập tay"). Every figure carries the records that make it.
"""

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from doctypes.org.models import Unit
from reports.periods import Period
from reports.tables import frames as tables_frames
from reports.tables.sources import SOURCES

FORMS_DIR = Path(settings.BASE_DIR) / "fixtures" / "report_forms"
TABLE_CODES = ("01/TCD", "02/XLD", "03/GQKN", "04/GQTC", "05/KQTH", "06/QLKNTC", "01/TTr", "02/TTr", "03/TTr",
               "01/PCTN", "02/PCTN", "03/PCTN")
MILLION = Decimal(1_000_000)


@dataclass(frozen=True)
class Column:
    """One leaf column of a form: its code in the numbering row, heading, header groups and unit."""

    code: str
    heading: str
    group: tuple[str, ...]
    unit: str = ""
    computed: bool = True  # False: no record source, left empty for the user to fill in ("nhập tay")


@dataclass(frozen=True)
class RecordRef:
    """A record behind a figure: neutral label (case number or pseudonym, never an identity) and admin URL."""

    model: str
    pk: int
    label: str
    url: str


@dataclass(frozen=True)
class Figure:
    """A cell value (None when not computed from records) and the records that make it."""

    value: int | Decimal | str | None
    records: tuple[RecordRef, ...] = field(default=())


@dataclass
class Row:
    """One printed row: a unit (or "Tổng cộng"), an indicator of 01/PCTN (its MS in `key`), or a listed case."""

    label: str
    cells: dict[str, Figure]
    key: str = ""
    heading: bool = False  # a section heading of a row-list form: printed, never filled


@dataclass
class Table:
    """A filled form: one row per unit plus "Tổng cộng"."""

    code: str
    title: str
    columns: list[Column]
    rows: list[Row]
    period: Period
    notes: str
    layout: str = "units"  # "units" (one row per unit), "indicators" (01/PCTN), "list" (02/PCTN)
    row_heading: str = "Đơn vị"


@lru_cache(maxsize=None)
def load_layout(code):
    """The form's layout from fixtures/report_forms/<code with "_" for "/">.json."""
    path = FORMS_DIR / f"{code.replace('/', '_')}.json"
    if code not in TABLE_CODES or not path.exists():
        raise ValueError(f"Biểu mẫu không được hỗ trợ: {code!r}. Các biểu hiện có: {', '.join(TABLE_CODES)}.")
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _url_pattern(model_label):
    app_label, model_name = model_label.split(".")
    try:
        return reverse(f"admin:{app_label}_{model_name.lower()}_change", args=[987654321])
    except NoReverseMatch:
        return ""


def _refs(frame):
    return {(model, pk): RecordRef(model, int(pk), str(label), _url_pattern(model).replace("987654321", str(int(pk))))
            for model, pk, label in zip(frame["model"], frame["pk"], frame["label"])}


def _measure(sub, source):
    if source.measure == "count":
        return int(len(sub))
    if source.measure == "nunique":
        return int(sub[source.column].nunique())
    if source.measure == "money":
        return Decimal(int(sub[source.column].sum()) if len(sub) else 0) / MILLION
    total = float(sub[source.column].sum()) if len(sub) else 0.0
    # Land is measured to a tenth of a square metre; counts and people stay whole.
    return int(total) if total.is_integer() else Decimal(str(round(total, 1)))


def _figure(sub, source, refs):
    records = tuple(dict.fromkeys(refs[key] for key in zip(sub["model"], sub["pk"])))
    return Figure(_measure(sub, source), records)


TERM = re.compile(r"\d+")


def _combine(figures):
    """A formula's figure: the sum of its terms, unknown if any term is unknown; records of every term."""
    values = [figure.value for figure in figures]
    value = None if any(v is None for v in values) else sum(values)
    return Figure(value, tuple(dict.fromkeys(record for figure in figures for record in figure.records)))


def load_frames(keys, period, units=None):
    """The frames the source `keys` read, each built once, for `units` (the reporting agency; None: every unit)."""
    frames, refs = {}, {}
    for key in keys:
        name = SOURCES[key].frame
        if name in frames:
            continue
        frame = tables_frames.FRAMES[name](period, units)
        frames[name] = frame
        refs.update(_refs(frame))
    return frames, refs


def selected(frames, key, period):
    source = SOURCES[key]
    frame = frames[source.frame]
    return frame[source.where(frame, period).astype(bool)], source


def _unit_rows(layout, period, units=None, manual=None):
    """One row per unit with records (or with figures typed for it), then "Tổng cộng"; `manual` maps
    (unit id, column code) to the Figure typed for that cell (reports/services/manual.py)."""
    # Only cells no record gives take typed figures: one typed before a column gained a source is left out.
    open_columns = {column["code"] for column in layout["columns"] if not column["source"] and not column["formula"]}
    manual = {key: figure for key, figure in (manual or {}).items() if key[1] in open_columns}
    keys = [column["source"] for column in layout["columns"] if column["source"]]
    frames, refs = load_frames(keys, period, units)
    source_rows = {column["code"]: selected(frames, column["source"], period)
                   for column in layout["columns"] if column["source"]}
    unit_ids = {int(u) for frame in frames.values() for u in frame["unit_id"].dropna()}
    unit_ids |= {int(row) for row, _column in manual if row.isdigit()}
    units = list(Unit.objects.filter(pk__in=unit_ids).order_by("code"))
    scopes = [(unit.name, unit.pk) for unit in units] + [(_("Tổng cộng"), None)]
    typed_columns = sorted({column for _row, column in manual})
    rows = []
    for label, unit_id in scopes:
        cells = {}
        for code, (sub, source) in source_rows.items():
            cells[code] = _figure(sub if unit_id is None else sub[sub["unit_id"].eq(unit_id)], source, refs)
        for code in typed_columns:
            if unit_id is None:
                # The total of a typed column adds what the units entered; a unit that typed nothing adds nothing.
                cells[code] = _combine([figure for (_row, column), figure in manual.items() if column == code])
            elif (str(unit_id), code) in manual:
                cells[code] = manual[(str(unit_id), code)]
        rows.append(Row(label, _fill_formulas(layout, cells), key=str(unit_id) if unit_id else "total"))
    return rows


def _fill_formulas(layout, cells):
    by_code = {column["code"]: column for column in layout["columns"]}

    def value_of(code):
        if code not in cells:
            formula = by_code[code]["formula"]
            cells[code] = _combine([value_of(term) for term in TERM.findall(formula)]) if formula else Figure(None)
        return cells[code]

    for code in by_code:
        value_of(code)
    return {code: cells[code] for code in by_code}


def _columns(layout):
    return [Column(c["code"], c["heading"], tuple(c["group"]), c.get("unit", ""), bool(c["source"] or c["formula"]))
            for c in layout["columns"]]


def build_table(code, *, period, units=None, manual=None):
    """Form `code` for `period`, one row per unit, from the records of `units` (ids: the reporting agency).

    The figures are the agency's whoever generates the table: nothing here reads the user's
    visibility (who may draft or freeze is decided by reports/access.py). Row-list and case-list forms (01/PCTN,
    02/PCTN) are built by reports/tables/pctn_forms.py from their own layouts. `manual` holds the figures typed
    for the cells no record can give, keyed by (row key, column code).
    """
    layout = load_layout(code)
    if layout.get("layout") in {"indicators", "list"}:
        from reports.tables import pctn_forms as tables_pctn_forms

        return tables_pctn_forms.build(layout, period=period, units=units, manual=manual)
    columns = _columns(layout)
    rows = _unit_rows(layout, period, units, manual)
    blank = [column.code for column in columns if not column.computed and rows[-1].cells[column.code].value is None]
    notes = layout.get("notes", "")
    if blank:
        notes = f"{notes} " + _("Cột chưa có số liệu (không tính được từ hồ sơ, chưa nhập tay): %(columns)s.") % {
            "columns": ", ".join(blank)}
    return Table(code=code, title=layout["title"], columns=columns, rows=rows, period=period, notes=notes.strip())


def table_to_dataframe(table):
    """The table's values as a DataFrame: one row per table row, one column per column code."""
    frame = pd.DataFrame([{code: figure.value for code, figure in row.cells.items()} for row in table.rows],
                         index=[row.label for row in table.rows], columns=[column.code for column in table.columns])
    frame.index.name = "Đơn vị"
    frame.attrs["headings"] = {column.code: column.heading for column in table.columns}
    return frame


CHECK = re.compile(r"^\s*(<=|>=|=)\s*([\d+\s]+)$")


def check_table(table):
    """The form's rules between columns ("1 ≥ 2", "6 = 9+10+11") that a row breaks; unknown values are skipped."""
    layout, problems = load_layout(table.code), []
    for column in layout["columns"]:
        for rule in column["checks"]:
            op, expr = CHECK.match(rule).groups()
            for row in table.rows:
                left = row.cells[column["code"]].value
                terms = [row.cells[term].value for term in TERM.findall(expr)]
                if left is None or any(term is None for term in terms):
                    continue
                right = sum(terms)
                if not {"=": left == right, "<=": left <= right, ">=": left >= right}[op]:
                    problems.append(f"{table.code} – {row.label}: ({column['code']}) = {left} {op} ({expr.strip()}) = {right}")
    return problems


def check_cross_tables(tables):
    """The rules across forms (fixtures/report_forms/cross_checks.json) that the "Tổng cộng" rows break."""
    rules = json.loads((FORMS_DIR / "cross_checks.json").read_text(encoding="utf-8"))
    by_code, problems = {table.code: table for table in tables}, []
    for rule in rules:
        (left_code, left_col), (right_code, right_col) = rule["left"].split("#"), rule["right"].split("#")
        if left_code not in by_code or right_code not in by_code:
            continue
        left = by_code[left_code].rows[-1].cells[left_col].value
        right = by_code[right_code].rows[-1].cells[right_col].value
        holds = {"=": lambda: left == right, ">=": lambda: left >= right, "<=": lambda: left <= right}[rule.get("op", "=")]
        if None not in (left, right) and not holds():
            sign = {"=": "≠", ">=": "<", "<=": ">"}[rule.get("op", "=")]
            problems.append(f"{rule['left']} = {left} {sign} {rule['right']} = {right} ({rule['basis']})")
    return problems
