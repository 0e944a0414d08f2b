"""Annual inspection plans, inspections and their steps, teams and amendments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.pctn_topics import PctnTopicsField
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids, is_inspectorate, own_unit_ids


class InspectionPlanQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The plan is the inspectorate's working document; leadership sees it through the base class.
        if is_inspectorate(user):
            return self.filter(owner_id__in=agency_unit_ids(user))
        return self.none()


class InspectionPlan(Versioned):
    """The annual inspection plan (kế hoạch thanh tra năm), drafted by the Chánh Thanh tra."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        APPROVED = "approved", _("Đã phê duyệt")

    owner = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="inspection_plans", verbose_name=_("cơ quan thanh tra"))
    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người lập")
    )
    drafted_on = models.DateField(_("ngày lập"))
    due_on = models.DateField(_("hạn phê duyệt"))
    approved_by = models.CharField(_("người phê duyệt"), max_length=120, blank=True)
    approved_on = models.DateField(_("ngày phê duyệt"), null=True, blank=True)

    objects = InspectionPlanQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("kế hoạch thanh tra năm")
        verbose_name_plural = _("kế hoạch thanh tra năm")
        constraints = [models.UniqueConstraint(fields=["owner", "year"], name="inspection_plan_one_per_year")]

    def __str__(self):
        return f"{self.title} ({self.year})"


class InspectionQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The inspectorate sees its department's inspections; a subject unit sees those about it.
        if is_inspectorate(user):
            return self.filter(owner_id__in=agency_unit_ids(user))
        # Exists on the subject table, not a join + DISTINCT: one row per inspection, and the list order kept by index.
        about_mine = Inspection.subject_units.through.objects.filter(inspection_id=models.OuterRef("pk"), unit_id__in=own_unit_ids(user))
        return self.filter(models.Exists(about_mine))


