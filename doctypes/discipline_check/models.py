"""Public-duty discipline checks (kiểm tra công vụ): editable checklists, checks and item results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import StaffProfile, Unit
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.pctn_topics import PctnTopicsField
from papi_inspect.permissions import ReferenceQuerySet, VisibleQuerySet, agency_unit_ids, is_office, own_unit_ids


class ChecklistTemplate(Versioned):
    """A checklist the office edits; its items are unconfirmed by law, so they are data (legal-rules §8)."""

    name = models.CharField(_("tên mẫu"), max_length=255, unique=True)
    description = models.TextField(_("mô tả"), blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    objects = ReferenceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["name"]
        verbose_name = _("mẫu phiếu kiểm tra")
        verbose_name_plural = _("mẫu phiếu kiểm tra")

    def __str__(self):
        return self.name


class ChecklistItem(models.Model):
    """One line of a checklist template."""

    class Area(models.TextChoices):
        WORKING_HOURS = "working_hours", _("Thời gian làm việc")
        BADGE = "badge", _("Đeo thẻ công chức")
        CONDUCT = "conduct", _("Văn hóa ứng xử – Nụ cười công sở")
        ONE_STOP = "one_stop", _("Bộ phận một cửa")
        ON_TIME = "on_time", _("Giải quyết TTHC đúng hạn")
        RECEPTION = "reception", _("Tiếp công dân")
        OTHER = "other", _("Khác")

    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items", verbose_name=_("mẫu phiếu"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    area = models.CharField(_("lĩnh vực"), max_length=20, choices=Area.choices)
    text = models.CharField(_("nội dung kiểm tra"), max_length=500)
    weight = models.PositiveSmallIntegerField(_("trọng số"), default=1)
    per_staff = models.BooleanField(_("chấm cho từng cán bộ"), default=False)

    objects = ReferenceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["template", "order", "id"]
        verbose_name = _("nội dung kiểm tra")
        verbose_name_plural = _("nội dung kiểm tra")

    def __str__(self):
        return self.text


class DisciplineCheckQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The office sees its department's checks; a checked unit sees the checks of itself; a leader sees theirs.
        if is_office(user):
            return self.filter(unit_id__in=agency_unit_ids(user))
        return self.filter(models.Q(unit_id__in=own_unit_ids(user)) | models.Q(leader=user))


class DisciplineCheck(Versioned):
    """One check of one unit on one day, announced or not, built from a template."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Đã lên lịch")
        DONE = "done", _("Đã kiểm tra")

    template = models.ForeignKey(ChecklistTemplate, on_delete=models.PROTECT, related_name="checks", verbose_name=_("mẫu phiếu"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="discipline_checks", verbose_name=_("đơn vị được kiểm tra"))
    scheduled_on = models.DateField(_("ngày kiểm tra"))
    announced = models.BooleanField(_("có thông báo trước"), default=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("trưởng đoàn kiểm tra")
    )
    conducted_on = models.DateField(_("ngày thực hiện"), null=True, blank=True)
    summary = models.TextField(_("nhận xét chung"), blank=True)
    pctn_topics = PctnTopicsField()

    objects = DisciplineCheckQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-scheduled_on", "id"]
        # Lists open on this order and leadership filters by unit first: indexes that match both (issue 15).
        indexes = [
            models.Index(fields=["-scheduled_on", "id"], name="check_list_order"),
            models.Index(fields=["unit", "-scheduled_on"], name="check_unit_recent"),
        ]
        verbose_name = _("kiểm tra công vụ")
        verbose_name_plural = _("kiểm tra công vụ")

    def __str__(self):
        return f"{self.unit} – {self.scheduled_on:%d/%m/%Y}"


class CheckResultQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(check_record__in=DisciplineCheck.objects.visible_to(user))


class CheckResult(Versioned):
    """The outcome of one checklist item, for the unit or for one staff member (photos attach here)."""

    class Outcome(models.TextChoices):
        PASS = "pass", _("Đạt")
        FAIL = "fail", _("Không đạt")
        NOT_APPLICABLE = "na", _("Không áp dụng")
        PENDING = "todo", _("Chưa chấm")

    check_record = models.ForeignKey(DisciplineCheck, on_delete=models.CASCADE, related_name="results", verbose_name=_("cuộc kiểm tra"))
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="results", verbose_name=_("nội dung"))
    staff = models.ForeignKey(
        StaffProfile, on_delete=models.PROTECT, null=True, blank=True, related_name="check_results", verbose_name=_("cán bộ")
    )
    outcome = models.CharField(_("kết quả"), max_length=4, choices=Outcome.choices)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = CheckResultQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["check_record", "item__order", "id"]
        verbose_name = _("kết quả kiểm tra")
        verbose_name_plural = _("kết quả kiểm tra")
        constraints = [
            models.UniqueConstraint(
                fields=["check_record", "item", "staff"], name="check_result_once", nulls_distinct=False
            )
        ]

    def __str__(self):
        return f"{self.item} – {self.get_outcome_display()}"
