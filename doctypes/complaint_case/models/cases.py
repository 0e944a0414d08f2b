"""Complaint cases (Luật Khiếu nại 2011) and denunciation cases (Luật Tố cáo 2018)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.models.base import CaseQuerySet, DeadlineMixin, ProtectedRecord, sealed_text_field
from doctypes.complaint_case.models.remedies import Remedies
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.deadlines import DeadlineStatus
from papi_inspect.identity import IDENTITY_FIELDS
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet


class CaseBase(Versioned, DeadlineMixin, models.Model):
    """Abstract: the fields every case shares."""

    # Case files follow the petition's rule: uploaded file names may name the citizen.
    neutral_attachment_names = True

    code = models.CharField(_("số hồ sơ"), max_length=30, unique=True)
    petition = models.ForeignKey(
        "complaint_case.Petition", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn")
    )
    subject = models.CharField(_("nội dung vụ việc"), max_length=255)
    received_on = models.DateField(_("ngày nhận đơn"))
    accepted_on = models.DateField(_("ngày thụ lý"), null=True, blank=True)
    is_complex = models.BooleanField(_("vụ việc phức tạp"), default=False)
    anti_corruption = models.BooleanField(_("liên quan phòng, chống tham nhũng"), default=False)
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị giải quyết"))
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người được giao")
    )
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-received_on", "-id"]
        # Lists open on this order and leadership filters by unit first: indexes that match both (issue 15).
        indexes = [
            models.Index(fields=["-received_on", "-id"], name="%(class)s_list_order"),
            models.Index(fields=["unit", "-received_on"], name="%(class)s_unit_recent"),
            models.Index(fields=["status", "resolve_due"], name="%(class)s_status_due"),
        ]


class ComplaintCase(Remedies, CaseBase):
    """A complaint case: accept (Art. 27/36), verify, dialogue, decide (Art. 28/37)."""

    class Instance(models.IntegerChoices):
        FIRST = 1, _("Lần đầu")
        SECOND = 2, _("Lần hai")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Chờ thụ lý")
        ACCEPTED = "accepted", _("Đã thụ lý")
        VERIFIED = "verified", _("Đã xác minh")
        DIALOGUED = "dialogued", _("Đã đối thoại")
        DECIDED = "decided", _("Đã ra quyết định")
        WITHDRAWN = "withdrawn", _("Đã rút khiếu nại, đình chỉ giải quyết")

    class Result(models.TextChoices):
        UPHELD = "upheld", _("Giữ nguyên quyết định, hành vi")
        AMENDED = "amended", _("Sửa đổi một phần")
        CANCELLED = "cancelled", _("Hủy bỏ")

    complainant_name = models.CharField(_("người khiếu nại"), max_length=200)
    complained_act = models.CharField(_("quyết định, hành vi bị khiếu nại"), max_length=255)
    # Not "instance": simple-history reserves that name on history rows.
    level = models.PositiveSmallIntegerField(_("lần giải quyết"), choices=Instance.choices, default=Instance.FIRST)
    is_remote = models.BooleanField(_("vùng sâu, vùng xa, đi lại khó khăn"), default=False)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    accept_due = models.DateField(_("hạn thụ lý"), null=True, blank=True)
    resolve_due = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    verified_on = models.DateField(_("ngày xác minh xong"), null=True, blank=True)
    verification_result = models.TextField(_("kết quả xác minh"), blank=True)
    dialogue_on = models.DateField(_("ngày đối thoại"), null=True, blank=True)
    dialogue_result = models.TextField(_("kết quả đối thoại"), blank=True)
    decided_on = models.DateField(_("ngày ra quyết định"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=40, blank=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("người ký quyết định"), help_text=_("Để trống: Giám đốc Sở ký."),
    )
    result = models.CharField(_("kết quả giải quyết"), max_length=20, choices=Result.choices, blank=True)
    conclusion = models.TextField(_("kết luận, căn cứ pháp lý"), blank=True)
    withdrawn_on = models.DateField(_("ngày rút khiếu nại"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("lý do rút, căn cứ đình chỉ"), blank=True)
    papi = papi_links(related_name="complaint_cases")

    history = history()

    class Meta(CaseBase.Meta):
        verbose_name = _("vụ việc khiếu nại")
        verbose_name_plural = _("vụ việc khiếu nại")

    def __str__(self):
        return f"{self.code} – {self.subject}"

    @property
    def current_due(self):
        if self.status == self.Status.RECEIVED:
            return self.accept_due
        return None if self.status in (self.Status.DECIDED, self.Status.WITHDRAWN) else self.resolve_due


class DenunciationQuerySet(CaseQuerySet):
    """Members of the verification team see the case read-only and get only redacted copies of its files."""

    def read_only_grant(self, user):
        # A subquery, not a join: OR-ed with the work grant, a join would repeat a case once per verifier.
        return Q(pk__in=Denunciation.objects.filter(verifiers__user=user).values("pk"))

    def protected(self):
        # Every denunciation protects its author; a verifier is not the handler, so gets copies only.
        return Q(pk__isnull=False)


class Verdict(models.TextChoices):
    """What a conclusion finds of the denounced content (Luật Tố cáo 2018, Điều 35 khoản 1; 04/GQTC cols 8–13)."""

    RIGHT = "right", _("Tố cáo đúng")
    PARTLY = "partly", _("Tố cáo có đúng, có sai")
    WRONG = "wrong", _("Tố cáo sai")


class Denunciation(ProtectedRecord, Remedies, CaseBase):
    """A denunciation worked under a pseudonym: initial processing (Art. 24), accept, verify, conclude, handle."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đang xử lý ban đầu")
        NOT_ACCEPTED = "not_accepted", _("Không thụ lý")
        ACCEPTED = "accepted", _("Đã thụ lý")
        CONCLUDED = "concluded", _("Đã kết luận")
        HANDLED = "handled", _("Đã xử lý kết luận")
        WITHDRAWN = "withdrawn", _("Đã rút tố cáo, đình chỉ giải quyết")

    pseudonym = models.CharField(_("bí danh người tố cáo"), max_length=40)
    denounced = models.CharField(_("người, cơ quan bị tố cáo"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    initial_due = models.DateField(_("hạn xử lý ban đầu"), null=True, blank=True)
    initial_extended = models.BooleanField(_("đã kéo dài xử lý ban đầu"), default=False)
    # Luật Tố cáo 2018 Điều 30 khoản 1: a complex case may be extended once, an especially complex one twice.
    is_especially_complex = models.BooleanField(_("vụ việc đặc biệt phức tạp"), default=False)
    not_accepted_reason = models.TextField(_("lý do không thụ lý"), blank=True)
    notify_due = models.DateField(_("hạn thông báo thụ lý"), null=True, blank=True)
    notified_on = models.DateField(_("ngày thông báo thụ lý"), null=True, blank=True)
    resolve_due = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    concluded_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    conclusion = models.TextField(_("kết luận nội dung tố cáo"), blank=True)
    verdict = models.CharField(_("tố cáo đúng, sai"), max_length=10, choices=Verdict.choices, blank=True,
                               help_text=_("Kết luận nội dung tố cáo đúng, đúng một phần hay sai (Luật Tố cáo 2018, Điều 35)."))
    handled_on = models.DateField(_("ngày xử lý kết luận"), null=True, blank=True)
    handling = models.TextField(_("xử lý kết luận"), blank=True)
    subject_sealed = sealed_text_field(_("nội dung vụ việc (mã hóa)"))
    not_accepted_reason_sealed = sealed_text_field(_("lý do không thụ lý (mã hóa)"))
    conclusion_sealed = sealed_text_field(_("kết luận (mã hóa)"))
    handling_sealed = sealed_text_field(_("xử lý kết luận (mã hóa)"))
    withdrawn_on = models.DateField(_("ngày rút tố cáo"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("lý do rút, căn cứ đình chỉ"), blank=True)
    withdrawal_reason_sealed = sealed_text_field(_("lý do rút (mã hóa)"))
    report_requested_on = models.DateField(_("ngày yêu cầu báo cáo (quá hạn)"), null=True, blank=True)
    report_due = models.DateField(_("hạn báo cáo lý do chậm"), null=True, blank=True)
    papi = papi_links(related_name="denunciations")

    objects = DenunciationQuerySet.as_manager()
    sealed_text_fields = ("subject", "not_accepted_reason", "conclusion", "handling", "withdrawal_reason")
    history = history(sensitive=IDENTITY_FIELDS + tuple(name + "_sealed" for name in sealed_text_fields))

    class Meta(CaseBase.Meta):
        verbose_name = _("vụ việc tố cáo")
        verbose_name_plural = _("vụ việc tố cáo")

    def __str__(self):
        return f"{self.code} – {self.pseudonym}"

    @property
    def current_due(self):
        if self.status == self.Status.RECEIVED:
            return self.initial_due
        if self.status == self.Status.ACCEPTED:
            return self.resolve_due
        return None

    @property
    def is_overdue(self):
        return self.deadline_status == DeadlineStatus.OVERDUE


class ExtensionQuerySet(VisibleQuerySet):
    """An extension is visible exactly when its denunciation is."""

    def visible_to(self, user):
        return self.filter(denunciation__in=Denunciation.objects.visible_to(user))


class DenunciationExtension(models.Model):
    """A written decision extending the resolution time of a denunciation, with its reason (Art. 30)."""

    denunciation = models.ForeignKey(Denunciation, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("vụ việc"))
    number = models.PositiveSmallIntegerField(_("lần gia hạn"))
    decided_on = models.DateField(_("ngày quyết định"))
    decision_number = models.CharField(_("số quyết định"), max_length=40)
    reason = models.TextField(_("lý do gia hạn"))
    new_due = models.DateField(_("hạn mới"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi nhận"))

    objects = ExtensionQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["denunciation", "number"]
        verbose_name = _("quyết định gia hạn giải quyết tố cáo")
        verbose_name_plural = _("quyết định gia hạn giải quyết tố cáo")
        constraints = [models.UniqueConstraint(fields=["denunciation", "number"], name="one_extension_per_number")]

    def __str__(self):
        return f"{self.denunciation.code} – gia hạn lần {self.number}"

