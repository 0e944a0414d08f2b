"""PAPI figures from the satisfaction results of the quarters in a period: people surveyed and people satisfied.

Counts, not a rate: the office's roll-up adds the units' figures, and a rate is satisfied ÷ surveyed of the sums.
PAPI 5 (Thủ tục hành chính công) counts the procedures; 6 (Cung ứng dịch vụ công) the other public services;
8 (Quản trị điện tử) the procedures offered online in full or in part (NĐ 42/2022 Art. 11).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.papi.figures import register, summed
from doctypes.satisfaction.models import SatisfactionResult
from doctypes.satisfaction.services import ONLINE_LEVELS

PROCEDURES = Q(procedure__isnull=False)
SERVICES = Q(procedure__isnull=True)
ONLINE = Q(procedure__online_level__in=ONLINE_LEVELS)


def total(field, scope, unit_ids, start, end):
    """The sum of `field` over the results of the units whose quarter starts in the period (0 when none)."""
    rows = SatisfactionResult.objects.filter(scope, unit_id__in=unit_ids, period_start__gte=start, period_start__lte=end)
    return summed(rows, field)


@register("satisfaction_procedures_surveyed", dimension="5", label=_("Lượt khảo sát hài lòng về TTHC"), source="satisfaction")
def procedures_surveyed(unit_ids, start, end):
    return total("respondents", PROCEDURES, unit_ids, start, end)


@register("satisfaction_procedures_satisfied", dimension="5", label=_("Lượt hài lòng về TTHC"), source="satisfaction")
def procedures_satisfied(unit_ids, start, end):
    return total("satisfied", PROCEDURES, unit_ids, start, end)


@register("satisfaction_services_surveyed", dimension="6", label=_("Lượt khảo sát hài lòng về dịch vụ công"), source="satisfaction")
def services_surveyed(unit_ids, start, end):
    return total("respondents", SERVICES, unit_ids, start, end)


@register("satisfaction_services_satisfied", dimension="6", label=_("Lượt hài lòng về dịch vụ công"), source="satisfaction")
def services_satisfied(unit_ids, start, end):
    return total("satisfied", SERVICES, unit_ids, start, end)


@register("satisfaction_online_surveyed", dimension="8", label=_("Lượt khảo sát hài lòng về dịch vụ công trực tuyến"), source="satisfaction")
def online_surveyed(unit_ids, start, end):
    return total("respondents", ONLINE, unit_ids, start, end)


@register("satisfaction_online_satisfied", dimension="8", label=_("Lượt hài lòng về dịch vụ công trực tuyến"), source="satisfaction")
def online_satisfied(unit_ids, start, end):
    return total("satisfied", ONLINE, unit_ids, start, end)
