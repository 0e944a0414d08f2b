"""Anti-corruption facts for the annual report's narrative (Mẫu số 03), each a traceable Figure."""

from django.utils.translation import gettext_lazy as _

from reports.tables import frames as tables_frames
from reports.tables.build import _figure, _refs
from reports.tables.sources import Source, _in_period

FACT_LABELS = {
    "inspections": _("Cuộc thanh tra về phòng, chống tham nhũng thực hiện trong kỳ"),
    "inspections_concluded": _("Cuộc thanh tra về phòng, chống tham nhũng đã ban hành kết luận"),
    "violations": _("Vi phạm phát hiện qua thanh tra về phòng, chống tham nhũng"),
    "amount_to_recover": _("Số tiền kiến nghị thu hồi (triệu đồng)"),
    "amount_recovered": _("Số tiền đã thu hồi trong kỳ (triệu đồng)"),
    "denunciations": _("Vụ việc tố cáo liên quan tham nhũng tiếp nhận trong kỳ"),
    "petitions": _("Đơn liên quan tham nhũng tiếp nhận trong kỳ"),
    "publications": _("Kết luận thanh tra được công khai trong kỳ"),
}

FACT_SOURCES = {
    "inspections": Source("inspections", lambda frame, period: frame["corruption"] & frame["active"]),
    "inspections_concluded": Source("inspections", lambda frame, period: frame["corruption"] & frame["concluded"]),
    "violations": Source("violations", lambda frame, period: frame["corruption"]),
    "amount_to_recover": Source("violations", lambda frame, period: frame["corruption"], "money", "amount_to_recover"),
    "amount_recovered": Source("followup_violations", lambda frame, period: frame["corruption"], "money", "recovered_in_period"),
    "denunciations": Source("denunciations", lambda frame, period: frame["anti_corruption"] & _in_period(frame, "received_on", period)),
    "petitions": Source("petitions", lambda frame, period: frame["anti_corruption"] & _in_period(frame, "received_on", period)),
    "publications": Source("inspections", lambda frame, period: _in_period(frame, "published_on", period)),
}


def anti_corruption_facts(period, units=None):
    """The counts and amounts the anti-corruption narrative cites, from the records of `units` (the agency)."""
    frames, facts = {}, {}
    for key, source in FACT_SOURCES.items():
        if source.frame not in frames:
            frames[source.frame] = tables_frames.FRAMES[source.frame](period, units)
        frame = frames[source.frame]
        facts[key] = _figure(frame[source.where(frame, period).astype(bool)], source, _refs(frame))
    return facts
