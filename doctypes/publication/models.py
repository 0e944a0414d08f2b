"""The publication register (công khai): what a unit published, on which legal ground, by when, where and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi.evidence import plan_task_links
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import UnitRegisterQuerySet


class Publication(Versioned):
    """One duty to publish (công khai) and, once met, where and when it was published."""

    class Kind(models.TextChoices):
        BUDGET_ESTIMATE = "budget_estimate", _("Dự toán ngân sách")
        BUDGET_SETTLEMENT = "budget_settlement", _("Quyết toán ngân sách")
        PLAN = "plan", _("Kế hoạch")
        PROJECT = "project", _("Dự án, đầu tư")
        PROCUREMENT = "procurement", _("Mua sắm, đấu thầu")
        LAND = "land", _("Đất đai, bồi thường, hỗ trợ, tái định cư")
        PROCEDURE = "procedure", _("Thủ tục hành chính")
        INSPECTION_CONCLUSION = "inspection_conclusion", _("Kết luận thanh tra, kiểm tra")
        ANTICORRUPTION_REPORT = "anticorruption_report", _("Báo cáo công tác phòng, chống tham nhũng")
        OTHER = "other", _("Khác")

    class Channel(models.TextChoices):
        PORTAL = "portal", _("Cổng thông tin điện tử")
        NOTICE_BOARD = "notice_board", _("Niêm yết tại trụ sở")
        MEETING = "meeting", _("Công bố tại hội nghị, cuộc họp")
        OTHER = "other", _("Hình thức khác")

    class State(models.TextChoices):
        ON_TIME = "on_time", _("Công khai đúng hạn")
        LATE = "late", _("Công khai trễ hạn")
        DUE = "due", _("Chưa đến hạn")
        OVERDUE = "overdue", _("Quá hạn chưa công khai")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="publications", verbose_name=_("đơn vị công khai"))
    kind = models.CharField(_("nội dung công khai"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("trích yếu"), max_length=500)
    triggered_on = models.DateField(_("ngày phát sinh nghĩa vụ"),
                                    help_text=_("Ngày phê duyệt dự toán, quyết toán, kế hoạch; ngày ký kết luận…: hạn công khai tính từ ngày này."))
    rule_code = models.CharField(_("mã quy tắc thời hạn"), max_length=80, blank=True, editable=False)
    legal_ground = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    due_on = models.DateField(_("hạn công khai"), null=True, blank=True,
                              help_text=_("Tính theo quy tắc thời hạn của loại nội dung; chỉ nhập tay khi loại này chưa có quy tắc."))
    channel = models.CharField(_("hình thức công khai"), max_length=20, choices=Channel.choices, blank=True)
    published_on = models.DateField(_("ngày công khai"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi"))
    papi = papi_links(related_name="publications")
    plan_tasks = plan_task_links(related_name="publication_publication_evidence")

    objects = UnitRegisterQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-triggered_on", "id"]
        verbose_name = _("nội dung công khai")
        verbose_name_plural = _("sổ theo dõi công khai")
        indexes = [models.Index(fields=["unit", "due_on"], name="publication_unit_due")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_state_display(self):
        return self.State(self.state()).label

    def state(self, today=None):
        """On time / late once published; due / overdue while not (a publication without a deadline is never late)."""
        if self.published_on:
            return self.State.LATE if self.due_on and self.published_on > self.due_on else self.State.ON_TIME
        today = today or timezone.localdate()
        return self.State.OVERDUE if self.due_on and self.due_on < today else self.State.DUE
