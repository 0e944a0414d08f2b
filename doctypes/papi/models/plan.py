"""The PAPI improvement plan as records: the plan, its reporting dates, task groups and tasks."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi.models.dimension import Dimension, papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids, is_office, own_unit_ids


class PlanQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The plan is the department's public document: all its staff read it, nobody outside.
        return self.filter(owner_id__in=agency_unit_ids(user))


class Plan(Versioned):
    """A department's plan (Kế hoạch) to improve its PAPI results, for one year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        IN_FORCE = "in_force", _("Đang thực hiện")
        CLOSED = "closed", _("Đã kết thúc")

    owner = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="papi_plans", verbose_name=_("cơ quan ban hành"))
    province = models.ForeignKey(
        "papi.Province", on_delete=models.PROTECT, null=True, blank=True, related_name="plans",
        verbose_name=_("tỉnh được đánh giá PAPI"),
    )
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm thực hiện"))
    title = models.CharField(_("trích yếu"), max_length=500)
    implements = models.CharField(_("thực hiện văn bản"), max_length=255, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    aims = models.TextField(_("mục đích, yêu cầu"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", verbose_name=_("sao chép từ")
    )
    unconfirmed = models.CharField(_("thông tin chưa xác nhận"), max_length=255, blank=True)

    objects = PlanQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year", "number"]
        verbose_name = _("kế hoạch PAPI")
        verbose_name_plural = _("kế hoạch PAPI")
        constraints = [models.UniqueConstraint(fields=["owner", "year"], name="papi_plan_one_per_owner_year")]

    def __str__(self):
        label = self.number or _("Kế hoạch PAPI")
        return f"{label} ({self.year})"

    def reporting_units(self):
        """The units that must report: every unit in charge of one of the plan's live tasks."""
        tasks = Task.objects.filter(group__plan=self).exclude(status=Task.Status.RETIRED)
        return Unit.objects.filter(lead_papi_tasks__in=tasks).distinct().order_by("code")


class PlanReportDateQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(plan__in=Plan.objects.visible_to(user))


class PlanReportDate(models.Model):
    """One quarter's deadlines of a plan: units report to the office, the office to Sở Nội vụ."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="report_dates", verbose_name=_("kế hoạch"))
    quarter = models.PositiveSmallIntegerField(_("quý"), choices=[(q, q) for q in range(1, 5)])
    period_label = models.CharField(_("kỳ báo cáo"), max_length=60)
    unit_due_month = models.PositiveSmallIntegerField(_("đơn vị nộp trước: tháng"))
    unit_due_day = models.PositiveSmallIntegerField(_("đơn vị nộp trước: ngày"))
    office_due_month = models.PositiveSmallIntegerField(_("Văn phòng gửi Sở Nội vụ trước: tháng"))
    office_due_day = models.PositiveSmallIntegerField(_("Văn phòng gửi Sở Nội vụ trước: ngày"))

    objects = PlanReportDateQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["plan", "quarter"]
        verbose_name = _("hạn báo cáo")
        verbose_name_plural = _("hạn báo cáo")
        constraints = [models.UniqueConstraint(fields=["plan", "quarter"], name="papi_report_date_one_per_quarter")]

    def __str__(self):
        return f"{self.period_label}: {self.unit_due_day}/{self.unit_due_month} – {self.office_due_day}/{self.office_due_month}"

    def clean(self):
        for prefix in ("unit_due", "office_due"):
            try:
                # A leap year, so 29/2 is accepted; any other impossible date is refused.
                datetime.date(2024, getattr(self, f"{prefix}_month"), getattr(self, f"{prefix}_day"))
            except (TypeError, ValueError):
                raise ValidationError({f"{prefix}_day": _("Ngày, tháng không hợp lệ.")}) from None
        if (self.office_due_month, self.office_due_day) < (self.unit_due_month, self.unit_due_day):
            raise ValidationError({"office_due_day": _("Hạn của Văn phòng phải sau hạn của các đơn vị.")})

    def unit_due_on(self, year):
        return datetime.date(year, self.unit_due_month, self.unit_due_day)

    def office_due_on(self, year):
        return datetime.date(year, self.office_due_month, self.office_due_day)


class TaskGroupQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(plan__in=Plan.objects.visible_to(user))


class TaskGroup(Versioned):
    """A numbered part of the plan: a content area of section II (one PAPI dimension) or a unit's duties in III."""

    class Section(models.TextChoices):
        CONTENT = "II", _("II. Nội dung thực hiện")
        ORGANISATION = "III", _("III. Tổ chức thực hiện")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="groups", verbose_name=_("kế hoạch"))
    section = models.CharField(_("phần"), max_length=4, choices=Section.choices)
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.CharField(_("tên nội dung"), max_length=500)
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, null=True, blank=True, related_name="plan_groups", verbose_name=_("chỉ số PAPI")
    )

    objects = TaskGroupQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["plan", "section", "number"]
        verbose_name = _("nhóm nhiệm vụ")
        verbose_name_plural = _("nhóm nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["plan", "section", "number"], name="papi_group_number_unique")]

    def __str__(self):
        return f"{self.section}.{self.number}. {self.title}"


class TaskQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        if is_office(user):
            return self.filter(group__plan__owner_id__in=agency_unit_ids(user))
        mine = own_unit_ids(user)
        return self.filter(Q(lead_units__in=mine) | Q(cooperating_units__in=mine)).distinct()

    def live(self):
        return self.exclude(status=Task.Status.RETIRED)


class Task(Versioned):
    """One duty of the plan: who leads it, who cooperates, how often it recurs and where it stands."""

    class Recurrence(models.TextChoices):
        QUARTERLY = "quarterly", _("Hằng quý")
        YEARLY = "yearly", _("Hằng năm")
        CONTINUOUS = "continuous", _("Thường xuyên")

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        RETIRED = "retired", _("Ngừng thực hiện")

    group = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("nhóm nhiệm vụ"))
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("nội dung nhiệm vụ"))
    lead_units = models.ManyToManyField(Unit, related_name="lead_papi_tasks", verbose_name=_("đơn vị chủ trì"))
    cooperating_units = models.ManyToManyField(
        Unit, blank=True, related_name="cooperating_papi_tasks", verbose_name=_("đơn vị phối hợp")
    )
    recurrence = models.CharField(_("tính chất"), max_length=20, choices=Recurrence.choices, default=Recurrence.CONTINUOUS)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.OPEN)
    dimensions = papi_links(related_name="plan_tasks")
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", verbose_name=_("sao chép từ")
    )
    retired_reason = models.CharField(_("lý do ngừng"), max_length=255, blank=True)

    objects = TaskQuerySet.as_manager()
    # The units in charge and the PAPI links are part of what a task is: their changes are history too.
    history = history(m2m_fields=["lead_units", "cooperating_units", "dimensions"])

    class Meta:
        ordering = ["group__section", "group__number", "order"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self):
        return f"{self.group.section}.{self.group.number}.{self.order} {self.text[:80]}"

    @property
    def plan(self):
        return self.group.plan

    def all_dimensions(self):
        """The task's own PAPI links, or its content area's dimension."""
        own = list(self.dimensions.all())
        return own or ([self.group.dimension] if self.group.dimension_id else [])

    def is_led_by(self, unit):
        return self.lead_units.filter(pk=unit.pk).exists()

