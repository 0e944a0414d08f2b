"""Quarterly progress: each unit's report on its own tasks, and the office's roll-up to Sở Nội vụ."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi.models.plan import Plan, Task
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids, is_office, own_unit_ids


class UnitReportQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        if is_office(user):
            return self.filter(plan__owner_id__in=agency_unit_ids(user))
        return self.filter(unit_id__in=own_unit_ids(user))


class UnitReport(Versioned):
    """A unit's report for one quarter on its tasks of a plan; submitting it freezes it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã nộp")

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="unit_reports", verbose_name=_("kế hoạch"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="papi_reports", verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"), choices=[(q, q) for q in range(1, 5)])
    due_on = models.DateField(_("hạn nộp"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    summary = models.TextField(_("đánh giá chung, tồn tại, hạn chế"), blank=True)
    figures = models.JSONField(_("số liệu từ hệ thống"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người nộp")
    )

    objects = UnitReportQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year", "-quarter", "unit__code"]
        verbose_name = _("báo cáo quý của đơn vị")
        verbose_name_plural = _("báo cáo quý của đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit", "year", "quarter"], name="papi_unit_report_one_per_quarter")
        ]

    def __str__(self):
        return f"{self.unit} – Quý {self.quarter}/{self.year}"

    @property
    def is_frozen(self):
        return self.status == self.Status.SUBMITTED

    @property
    def is_late(self):
        """Submitted after the due date, or still not submitted once it has passed."""
        if self.submitted_at:
            return timezone.localtime(self.submitted_at).date() > self.due_on
        return timezone.localdate() > self.due_on


class UnitReportEntryQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(report__in=UnitReport.objects.visible_to(user))


class UnitReportEntry(models.Model):
    """A unit's progress on one of its tasks in a quarterly report; evidence is attached to it."""

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="entries", verbose_name=_("báo cáo"))
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="report_entries", verbose_name=_("nhiệm vụ"))
    progress = models.CharField(_("tiến độ"), max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED)
    result = models.TextField(_("kết quả thực hiện"), blank=True)

    objects = UnitReportEntryQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["report", "task__group__section", "task__group__number", "task__order"]
        verbose_name = _("kết quả thực hiện nhiệm vụ")
        verbose_name_plural = _("kết quả thực hiện nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["report", "task"], name="papi_entry_one_per_task")]

    def __str__(self):
        return f"{self.report}: {self.task}"


class OfficeReportQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        if is_office(user):
            return self.filter(plan__owner_id__in=agency_unit_ids(user))
        return self.none()


class OfficeReport(Versioned):
    """The office's quarterly roll-up to Sở Nội vụ; freezing it keeps the figures it was made with."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        FROZEN = "frozen", _("Đã chốt")

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="office_reports", verbose_name=_("kế hoạch"))
    year = models.PositiveSmallIntegerField(_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"), choices=[(q, q) for q in range(1, 5)])
    due_on = models.DateField(_("hạn gửi Sở Nội vụ"))
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    results = models.TextField(_("kết quả thực hiện theo nội dung"), blank=True)
    shortcomings = models.TextField(_("tồn tại, hạn chế"), blank=True)
    next_tasks = models.TextField(_("nhiệm vụ quý tới"), blank=True)
    figures = models.JSONField(_("số liệu đã chốt"), default=dict, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    frozen_at = models.DateTimeField(_("chốt lúc"), null=True, blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người chốt")
    )

    objects = OfficeReportQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year", "-quarter"]
        verbose_name = _("báo cáo tổng hợp gửi Sở Nội vụ")
        verbose_name_plural = _("báo cáo tổng hợp gửi Sở Nội vụ")
        constraints = [models.UniqueConstraint(fields=["plan", "year", "quarter"], name="papi_office_report_one_per_quarter")]

    def __str__(self):
        return f"Báo cáo PAPI Quý {self.quarter}/{self.year}"

    @property
    def is_frozen(self):
        return self.status == self.Status.FROZEN
