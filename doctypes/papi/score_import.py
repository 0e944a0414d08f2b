"""Imports one province's PAPI scores from a data sheet; the same sheet imported twice changes nothing."""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from doctypes.papi.models import Dimension
from doctypes.papi.models.score import PapiScore, Province, ScoreImport
from doctypes.papi.score_sheet import (
    ParsedSheet, ScoreRow, SheetRefused, classify, detect_year, number, read_tables, scale_of, slug,
)
from papi_inspect.audit import save

SUMMARY_HEADER = ["sheet_year", "indicator"]


@dataclass
class ImportResult:
    province: Province = None
    rows: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    log: ScoreImport = None

    @property
    def years(self):
        return sorted({row.year for row in self.rows})


def _cell(row, index):
    return row[index] if index < len(row) else None


def _text(value):
    return "" if value is None else str(value).strip()


def parse_summary(rows, province, year):
    """The one-province summary (papi_bac_giang.csv): year, indicator, score, rank, n, mean, min, max, note."""
    header = [_text(c) for c in rows[0]]
    if len(header) < 8 or header[2] != slug(province.name):
        column = header[2] if len(header) > 2 else "—"
        raise SheetRefused([(1, f"Tệp không có dòng số liệu nào cho tỉnh {province} (cột tỉnh: {column}).")])
    parsed = ParsedSheet(province_name=province.name)
    for index, row in enumerate(rows[1:], start=2):
        sheet_year = int(number(_cell(row, 0)) or 0)
        if year and sheet_year != year:
            continue
        label = _text(_cell(row, 1))
        code, reason = classify(label, sheet_year)
        if code is None:
            parsed.skipped.append((index, label, reason))
            continue
        score = number(_cell(row, 2))
        if score is None:
            parsed.skipped.append((index, label, "Ô trống: không có số liệu (dưới 15 người trả lời hoặc không xếp hạng)."))
            continue
        parsed.rows.append(ScoreRow(
            row=index, year=sheet_year, indicator=code, label=label, score=score, scale=scale_of(label, code, sheet_year),
            rank=int(number(_cell(row, 3)) or 0) or None, n_provinces=int(number(_cell(row, 4)) or 0) or None,
            mean=number(_cell(row, 5)), minimum=number(_cell(row, 6)), maximum=number(_cell(row, 7)),
            note=_text(_cell(row, 8))[:255],
        ))
    return parsed


def _transpose_if_long(rows):
    """Sheets before 2018 put provinces in rows; turned around, they read like the wide layout."""
    if len(rows) > 1 and number(_cell(rows[1], 0)) is not None:
        width = max(len(row) for row in rows)
        return [[_cell(row, column) for row in rows] for column in range(width)]
    return rows


def parse_wide(rows, province_code, year):
    """The official layout: row 1 province codes, row 2 names, then one indicator per row."""
    rows = _transpose_if_long(rows)
    codes = [_text(c) for c in rows[0]]
    columns = [i for i, code in enumerate(codes) if number(code) is not None and "." not in code]
    if not columns or not any("mã tỉnh" in code.lower() for code in codes[: columns[0]]):
        raise SheetRefused([(1, "Dòng 1 phải là \"Mã tỉnh\" và mã các tỉnh (bố cục bảng số liệu PAPI).")])
    target = next((i for i in columns if str(int(number(codes[i]))) == str(province_code)), None)
    if target is None:
        raise SheetRefused([(1, f"Bảng số liệu không có cột/dòng cho tỉnh mã {province_code}.")])
    parsed = ParsedSheet(province_name=_text(_cell(rows[1], target)) if len(rows) > 1 else "")
    for index, row in enumerate(rows[2:], start=3):
        label = " || ".join(_text(c) for c in row[: columns[0]] if _text(c))
        if not label:
            continue
        code, reason = classify(label, year)
        if code is None:
            parsed.skipped.append((index, label, reason))
            continue
        values = [number(_cell(row, i)) for i in columns]
        present = [v for v in values if v is not None]
        score = number(_cell(row, target))
        if score is None:
            parsed.skipped.append((index, label, "Ô trống: không có số liệu (dưới 15 người trả lời hoặc không xếp hạng)."))
            continue
        parsed.rows.append(ScoreRow(
            row=index, year=year, indicator=code, label=label, score=score, scale=scale_of(label, code, year),
            rank=1 + sum(v > score for v in present), n_provinces=len(present),
            mean=(sum(present) / len(present)).quantize(Decimal("0.0001")),
            minimum=min(present), maximum=max(present),
        ))
    return parsed


