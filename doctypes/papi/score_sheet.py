"""Reads a PAPI data sheet (official wide layout, pre-2018 long layout, or a one-province summary) into rows.

It maps only what it recognises: the aggregate index, dimension rows ("Chỉ số nội dung n"),
and sub-dimension rows ("n.m:"). Everything else (confidence intervals, detailed indicators,
observations) is listed as skipped with the reason; nothing is guessed (papi.md).
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from doctypes.papi.models import Dimension

_CI = ("tin cậy", "confidence", "sai số", "standard error", "quan sát", "observation")
_DIMENSION = re.compile(r"(?:chỉ số nội dung|dimension)\s*(\d+)\b", re.I)
_LEADING_CODE = re.compile(r"^\s*(\d+)(?:\.(\d+))?\s*:")
_SCALE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%?\s*[-–]\s*(\d+(?:[.,]\d+)?)\s*(%|điểm|points)?", re.I)
_YEAR = re.compile(r"(20\d\d|19\d\d)")


class SheetRefused(Exception):
    """The sheet cannot be imported for the chosen province; `problems` lists (row, reason)."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(f"Dòng {row}: {reason}" for row, reason in problems))


@dataclass
class ScoreRow:
    row: int
    year: int
    indicator: str
    label: str
    score: Decimal
    scale: tuple
    rank: int = None
    n_provinces: int = None
    mean: Decimal = None
    minimum: Decimal = None
    maximum: Decimal = None
    note: str = ""


@dataclass
class ParsedSheet:
    province_name: str = ""
    rows: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (row, label, reason)


def slug(text):
    """"Bắc Giang" -> "bac_giang", to match a summary file's province column."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def number(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None


def read_tables(name, data):
    """[(sheet title, rows)] from a .csv or .xlsx file's bytes."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises several unrelated types for a damaged file
            raise SheetRefused([(0, f"Không đọc được tệp Excel: {error}")]) from error
        return [(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]) for sheet in book.worksheets]
    if name.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SheetRefused([(0, "Tệp CSV phải được lưu bằng mã UTF-8.")]) from error
        return [(name, list(csv.reader(io.StringIO(text))))]
    raise SheetRefused([(0, "Chỉ nhận tệp .xlsx hoặc .csv.")])


def classify(label, year):
    """(indicator code, None) for a row we can map, or (None, reason) for one we skip."""
    low = label.lower()
    if any(word in low for word in _CI):
        return None, "Khoảng tin cậy, sai số hoặc số quan sát: không phải điểm chỉ số."
    if "chỉ số papi" in low or "papi score" in low:
        if "không có trọng số" in low or "unweighted" in low:
            return "total", None
        if "có trọng số" in low or "weighted" in low:
            return "total_weighted", None
        return None, "Dòng chỉ số tổng hợp không rõ có hay không có trọng số."
    code = None
    for part in (p.strip() for p in label.split("||")):
        match = _LEADING_CODE.match(part)
        if match:
            code = match.group(1) + (f".{match.group(2)}" if match.group(2) else "")
            break
        match = _DIMENSION.search(part)
        if match:
            code = match.group(1)
            break
    if code is None:
        return None, "Không phải chỉ số nội dung hoặc nội dung thành phần (chỉ tiêu chi tiết)."
    if year and not Dimension.objects.existing_in(year).filter(code=code).exists():
        return None, f"Mã {code} không có trong danh mục PAPI năm {year}."
    return code, None


def scale_of(label, indicator, year):
    """The scale written on the row, or the one PAPI uses: 1–10 a dimension, 1/k–10/k a sub-dimension of k."""
    for part in reversed([p.strip() for p in label.split("||")]):
        match = _SCALE.search(part)
        if match and ("điểm" in part.lower() or "point" in part.lower()):
            return Decimal(match.group(1).replace(",", ".")), Decimal(match.group(2).replace(",", "."))
    existing = Dimension.objects.existing_in(year)
    if indicator.startswith("total"):
        count = existing.filter(parent__isnull=True).count()
        return Decimal(count), Decimal(10 * count)
    if "." not in indicator:
        return Decimal(1), Decimal(10)
    siblings = existing.filter(parent__code=indicator.split(".")[0]).count()
    return Decimal(round(1 / siblings, 2)).quantize(Decimal("0.01")), Decimal(round(10 / siblings, 2)).quantize(Decimal("0.01"))


def detect_year(title, name):
    """The survey year written in a sheet's title or the file's name, if any."""
    for text in (str(title), str(name)):
        match = _YEAR.search(text)
        if match:
            return int(match.group(1))
    return None
