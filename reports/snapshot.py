"""The exact data a report version is built from, as JSON: every table, every figure and its records.

Documents are rendered from this snapshot, never from the live records, so the stored data of a
frozen version is provably what its files show.
"""

import dataclasses
import datetime
from decimal import Decimal


def plain(value):
    """A JSON-ready copy of a figure's value, a date or a dataclass (Decimal keeps its digits as a number)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def figure_data(figure):
    return {
        "value": plain(figure.value),
        "records": [{"model": ref.model, "pk": ref.pk, "label": str(ref.label), "url": ref.url or ""} for ref in figure.records],
    }


def table_data(table):
    """A `reports.tables.build.Table` as plain data, in its own column order."""
    return {
        "code": table.code,
        "title": str(table.title),
        "layout": table.layout,
        "row_heading": str(table.row_heading),
        "period": plain(table.period),
        "notes": [str(note) for note in (table.notes or ())] if not isinstance(table.notes, str) else [table.notes],
        "columns": [
            {"code": str(column.code), "heading": str(column.heading), "group": [str(g) for g in column.group],
             "unit": str(column.unit or "")}
            for column in table.columns
        ],
        "rows": [
            {"label": str(row.label), "key": row.key, "heading": row.heading,
             "cells": {str(code): figure_data(figure) for code, figure in row.cells.items()}}
            for row in table.rows
        ],
    }


def facts_data(facts):
    return {key: figure_data(figure) for key, figure in facts.items()}


def format_value(value):
    """A figure as printed: thousands with a dot, decimals with a comma (Vietnamese usage); empty for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        whole = f"{value:,.2f}".rstrip("0").rstrip(".")
        return whole.replace(",", " ").replace(".", ",").replace(" ", ".")
    return str(value)


def period_line(period):
    """"Số liệu tính từ ngày 15/12/2025 đến ngày 14/12/2026" (TT 06/2025, header of every biểu)."""
    start = datetime.date.fromisoformat(period["start"])
    end = datetime.date.fromisoformat(period["end"])
    return f"Số liệu tính từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def total_row(table):
    """The table's total row (labelled "Tổng…"), or its single row, or None."""
    for row in reversed(table["rows"]):
        if row["label"].strip().lower().startswith("tổng"):
            return row
    return table["rows"][0] if len(table["rows"]) == 1 else None
