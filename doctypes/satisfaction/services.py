"""Recording a quarter's satisfaction result, typed or imported; a quarter imported again replaces the earlier one."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doctypes.papi.models import Dimension
from doctypes.procedure_review.models import Procedure
from doctypes.satisfaction.access import may_keep_satisfaction
from doctypes.satisfaction.models import SatisfactionResult, quarter_start
from papi_inspect.audit import save

PROCEDURES_DIMENSION = "5"  # PAPI 5, Thủ tục hành chính công
SERVICES_DIMENSION = "6"  # PAPI 6, Cung ứng dịch vụ công
E_GOVERNANCE_DIMENSION = "8"  # PAPI 8, Quản trị điện tử: procedures offered online (NĐ 42/2022 Art. 11)
ONLINE_LEVELS = (Procedure.OnlineLevel.FULL, Procedure.OnlineLevel.PARTIAL)


def require_keeper(by, unit):
    if not may_keep_satisfaction(by, unit):
        raise PermissionDenied(_("Chỉ Văn phòng Sở được ghi kết quả khảo sát hài lòng."))


def check_result(result):
    """The rules of one quarter's result, for a typed one and for every imported row."""
    if bool(result.procedure_id) == bool((result.service or "").strip()):
        raise ValidationError({"procedure": _("Chọn một thủ tục hành chính hoặc ghi tên một dịch vụ công (chỉ một trong hai).")})
    if result.quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("Quý phải từ 1 đến 4.")})
    if not 2000 <= (result.year or 0) <= timezone.localdate().year:
        raise ValidationError({"year": _("Năm khảo sát không hợp lệ.")})
    if quarter_start(result.year, result.quarter) > timezone.localdate():
        raise ValidationError({"quarter": _("Quý %(quarter)s/%(year)s chưa bắt đầu.") % {"quarter": result.quarter, "year": result.year}})
    if result.satisfied + result.not_satisfied > result.respondents:
        raise ValidationError({"satisfied": _("Số hài lòng (%(satisfied)s) cộng không hài lòng (%(not)s) lớn hơn số người được khảo sát (%(respondents)s).")
                               % {"satisfied": result.satisfied, "not": result.not_satisfied, "respondents": result.respondents}})
    if result.source not in SatisfactionResult.Source.values:
        raise ValidationError({"source": _("Nguồn số liệu không hợp lệ.")})


def same_quarter(result):
    """The result already recorded for the same procedure (or service), unit and quarter, if any."""
    existing = SatisfactionResult.objects.filter(unit=result.unit, year=result.year, quarter=result.quarter)
    if result.procedure_id:
        existing = existing.filter(procedure_id=result.procedure_id)
    else:
        existing = existing.filter(procedure__isnull=True, service=result.service)
    return existing.exclude(pk=result.pk).first()


def default_dimensions(procedure):
    """PAPI 5 for a procedure (and 8 when it is offered online in full or in part); PAPI 6 for another service."""
    if procedure is None:
        codes = [SERVICES_DIMENSION]
    else:
        codes = [PROCEDURES_DIMENSION] + ([E_GOVERNANCE_DIMENSION] if procedure.online_level in ONLINE_LEVELS else [])
    return Dimension.objects.filter(code__in=codes)


@transaction.atomic
def record_result(*, by, unit, year, quarter, respondents, satisfied, not_satisfied, procedure=None, service="",
                  source=SatisfactionResult.Source.MANUAL, note="", papi=None, plan_tasks=(), replace=False):
    """A quarter's result. A quarter already recorded is refused when typed (correct the recorded one instead) and
    replaced when `replace` (an import: the desk's or the province's later export corrects the earlier one)."""
    require_keeper(by, unit)
    values = {"unit": unit, "procedure": procedure, "service": (service or "").strip(), "year": year, "quarter": quarter,
              "respondents": respondents, "satisfied": satisfied, "not_satisfied": not_satisfied, "source": source,
              "note": note}
    result = SatisfactionResult(recorded_by=by, **values)
    check_result(result)
    existing = same_quarter(result)
    if existing is not None and not replace:
        raise ValidationError({"quarter": _("Quý %(quarter)s/%(year)s của %(subject)s đã có kết quả; hãy sửa bản ghi đã có.")
                               % {"quarter": quarter, "year": year, "subject": procedure.code if procedure else result.service}})
    if existing is not None:
        for field, value in values.items():
            setattr(existing, field, value)
        result, reason = existing, "Thay kết quả khảo sát hài lòng bằng bản nhập mới"
        result.recorded_by = by
    else:
        reason = "Ghi kết quả khảo sát hài lòng"
    result.period_start = quarter_start(year, quarter)
    save(result, reason, by=by)
    result.papi.set(papi or default_dimensions(procedure))
    result.plan_tasks.set(plan_tasks)
    return result


@transaction.atomic
def correct_result(result, *, by):
    """Save a corrected result (its fields already changed by the form) after the same checks."""
    require_keeper(by, result.unit)
    if result.pk:
        require_keeper(by, SatisfactionResult.objects.get(pk=result.pk).unit)
    check_result(result)
    if same_quarter(result) is not None:
        raise ValidationError({"quarter": _("Quý này đã có kết quả khác cho cùng thủ tục (dịch vụ) và đơn vị.")})
    result.period_start = quarter_start(result.year, result.quarter)
    return save(result, "Sửa kết quả khảo sát hài lòng", by=by)
