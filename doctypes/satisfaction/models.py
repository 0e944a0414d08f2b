"""Results of satisfaction surveys (khảo sát mức độ hài lòng) per procedure or service, unit and quarter."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi.evidence import plan_task_links
from doctypes.papi.models import papi_links
from doctypes.procedure_review.models import Procedure
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import UnitRegisterQuerySet


def quarter_start(year, quarter):
    return datetime.date(year, 3 * quarter - 2, 1)


class SatisfactionResult(Versioned):
    """One quarter's survey of a procedure (or service) at a unit: people surveyed, satisfied, not satisfied."""

    class Source(models.TextChoices):
        ONE_STOP = "one_stop", _("Xuất từ Bộ phận một cửa")
        PROVINCE = "province", _("Khảo sát của tỉnh")
        MANUAL = "manual", _("Nhập tay")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="satisfaction_results", verbose_name=_("đơn vị"))
    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, null=True, blank=True, related_name="satisfaction_results",
                                  verbose_name=_("thủ tục hành chính"))
    service = models.CharField(_("dịch vụ công"), max_length=255, blank=True,
                               help_text=_("Khi kết quả là về một dịch vụ (không phải một TTHC), ví dụ cấp nước tưới."))
    year = models.PositiveSmallIntegerField(_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"), help_text=_("1 đến 4"))
    period_start = models.DateField(_("ngày đầu quý"), editable=False)  # derived, so the figures filter by date in SQL
    respondents = models.PositiveIntegerField(_("số người được khảo sát"))
    satisfied = models.PositiveIntegerField(_("số người hài lòng"))
    not_satisfied = models.PositiveIntegerField(_("số người không hài lòng"))
    source = models.CharField(_("nguồn"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi"))
    papi = papi_links(related_name="satisfaction_results")
    plan_tasks = plan_task_links(related_name="satisfaction_satisfactionresult_evidence")

    objects = UnitRegisterQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year", "-quarter", "unit", "id"]
        verbose_name = _("kết quả khảo sát hài lòng")
        verbose_name_plural = _("kết quả khảo sát hài lòng")
        constraints = [
            models.UniqueConstraint(fields=["procedure", "unit", "year", "quarter"], condition=Q(procedure__isnull=False),
                                    name="satisfaction_once_per_procedure_quarter",
                                    violation_error_message=_("Quý này đã có kết quả của thủ tục này tại đơn vị này.")),
            models.UniqueConstraint(fields=["service", "unit", "year", "quarter"], condition=Q(procedure__isnull=True),
                                    name="satisfaction_once_per_service_quarter",
                                    violation_error_message=_("Quý này đã có kết quả của dịch vụ này tại đơn vị này.")),
            models.CheckConstraint(condition=Q(satisfied__lte=models.F("respondents") - models.F("not_satisfied")),
                                   name="satisfaction_answers_within_respondents",
                                   violation_error_message=_("Số hài lòng cộng không hài lòng lớn hơn số người được khảo sát.")),
        ]

    def __str__(self):
        subject = self.procedure.code if self.procedure_id else self.service
        return f"{subject} – Q{self.quarter}/{self.year}"

    @property
    def rate(self):
        """Share satisfied among those surveyed, in percent (None when nobody answered)."""
        return round(100 * self.satisfied / self.respondents, 1) if self.respondents else None
