"""The figure providers shipped with PAPI: counts from the other doctypes' records, by PAPI dimension.

Each provider names the model and the lookups it needs and returns the records it counts, so a unit's report can
link each figure to them. When a doctype or a field does not exist (yet), `records_of` returns None and the figure is
left out instead of shown as 0.
"""

from django.apps import apps
from django.core.exceptions import FieldError
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from doctypes.papi.figures import register


def records_of(label, *, unit, date, unit_ids, start, end, **conditions):
    """Rows of `label` whose `unit` lookup is one of the units and `date` falls in the period (the figure counts them,
    the report links to them); None if the doctype or a field is unknown."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    try:
        period = Q(**{f"{unit}__in": unit_ids, f"{date}__gte": start, f"{date}__lte": end})
        return model._default_manager.filter(period, **conditions)
    except FieldError:
        return None


@register("citizen_receptions", dimension="3", label=_("Lượt tiếp công dân"), source="citizen_reception")
def citizen_receptions(unit_ids, start, end):
    return records_of("citizen_reception.Reception", unit="unit", date="received_on", unit_ids=unit_ids, start=start, end=end)


@register("petitions_received", dimension="3", label=_("Đơn thư đã tiếp nhận"), source="complaint_case")
def petitions_received(unit_ids, start, end):
    return records_of("complaint_case.Petition", unit="unit", date="received_on", unit_ids=unit_ids, start=start, end=end)


@register("petitions_on_time", dimension="3", label=_("Đơn thư xử lý đúng hạn"), source="complaint_case")
def petitions_on_time(unit_ids, start, end):
    return records_of("complaint_case.Petition", unit="unit", date="outcome_on", unit_ids=unit_ids, start=start, end=end,
                         outcome_on__lte=F("process_due"))


@register("complaints_on_time", dimension="3", label=_("Vụ việc khiếu nại giải quyết đúng hạn"), source="complaint_case")
def complaints_on_time(unit_ids, start, end):
    return records_of("complaint_case.ComplaintCase", unit="unit", date="decided_on", unit_ids=unit_ids, start=start, end=end,
                         decided_on__lte=F("resolve_due"))


@register("denunciations_concluded", dimension="3", label=_("Vụ việc tố cáo đã kết luận"), source="complaint_case")
def denunciations_concluded(unit_ids, start, end):
    return records_of("complaint_case.Denunciation", unit="unit", date="concluded_on", unit_ids=unit_ids, start=start, end=end)


@register("inspections_concluded", dimension="4", label=_("Cuộc thanh tra đã kết luận"), source="inspection")
def inspections_concluded(unit_ids, start, end):
    return records_of("inspection.Inspection", unit="owner", date="concluded_on", unit_ids=unit_ids, start=start, end=end)


@register("discipline_checks_led", dimension="4", label=_("Cuộc kiểm tra công vụ đã thực hiện"), source="discipline_check")
def discipline_checks_led(unit_ids, start, end):
    return records_of("discipline_check.DisciplineCheck", unit="leader__staff_profile__unit", date="conducted_on",
                         unit_ids=unit_ids, start=start, end=end, status="done")


@register("discipline_checks_received", dimension="4", label=_("Lượt được kiểm tra công vụ"), source="discipline_check")
def discipline_checks_received(unit_ids, start, end):
    return records_of("discipline_check.DisciplineCheck", unit="unit", date="conducted_on",
                         unit_ids=unit_ids, start=start, end=end, status="done")


@register("actions_closed", dimension="4", label=_("Kiến nghị khắc phục sau thanh tra, kiểm tra đã hoàn thành"), source="finding")
def actions_closed(unit_ids, start, end):
    return records_of("finding.Action", unit="owner_unit", date="closed_on", unit_ids=unit_ids, start=start, end=end,
                         status="closed")


@register("procedures_reviewed", dimension="5", label=_("Thủ tục hành chính đã rà soát"), source="procedure_review")
def procedures_reviewed(unit_ids, start, end):
    return records_of("procedure_review.ProcedureReview", unit="reviewer__staff_profile__unit", date="reviewed_on",
                         unit_ids=unit_ids, start=start, end=end)


def linked_to_dimension(label, code, *, unit, date, unit_ids, start, end):
    """Records of `label` linked to PAPI dimension `code` or one of its sub-dimensions (through `papi_dimensions`),
    each once however many of them it names; None if the doctype is not installed."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    period = Q(**{f"{unit}__in": unit_ids, f"{date}__gte": start, f"{date}__lte": end})
    linked = Q(papi_dimensions__code=code) | Q(papi_dimensions__code__startswith=f"{code}.")
    return model._default_manager.filter(pk__in=model._default_manager.filter(linked).values("pk")).filter(period)


@register("environment_inspections_concluded", dimension="7", label=_("Cuộc thanh tra, kiểm tra về môi trường đã kết luận"),
          source="inspection")
def environment_inspections_concluded(unit_ids, start, end):
    return linked_to_dimension("inspection.Inspection", "7", unit="owner", date="concluded_on", unit_ids=unit_ids,
                               start=start, end=end)


@register("environment_findings", dimension="7", label=_("Phát hiện về môi trường được ghi nhận"), source="finding")
def environment_findings(unit_ids, start, end):
    return linked_to_dimension("finding.Finding", "7", unit="unit", date="recorded_on", unit_ids=unit_ids,
                               start=start, end=end)
