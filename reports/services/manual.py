"""Figures typed by hand for the cells of a report's forms that no record can give: which cells, entering them, using them.

Each typed figure belongs to one report (agency, kind, period), names who typed it, when and from
what source, and reaches the snapshot as a Figure whose record is that entry, so the traceability
sheet reads "Nhập tay: <người>, <ngày> – <nguồn>" where a computed figure lists its records.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from doctypes.org.models import Unit
from papi_inspect.audit import delete, save
from reports.access import may_draft
from reports.models import ManualFigure, Report
from reports.periods import resolve_period
from reports.tables.build import Figure, RecordRef, load_layout

# A source that says where the figure comes from ("Sổ theo dõi văn bản 2026 của Văn phòng"), not "x".
MIN_SOURCE_NOTE = 10
# Columns measured in money or land take decimals; every other column counts things (văn bản, lớp, người).
DECIMAL_UNITS = ("triệu", "trđ", "m2", "đồng", "ha")
THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


@dataclass(frozen=True)
class ManualCell:
    """One cell a form leaves to typing: its row (indicator MS or unit id) and column, with their printed names."""

    row: str
    row_label: str
    column: str
    column_label: str
    unit: str

    @property
    def key(self):
        return (self.row, self.column)

    @property
    def takes_decimals(self):
        return any(word in self.unit.lower() for word in DECIMAL_UNITS)


def _reporting_units(report):
    """The agency and its units active at some point of the report's period, in code order."""
    period = resolve_period(report.period_kind, report.year)
    family = report.owner.family_ids()
    units = Unit.objects.filter(pk__in=family, valid_from__lte=period.end).exclude(valid_to__lt=period.start)
    return list(units.order_by("code"))


def manual_cells(report, code):
    """The cells of form `code` that no record gives, in print order."""
    layout = load_layout(code)
    if layout.get("layout") == "indicators":
        return [ManualCell(row["key"], f"{row['ms']}. {row['content']}" if row["ms"] else row["content"], "SỐ LIỆU",
                           "SỐ LIỆU", row["unit"])
                for row in layout["rows"] if not row["heading"] and not row["source"]]
    if layout.get("layout") == "list":
        return []
    # "Ghi chú" is the form's remarks column: words, not a figure, left to the printed copy.
    columns = [column for column in layout["columns"]
               if not column["source"] and not column["formula"] and column["heading"] != "Ghi chú"]
    return [ManualCell(str(unit.pk), unit.name, column["code"], f"({column['code']}) {column['heading']}",
                       column.get("unit", ""))
            for unit in _reporting_units(report) for column in columns]


def entered(report, code):
    """{(row, column): ManualFigure} of the figures typed for form `code` of `report`."""
    figures = report.manual_figures.filter(form=code).select_related("entered_by")
    return {(figure.row, figure.column): figure for figure in figures}


def _parse(cell, raw):
    text = str(raw if raw is not None else "").strip().replace(" ", "")
    if not text:
        return None
    # Vietnamese writes 1.234,5: dots group thousands, the comma marks decimals.
    if "," in text or THOUSANDS.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("%(cell)s: \"%(raw)s\" không phải là số.") % {"cell": _cell_name(cell), "raw": raw})
    if value < 0:
        raise ValidationError(_("%(cell)s: số liệu không được âm.") % {"cell": _cell_name(cell)})
    if not cell.takes_decimals and value != value.to_integral_value():
        raise ValidationError(_("%(cell)s: chỉ tiêu đếm (%(unit)s) phải là số nguyên.")
                              % {"cell": _cell_name(cell), "unit": cell.unit or _("số lượng")})
    return value


def _cell_name(cell):
    return f"{cell.row_label} – {cell.column_label}" if cell.column != "SỐ LIỆU" else cell.row_label


def record_manual_figures(report, code, values, *, source_note, by):
    """Store the figures typed for form `code` (`values`: {(row, column): text or number, blank to clear}).

    Every changed cell records who typed it and from what source; a blank clears it. All or nothing:
    one bad cell refuses the whole page, so a form is never half-typed.
    """
    if not may_draft(by) or not Report.objects.visible_to(by).filter(pk=report.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền nhập số liệu cho báo cáo này."))
    if code not in report.spec.tables:
        raise ValidationError(_("Biểu %(code)s không thuộc báo cáo này.") % {"code": code})
    cells = {cell.key: cell for cell in manual_cells(report, code)}
    unknown = [key for key in values if tuple(key) not in cells]
    if unknown:
        raise ValidationError(_("Ô không nhập tay được (đã tính từ hồ sơ hoặc không có trong biểu): %(cells)s.")
                              % {"cells": ", ".join(f"{row}/{column}" for row, column in unknown)})
    errors, parsed = [], {}
    for key, raw in values.items():
        try:
            parsed[tuple(key)] = _parse(cells[tuple(key)], raw)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()
        stored = entered(report, code)
        changed = {key: value for key, value in parsed.items()
                   if (stored[key].value if key in stored else None) != value}
        if changed and len(source_note.strip()) < MIN_SOURCE_NOTE:
            raise ValidationError(_("Ghi nguồn số liệu (sổ, văn bản, đơn vị cung cấp), ít nhất %(count)d ký tự.")
                                  % {"count": MIN_SOURCE_NOTE})
        for (row, column), value in changed.items():
            figure = stored.get((row, column))
            if value is None:
                delete(figure, _("Xóa số liệu nhập tay"), by=by)
                continue
            figure = figure or ManualFigure(report=report, form=code, row=row, column=column)
            figure.value, figure.source_note, figure.entered_by = value, source_note.strip(), by
            save(figure, _("Nhập số liệu tay"), by=by)
    return len(changed)


def shown(value):
    """A stored figure as typed back into the page: 12 or 12,5 (Vietnamese decimal comma)."""
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize()).replace(".", ",")


def _value(figure):
    value = figure.value
    return int(value) if value == value.to_integral_value() else value


def typed_figures(report, code):
    """{(row, column): Figure} for build_table: each typed value with its entry as the record behind it."""
    url = reverse("admin:reports_report_manual", args=[report.pk, code.replace("/", "_")])
    figures = {}
    for key, figure in entered(report, code).items():
        who = figure.entered_by.get_full_name() or figure.entered_by.get_username()
        label = _("Nhập tay: %(who)s, %(when)s – %(source)s") % {
            "who": who, "when": f"{figure.entered_at:%d/%m/%Y}", "source": figure.source_note}
        figures[key] = Figure(_value(figure), (RecordRef("reports.manualfigure", figure.pk, label, url),))
    return figures
