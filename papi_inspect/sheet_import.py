"""Importing a register from last year's spreadsheet: declared columns, a preview with per-row errors, then one
transaction that saves every row through the doctype's service, or none.

A register declares a `SheetImporter` subclass (its columns, the cross-field checks of one row and the service
that saves one row); the back office (`SheetImportAdminMixin`) and the API (`SheetImportActionMixin`) call the
same `preview` and `run`, so a file refused on one screen is refused everywhere, with the same messages.
"""

import base64
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook


class CellError(ValueError):
    """A cell that cannot be read; its message names what was expected, in the user's language."""


def parse_text(value):
    return "" if value is None else str(value).strip()


def parse_date(value):
    """A date cell, or text dd/mm/yyyy (the way offices type dates)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(str(value).strip(), "%d/%m/%Y").date()
    except ValueError:
        raise CellError(_("ngày không hợp lệ (dd/mm/yyyy): %(value)s") % {"value": value}) from None


def parse_count(value):
    """A whole number ≥ 0 (a float cell such as 12.0 counts; 12.5 does not)."""
    if isinstance(value, bool):
        raise CellError(_("phải là số nguyên không âm"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and value >= 0:
        return value
    raise CellError(_("phải là số nguyên không âm: %(value)s") % {"value": value})


def parse_amount(value):
    """An amount ≥ 0; text may use Vietnamese grouping (1.250.000 or 1.250.000,5)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = str(value).strip().replace(" ", "")
        if "," in text or text.count(".") > 1:
            text = text.replace(".", "").replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise CellError(_("phải là số: %(value)s") % {"value": value}) from None
    if amount < 0:
        raise CellError(_("không được âm: %(value)s") % {"value": value})
    return amount


def parse_yes_no(value):
    text = parse_text(value).lower()
    if text in ("có", "x", "1", "true", "yes", "đã"):
        return True
    if text in ("không", "", "0", "false", "no", "chưa"):
        return False
    raise CellError(_("ghi 'Có' hoặc 'Không': %(value)s") % {"value": value})


def choice_parser(choices):
    """A parser accepting a choice's label (as typed in the sheet, any case) or its stored value."""
    by_text = {}
    for value, label in choices:
        by_text[str(value).lower()] = value
        by_text[str(label).lower()] = value

    def parse(value):
        text = parse_text(value).lower()
        if text not in by_text:
            allowed = ", ".join(str(label) for _value, label in choices)
            raise CellError(_("giá trị không có trong danh mục (%(allowed)s): %(value)s") % {"allowed": allowed, "value": value})
        return by_text[text]

    return parse


@dataclass(frozen=True)
class SheetColumn:
    """One column of the sheet: its header (as in the template), the key of the value it gives, how to read a cell."""

    header: str
    key: str
    parse: object = parse_text
    required: bool = True


@dataclass
class ImportPreview:
    """What an import would save: the rows read (dicts of values) and, per sheet row, what is wrong."""

    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row number in the sheet, message)
    headers: list = field(default_factory=list)
    numbers: list = field(default_factory=list)  # the sheet row number of each entry of `rows`
    keys: list = field(default_factory=list)

    @property
    def is_clean(self):
        return bool(self.rows) and not self.errors

    @property
    def table(self):
        """The rows as read, one cell per column, for the preview screen."""
        return [[row.get(key) for key in self.keys] for row in self.rows]


class SheetImporter:
    """Base of a register's import. Subclasses set `title` and `columns`, and implement `save_row`; they may add
    `prepare` (look-ups read once per file), `check_row` (cross-field rules) and `may_import`."""

    title = ""
    columns: list[SheetColumn] = []

    def may_import(self, user):
        raise NotImplementedError

    def prepare(self):
        """Look-ups shared by every row (e.g. units by code), read once per file."""
        return {}

    def check_row(self, values, context):
        """Cross-field rules of one row; returns the values to save or raises CellError / ValidationError."""
        return values

    def save_row(self, values, *, by, context):
        """Save one row through the register's service; returns the record."""
        raise NotImplementedError

    def require(self, user):
        if not self.may_import(user):
            raise PermissionDenied(_("Bạn không có quyền nhập sổ này từ Excel."))

    def headers(self):
        return [column.header for column in self.columns]

    def template(self):
        """An empty .xlsx with the header row, so a clerk can paste last year's sheet into it."""
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Nhap"
        sheet.append(self.headers())
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()

    def preview(self, uploaded_file):
        """Read the file; each bad row is listed with its number and what is wrong. Nothing is saved."""
        preview = ImportPreview(headers=self.headers(), keys=[column.key for column in self.columns])
        try:
            sheet = load_workbook(uploaded_file, read_only=True, data_only=True).active
            rows = list(sheet.iter_rows(values_only=True))
        except Exception:  # openpyxl raises many kinds for a file that is not a workbook
            preview.errors.append((0, _("Tệp không phải bảng tính Excel (.xlsx) đọc được.")))
            return preview
        header = [parse_text(cell) for cell in (rows[0] if rows else ())][: len(self.columns)]
        if header != self.headers():
            preview.errors.append((1, _("Dòng tiêu đề phải là: %(headers)s.") % {"headers": ", ".join(self.headers())}))
            return preview
        context = self.prepare()
        for number, row in enumerate(rows[1:], start=2):
            cells = (list(row) + [None] * len(self.columns))[: len(self.columns)]
            if all(cell is None or parse_text(cell) == "" for cell in cells):
                continue
            values, problems = {}, []
            for column, cell in zip(self.columns, cells):
                if cell is None or parse_text(cell) == "":
                    if column.required:
                        problems.append(_("thiếu %(column)s") % {"column": column.header})
                    values[column.key] = None if column.parse is not parse_text else ""
                    continue
                try:
                    values[column.key] = column.parse(cell)
                except CellError as error:
                    problems.append(f"{column.header}: {error}")
            if not problems:
                try:
                    values = self.check_row(values, context)
                except (CellError, ValidationError) as error:
                    problems.extend(error.messages if isinstance(error, ValidationError) else [str(error)])
            if problems:
                preview.errors.append((number, "; ".join(problems)))
            else:
                preview.rows.append(values)
                preview.numbers.append(number)
        if not preview.rows and not preview.errors:
            preview.errors.append((0, _("Tệp không có dòng dữ liệu nào.")))
        return preview

    def run(self, uploaded_file, *, by):
        """Save every row of a clean file in one transaction; a file with any bad row saves nothing."""
        self.require(by)
        preview = self.preview(uploaded_file)
        if not preview.is_clean:
            raise ValidationError({"file": [_("Dòng %(row)s: %(message)s") % {"row": n, "message": m} for n, m in preview.errors]})
        with transaction.atomic():
            context = self.prepare()
            saved = []
            for number, values in zip(preview.numbers, preview.rows):
                try:
                    saved.append(self.save_row(values, by=by, context=context))
                except ValidationError as error:
                    # A service rule the preview could not see (e.g. a duplicate): the whole file is refused.
                    raise ValidationError({"file": [_("Dòng %(row)s: %(message)s") % {"row": number, "message": "; ".join(error.messages)}]}) from error
        return saved


def encode_upload(content):
    """The uploaded bytes kept in the session between preview and confirm."""
    return base64.b64encode(content).decode()


def decode_upload(text):
    return io.BytesIO(base64.b64decode(text))
