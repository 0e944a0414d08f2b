"""The department's administrative-procedure (TTHC) catalogue, reviews and late-handling statistics."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import ReferenceQuerySet, VisibleQuerySet, is_office


class Procedure(Versioned):
    """One administrative procedure (thủ tục hành chính) the department handles."""

    class OnlineLevel(models.TextChoices):
        FULL = "full", _("Toàn trình")
        PARTIAL = "partial", _("Một phần")
        NONE = "none", _("Chưa cung cấp trực tuyến")
        LEVEL_4 = "level_4", _("Mức độ 4 (cũ)")
        LEVEL_3 = "level_3", _("Mức độ 3 (cũ)")

    code = models.CharField(_("mã TTHC"), max_length=40, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=500)
    field = models.CharField(_("lĩnh vực"), max_length=255)
    processing_days = models.PositiveIntegerField(_("thời hạn giải quyết (ngày làm việc)"))
    fee = models.CharField(_("phí, lệ phí"), max_length=255, blank=True)
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"), max_length=10, choices=OnlineLevel.choices, default=OnlineLevel.NONE,
        help_text=_("NĐ 42/2022 Điều 11: toàn trình / một phần; mức 3/4 theo NĐ 43/2011 chỉ để tra cứu lịch sử."),
    )
    in_force = models.BooleanField(_("còn hiệu lực"), default=True)

    objects = ReferenceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["code"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self):
        return f"{self.code} – {self.name}"


class OfficeOnlyQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.all() if is_office(user) else self.none()


class ProcedureReview(Versioned):
    """A review of one procedure (rà soát TTHC), with proposals to simplify, amend or abolish it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang rà soát")
        SUBMITTED = "submitted", _("Đã trình")

    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("thủ tục"))
    reviewed_on = models.DateField(_("ngày rà soát"))
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người rà soát"))
    summary = models.TextField(_("đánh giá"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)

    objects = OfficeOnlyQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-reviewed_on", "id"]
        verbose_name = _("rà soát TTHC")
        verbose_name_plural = _("rà soát TTHC")

    def __str__(self):
        return f"{self.procedure.code} – {self.reviewed_on:%d/%m/%Y}"


class ReviewProposalQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(review__in=ProcedureReview.objects.visible_to(user))


class ReviewProposal(models.Model):
    """One proposal of a review."""

    class Kind(models.TextChoices):
        SIMPLIFY = "simplify", _("Đơn giản hóa")
        AMEND = "amend", _("Sửa đổi, bổ sung")
        ABOLISH = "abolish", _("Bãi bỏ")
        RAISE_ONLINE = "raise_online", _("Nâng mức độ trực tuyến")

    review = models.ForeignKey(ProcedureReview, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("rà soát"))
    kind = models.CharField(_("loại đề xuất"), max_length=20, choices=Kind.choices)
    content = models.TextField(_("nội dung đề xuất"))

    objects = ReviewProposalQuerySet.as_manager()
    history = history()

    class Meta:
        verbose_name = _("đề xuất")
        verbose_name_plural = _("đề xuất")

    def __str__(self):
        return self.get_kind_display()


class LateHandlingStat(Versioned):
    """Files of one procedure handled late in one period, imported from the one-stop desk's export."""

    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="late_stats", verbose_name=_("thủ tục"))
    period_from = models.DateField(_("từ ngày"))
    period_to = models.DateField(_("đến ngày"))
    received = models.PositiveIntegerField(_("số hồ sơ tiếp nhận"))
    on_time = models.PositiveIntegerField(_("giải quyết đúng hạn"))
    late = models.PositiveIntegerField(_("giải quyết quá hạn"))
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người nhập"))
    imported_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)

    objects = OfficeOnlyQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-period_to", "procedure__code"]
        verbose_name = _("thống kê hồ sơ trễ hạn")
        verbose_name_plural = _("thống kê hồ sơ trễ hạn")
        constraints = [
            models.UniqueConstraint(fields=["procedure", "period_from", "period_to"], name="late_stat_once_per_period")
        ]

    def __str__(self):
        return f"{self.procedure.code} {self.period_from:%d/%m/%Y}–{self.period_to:%d/%m/%Y}"
