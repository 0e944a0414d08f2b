"""Figures a unit's report starts from, taken from what the system already records, by PAPI dimension.

Each provider is registered for a PAPI dimension and computes one number for a unit over a
period. Doctypes that exist add theirs in `figure_providers.py`; a provider whose doctype is
not installed (or not yet built) is simply absent, so the report never shows a made-up figure.
"""

import logging
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.models import QuerySet, Sum

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FigureProvider:
    """One figure: its key, the PAPI dimension it feeds, its label and the function computing it."""

    key: str
    dimension: str
    label: str
    compute: object  # callable(unit_ids, start, end) -> QuerySet (counted) | Summed | int | None
    source: str


@dataclass(frozen=True)
class Summed:
    """A figure that adds up a field over records (people attending, people surveyed): the value and its records."""

    records: QuerySet
    value: int


def summed(records, field):
    """`records` with the sum of `field` over them, so the report can show the figure and link to what makes it."""
    return Summed(records, records.aggregate(total=Sum(field))["total"] or 0)


def measure(result):
    """(value, records or None) of what a provider returned: a queryset counts its rows; a plain number has no records."""
    if isinstance(result, QuerySet):
        return result.count(), result
    if isinstance(result, Summed):
        return result.value, result.records
    return result, None


def figure_records(key, unit_ids, start, end):
    """The records behind the figure `key` for the units and period (None: the provider names no records)."""
    provider = next((p for p in providers() if p.key == key), None)
    if provider is None:
        return None
    return measure(provider.compute(set(unit_ids), start, end))[1]


_REGISTRY = {}


def register(key, *, dimension, label, source):
    """Decorator: register `compute(unit_ids, start, end)` as the figure `key` for `dimension`."""

    def decorator(compute):
        _REGISTRY[key] = FigureProvider(key, dimension, label, compute, source)
        return compute

    return decorator


def providers():
    _load_builtin()
    return sorted(_REGISTRY.values(), key=lambda provider: (provider.dimension, provider.key))


def collect_figures(unit_ids, start, end):
    """{dimension code: [{"key", "label", "value", "source"(, "linked")}]} for the units and period; absent providers are
    skipped. "linked" marks a figure whose records can be listed (figure_records), for the report's link to them."""
    figures = {}
    for provider in providers():
        try:
            # A savepoint, so a doctype whose tables are not migrated yet cannot break the caller's transaction.
            with transaction.atomic():
                value, records = measure(provider.compute(set(unit_ids), start, end))
        except DatabaseError:
            logger.warning("Không tính được số liệu %s từ %s", provider.key, provider.source, exc_info=True)
            value, records = None, None
        if value is None:
            continue
        figure = {"key": provider.key, "label": str(provider.label), "value": value, "source": provider.source}
        if records is not None:
            figure["linked"] = True
        figures.setdefault(provider.dimension, []).append(figure)
    return figures


def sum_figures(figure_sets):
    """Add several units' figures together, keeping each figure's label."""
    total = {}
    for figures in figure_sets:
        for dimension, rows in figures.items():
            for row in rows:
                bucket = total.setdefault(dimension, {})
                bucket.setdefault(row["key"], {**row, "value": 0})["value"] += row["value"]
    return {dimension: list(rows.values()) for dimension, rows in sorted(total.items())}


def _load_builtin():
    # Imported here, not at module load: providers query other doctypes' models. Each doctype (the
    # evidence registers among them) may add its own `figure_providers.py`; this one is among them.
    from papi_inspect.extensions import extension_modules

    extension_modules("figure_providers")