class Inspection(Versioned):
    """One inspection (cuộc thanh tra), planned or unscheduled, moving through its legal steps."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("Theo kế hoạch")
        UNSCHEDULED = "unscheduled", _("Đột xuất")

    class Grounds(models.TextChoices):
        NONE = "", _("(theo kế hoạch)")
        VIOLATION_SIGNS = "violation_signs", _("Có dấu hiệu vi phạm")
        COMPLAINT = "complaint", _("Giải quyết khiếu nại")
        DENUNCIATION = "denunciation", _("Giải quyết tố cáo")
        ANTI_CORRUPTION = "anti_corruption", _("Phòng, chống tham nhũng")
        ASSIGNMENT = "assignment", _("Được giao")

    class Level(models.TextChoices):
        DEPARTMENT = "department", _("Cấp sở")
        PROVINCIAL = "provincial", _("Cấp tỉnh")

    class Step(models.IntegerChoices):
        PLANNED = 0, _("Trong kế hoạch")
        DECIDED = 1, _("Đã có quyết định")
        FIELDWORK = 3, _("Đã công bố, đang tiến hành")
        FIELDWORK_ENDED = 4, _("Kết thúc tiến hành")
        REPORTED = 5, _("Đã có báo cáo, dự thảo kết luận")
        APPRAISED = 6, _("Đã thẩm định dự thảo")
        CONCLUDED = 7, _("Đã kết luận")
        PUBLISHED = 8, _("Đã công khai")

    owner = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("cơ quan thanh tra"))
    plan = models.ForeignKey(
        InspectionPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="inspections", verbose_name=_("kế hoạch")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.PLANNED)
    grounds = models.CharField(_("căn cứ thanh tra đột xuất"), max_length=30, choices=Grounds.choices, blank=True)
    grounds_detail = models.TextField(_("nội dung căn cứ"), blank=True)
    case_reference = models.CharField(_("hồ sơ khiếu nại, tố cáo liên quan"), max_length=120, blank=True)
    complaint_case = models.ForeignKey(
        "complaint_case.ComplaintCase", on_delete=models.PROTECT, null=True, blank=True, related_name="inspections",
        verbose_name=_("vụ việc khiếu nại"),
    )
    denunciation = models.ForeignKey(
        "complaint_case.Denunciation", on_delete=models.PROTECT, null=True, blank=True, related_name="inspections",
        verbose_name=_("vụ việc tố cáo"),
    )
    title = models.CharField(_("tên cuộc thanh tra"), max_length=500)
    scope = models.TextField(_("phạm vi, nội dung"), blank=True)
    pctn_topics = PctnTopicsField()
    period_from = models.DateField(_("thời kỳ thanh tra từ"), null=True, blank=True)
    period_to = models.DateField(_("thời kỳ thanh tra đến"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quý"), null=True, blank=True, choices=[(q, q) for q in range(1, 5)])
    subject_units = models.ManyToManyField(Unit, related_name="inspected_in", verbose_name=_("đối tượng thanh tra"))
    papi_dimensions = papi_links(related_name="inspections")
    level = models.CharField(_("cấp thanh tra"), max_length=20, choices=Level.choices, default=Level.DEPARTMENT)
    remote = models.BooleanField(_("vùng sâu, vùng xa"), default=False)

    step = models.PositiveSmallIntegerField(_("bước"), choices=Step.choices, default=Step.PLANNED)
    next_due = models.DateField(_("hạn của bước tiếp theo"), null=True, blank=True)
    next_due_rule = models.CharField(_("quy tắc thời hạn"), max_length=255, blank=True)

    decision_number = models.CharField(_("số quyết định thanh tra"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_signer = models.CharField(_("người ký quyết định"), max_length=120, blank=True)
    announced_on = models.DateField(_("ngày công bố quyết định"), null=True, blank=True)
    fieldwork_started_on = models.DateField(_("ngày bắt đầu tiến hành"), null=True, blank=True)
    fieldwork_extensions = models.PositiveSmallIntegerField(_("số lần gia hạn"), default=0)
    extension_decision_number = models.CharField(_("số quyết định gia hạn"), max_length=60, blank=True)
    extension_decision_date = models.DateField(_("ngày quyết định gia hạn"), null=True, blank=True)
    fieldwork_due = models.DateField(_("hạn kết thúc tiến hành"), null=True, blank=True)
    fieldwork_ended_on = models.DateField(_("ngày kết thúc tiến hành"), null=True, blank=True)
    reported_on = models.DateField(_("ngày báo cáo kết quả, dự thảo kết luận"), null=True, blank=True)
    appraisal_required = models.BooleanField(_("phải thẩm định dự thảo"), default=False)
    appraised_on = models.DateField(_("ngày thẩm định"), null=True, blank=True)
    conclusion_number = models.CharField(_("số kết luận"), max_length=60, blank=True)
    concluded_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    conclusion_signer = models.CharField(_("người ký kết luận"), max_length=120, blank=True)
    conclusion_summary = models.TextField(_("nội dung kết luận"), blank=True)
    published_on = models.DateField(_("ngày công khai kết luận"), null=True, blank=True)

    objects = InspectionQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year", "quarter", "id"]
        # Lists open on this order and leadership filters by unit first: indexes that match both (issue 15).
        indexes = [
            models.Index(fields=["-year", "quarter", "id"], name="inspection_list_order"),
            models.Index(fields=["owner", "-year"], name="inspection_owner_year"),
        ]
        verbose_name = _("cuộc thanh tra")
        verbose_name_plural = _("cuộc thanh tra")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="planned") | ~Q(grounds=""), name="inspection_unscheduled_has_grounds",
                violation_error_message=_("Thanh tra đột xuất phải nêu căn cứ."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.kind == self.Kind.UNSCHEDULED and not self.grounds:
            raise ValidationError({"grounds": _("Thanh tra đột xuất phải nêu căn cứ.")})

    @property
    def is_frozen(self):
        """A concluded inspection is frozen: corrections are amendments (Frappe's submitted doc)."""
        return self.step >= self.Step.CONCLUDED


class InspectionTeamMemberQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(inspection__in=Inspection.objects.visible_to(user))


class InspectionTeamMember(models.Model):
    """A member of the inspection team (đoàn thanh tra), the leader included."""

    class Role(models.TextChoices):
        LEADER = "leader", _("Trưởng đoàn")
        DEPUTY = "deputy", _("Phó trưởng đoàn")
        MEMBER = "member", _("Thành viên")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="team", verbose_name=_("cuộc thanh tra"))
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("cán bộ"))
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    objects = InspectionTeamMemberQuerySet.as_manager()
    history = history()

    class Meta:
        verbose_name = _("thành viên đoàn thanh tra")
        verbose_name_plural = _("đoàn thanh tra")
        constraints = [models.UniqueConstraint(fields=["inspection", "member"], name="inspection_team_member_once")]

    def __str__(self):
        return f"{self.member} – {self.get_role_display()}"


class InspectionAmendmentQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(inspection__in=Inspection.objects.visible_to(user))


class InspectionAmendment(models.Model):
    """A correction to a concluded inspection, linked to the original conclusion."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="amendments", verbose_name=_("cuộc thanh tra")
    )
    number = models.CharField(_("số văn bản sửa đổi"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"))
    reason = models.TextField(_("lý do"))
    changes = models.TextField(_("nội dung sửa đổi, bổ sung"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi"))

    objects = InspectionAmendmentQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["issued_on", "id"]
        verbose_name = _("sửa đổi kết luận")
        verbose_name_plural = _("sửa đổi kết luận")

    def __str__(self):
        return f"{self.number} ({self.inspection})"
