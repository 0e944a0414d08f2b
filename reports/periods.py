"""Reporting periods and their data cut-offs, read from fixtures/report_periods.json (TT 06/2025/TT-TTCP Điều 6)."""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from django.conf import settings

PERIODS_FILE = Path(settings.BASE_DIR) / "fixtures" / "report_periods.json"
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Period:
    """One reporting period: its cut-off dates, title, whether it has a narrative, and its deadline."""

    kind: str
    year: int
    start: datetime.date
    end: datetime.date
    label: str
    has_narrative: bool
    deadline: datetime.date
    basis: str

    def contains(self, day):
        return self.start <= day <= self.end

    @property
    def start_ts(self):
        return pd.Timestamp(self.start)

    @property
    def end_ts(self):
        return pd.Timestamp(self.end)


@lru_cache(maxsize=1)
def regimes():
    """The reporting regimes in the data file, newest first, with their validity dates parsed."""
    data = json.loads(PERIODS_FILE.read_text(encoding="utf-8"))
    result = []
    for regime in data["regimes"]:
        regime = dict(regime)
        regime["valid_from"] = datetime.date.fromisoformat(regime["valid_from"])
        regime["valid_to"] = datetime.date.fromisoformat(regime["valid_to"]) if regime["valid_to"] else None
        result.append(regime)
    return sorted(result, key=lambda regime: regime["valid_from"], reverse=True)


def period_kinds():
    """The period kinds of the regime in force now (q1 … year), in the data file's order."""
    return list(regimes()[0]["periods"])


def regime_on(day):
    """The regime in force on `day`, or None before the first one the data knows."""
    for regime in regimes():
        if regime["valid_from"] <= day and (regime["valid_to"] is None or day <= regime["valid_to"]):
            return regime
    return None


def _rule_date(rule, year):
    month, day, year_offset = rule
    return datetime.date(year + year_offset, month, day)


def resolve_period(kind, year):
    """The period `kind` of `year` under the regime in force on its last day of data (its cut-off)."""
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"Năm báo cáo không hợp lệ: {year!r} (phải là số nguyên từ {MIN_YEAR} đến {MAX_YEAR}).")
    known = period_kinds()
    if kind not in known:
        raise ValueError(f"Kỳ báo cáo không hợp lệ: {kind!r}. Các kỳ hợp lệ: {', '.join(known)}.")
    # The regime is chosen on the cut-off day: a report whose data closes after 30/9/2025 follows TT 06/2025.
    probe_end = _rule_date(regimes()[0]["periods"][kind]["end"], year)
    regime = regime_on(probe_end)
    if regime is None or kind not in regime["periods"]:
        raise ValueError(f"Chưa có chế độ báo cáo cho kỳ {kind} năm {year} trong dữ liệu kỳ báo cáo.")
    rule = regime["periods"][kind]
    end = _rule_date(rule["end"], year)
    return Period(
        kind=kind, year=year, start=_rule_date(rule["start"], year), end=end,
        label=rule["label"].format(year=year), has_narrative=rule["has_narrative"],
        deadline=end.replace(day=regime["deadline_day"]), basis=regime["basis"],
    )


def period_containing(kind, day):
    """The period of `kind` whose cut-off window holds `day` (a day from 15/12 belongs to the next year)."""
    for year in (day.year, day.year + 1, day.year - 1):
        try:
            period = resolve_period(kind, year)
        except ValueError:
            continue
        if period.contains(day):
            return period
    raise ValueError(f"Không có kỳ báo cáo {kind} chứa ngày {day:%d/%m/%Y}.")
