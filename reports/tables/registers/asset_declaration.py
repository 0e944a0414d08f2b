"""01/PCTN from the asset declaration register: declared and published (MS 40), verified (MS 41), disciplined (MS 43)."""

import pandas as pd
from django.db.models import Q

from doctypes.asset_declaration.models import DeclarationDuty
from reports.tables.sources import Source


def _in(frame, column, period):
    day = pd.to_datetime(frame[column])
    return day.ge(period.start_ts) & day.le(period.end_ts)


def declaration_duties(period, units):
    """Duties with a step in the period: the declaration received, its verification concluded, or a discipline."""
    window = (Q(submitted_on__range=(period.start, period.end)) | Q(verified_on__range=(period.start, period.end))
              | Q(disciplined_on__range=(period.start, period.end)))
    queryset = DeclarationDuty.objects.filter(window)
    if units is not None:
        queryset = queryset.filter(unit_id__in=[int(unit) for unit in units])
    columns = ["pk", "unit_id", "person_id", "year", "kind", "submitted_on", "published_on", "verified_on",
               "discipline", "disciplined_on"]
    frame = pd.DataFrame.from_records(list(queryset.values_list(*columns)), columns=columns)
    frame.insert(0, "model", DeclarationDuty._meta.label)
    frame["label"] = [f"Kê khai {year} #{pk}" for pk, year in zip(frame["pk"], frame["year"])]
    published = pd.to_datetime(frame["published_on"])
    # Luật PCTN 2018 Điều 36, 39: declared in the period and made public by its end.
    frame["declared"] = _in(frame, "submitted_on", period) & published.le(period.end_ts)
    frame["verified"] = _in(frame, "verified_on", period)
    frame["disciplined"] = _in(frame, "disciplined_on", period) & frame["discipline"].ne("")
    return frame


FRAMES = {"declaration_duties": declaration_duties}


def _disciplined(grounds):
    return Source("declaration_duties", lambda frame, period: frame["disciplined"] & frame["discipline"].isin(grounds),
                  "nunique", "person_id")


SOURCES = {
    "asset_declaration.declared": Source("declaration_duties", lambda frame, period: frame["declared"], "nunique", "person_id"),  # MS 40
    "asset_declaration.verified": Source("declaration_duties", lambda frame, period: frame["verified"], "nunique", "person_id"),  # MS 41
    "asset_declaration.disciplined": _disciplined(["untruthful", "other"]),  # MS 43
    "asset_declaration.disciplined_untruthful": _disciplined(["untruthful"]),  # MS 43.1
    "asset_declaration.disciplined_other": _disciplined(["other"]),  # MS 43.2
}
