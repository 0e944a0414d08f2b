"""Quarterly pre-fill from the case register: cases of corruption, waste and negative conduct found (PAPI 4)."""

from django.utils.translation import gettext_lazy as _

from doctypes.papi.figure_providers import records_of
from doctypes.papi.figures import register


@register("pctn_cases_found", dimension="4", label=_("Vụ việc tham nhũng, lãng phí, tiêu cực phát hiện"), source="pctn_case")
def pctn_cases_found(unit_ids, start, end):
    return records_of("pctn_case.PctnCase", unit="unit", date="detected_on", unit_ids=unit_ids, start=start, end=end)