def parse_sheet(name, data, *, province, year=None):
    """Every mappable row for the province, and the rows skipped, or SheetRefused with row + reason."""
    tables = [(title, rows) for title, rows in read_tables(name, data) if rows]
    if not tables:
        raise SheetRefused([(0, "Tệp không có dữ liệu.")])
    first = [_text(c).lower() for c in tables[0][1][0][:2]]
    if first == SUMMARY_HEADER:
        parsed = parse_summary(tables[0][1], province, year)
    else:
        candidates = [(detect_year(title, name if len(tables) == 1 else ""), rows) for title, rows in tables]
        if year:
            chosen = [rows for sheet_year, rows in candidates if sheet_year == year] or (
                [candidates[0][1]] if len(candidates) == 1 else [])
            candidates = [(year, rows) for rows in chosen]
        if not candidates or any(sheet_year is None for sheet_year, _ in candidates):
            raise SheetRefused([(0, "Không xác định được năm khảo sát của bảng số liệu; hãy chọn năm (--year).")])
        parsed = ParsedSheet()
        for sheet_year, rows in candidates:
            one = parse_wide(rows, province.code, sheet_year)
            parsed.province_name = parsed.province_name or one.province_name
            parsed.rows += one.rows
            parsed.skipped += one.skipped
    _validate(parsed)
    return parsed


def _validate(parsed):
    problems = [
        (row.row, f"Điểm {row.score} của {row.indicator} nằm ngoài thang {row.scale[0]}–{row.scale[1]}.")
        for row in parsed.rows if not row.scale[0] <= row.score <= row.scale[1]
    ]
    seen = {}
    for row in parsed.rows:
        key = (row.year, row.indicator)
        if key in seen:
            problems.append((row.row, f"Chỉ số {row.indicator} năm {row.year} đã có ở dòng {seen[key]}."))
        seen[key] = row.row
    if not parsed.rows:
        problems.append((0, "Bảng số liệu không có điểm nào của tỉnh đã chọn."))
    if problems:
        raise SheetRefused(problems)


def _province(code, name_from_sheet, *, by):
    province = Province.objects.filter(code=str(code)).first()
    if province is None:
        if not name_from_sheet:
            raise SheetRefused([(0, f"Chưa có tỉnh mã {code} trong danh mục.")])
        province = save(Province(code=str(code), name=name_from_sheet), "Nhập điểm PAPI", by=by)
    return province


def preview_scores(*, name, data, province_code, year=None):
    """Parse without writing: what an import would keep and skip (or SheetRefused)."""
    province = Province.objects.filter(code=str(province_code)).first() or Province(code=str(province_code), name="")
    parsed = parse_sheet(name, data, province=province, year=year)
    return ImportResult(province=province, rows=parsed.rows, skipped=parsed.skipped)


@transaction.atomic
def import_scores(*, name, data, province_code, year=None, by=None):
    """Write the province's scores: new rows created, changed rows updated, equal rows left untouched."""
    if by is not None and not by.has_perm("papi.add_papiscore"):
        raise PermissionDenied(gettext("Bạn không có quyền nhập điểm PAPI."))
    probe = Province.objects.filter(code=str(province_code)).first() or Province(code=str(province_code), name="")
    parsed = parse_sheet(name, data, province=probe, year=year)
    province = _province(province_code, parsed.province_name, by=by)
    result = ImportResult(province=province, rows=parsed.rows, skipped=parsed.skipped)
    dimensions = dict(Dimension.objects.values_list("code", "pk"))
    changed = []
    for row in parsed.rows:
        values = {
            "dimension_id": dimensions.get(row.indicator), "label": row.label[:500], "score": row.score,
            "scale_min": row.scale[0], "scale_max": row.scale[1], "rank": row.rank, "n_provinces": row.n_provinces,
            "mean": row.mean, "minimum": row.minimum, "maximum": row.maximum, "note": row.note,
        }
        score = PapiScore.objects.filter(province=province, year=row.year, indicator=row.indicator).first()
        if score is None:
            score = PapiScore(province=province, year=row.year, indicator=row.indicator, **values)
            result.created += 1
        elif all(_same(getattr(score, key), value) for key, value in values.items()):
            result.unchanged += 1
            continue
        else:
            for key, value in values.items():
                setattr(score, key, value)
            result.updated += 1
        changed.append(score)
    if changed:
        result.log = save(ScoreImport(
            file_name=name[:255], sha256=hashlib.sha256(data).hexdigest(), province=province,
            years=", ".join(map(str, result.years)), created=result.created, updated=result.updated,
            unchanged=result.unchanged, skipped=[list(s) for s in result.skipped], imported_by=by,
        ), "Nhập điểm PAPI", by=by)
        for score in changed:
            score.source = result.log
            save(score, f"Nhập điểm PAPI từ {name}", by=by)
    return result


def _same(old, new):
    if old is None or new is None:
        return old is None and new is None
    try:
        return abs(float(old) - float(new)) < 1e-9 if not isinstance(old, str) else old == new
    except (TypeError, ValueError):
        return old == new
