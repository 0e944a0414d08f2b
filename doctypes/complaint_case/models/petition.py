"""Petitions (đơn) received from any channel and classified per TT 05/2021/TT-TTCP."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.models.base import CaseQuerySet, ContentKind, DeadlineMixin, ProtectedRecord, sealed_text_field
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.identity import IDENTITY_FIELDS
from papi_inspect.locking import Versioned


class PetitionQuerySet(CaseQuerySet):
    """The office clerk who registered a petition keeps a read-only view of where it is."""

    def read_only_grant(self, user):
        return Q(registered_by=user)

    def protected(self):
        # Same test as services_identity.is_protected: a denunciation (or mixed) content, or anonymous.
        return Q(content_kind__in=[ContentKind.DENUNCIATION, ContentKind.MIXED]) | Q(anonymous=True)



class Petition(Versioned, DeadlineMixin, ProtectedRecord):
    """A petition (đơn) received from any channel and classified per TT 05/2021/TT-TTCP."""

    class Channel(models.TextChoices):
        POST = "post", _("Bưu chính")
        IN_PERSON = "in_person", _("Trực tiếp")
        MAILBOX = "mailbox", _("Hòm thư góp ý")
        RECEPTION = "reception", _("Qua tiếp công dân")
        DEPUTY = "deputy", _("Đại biểu dân cử chuyển")
        FRONT = "front", _("Mặt trận Tổ quốc chuyển")
        PRESS = "press", _("Cơ quan báo chí chuyển")
        AGENCY = "agency", _("Cơ quan khác chuyển")
        LEADER = "leader", _("Lãnh đạo chuyển")
        ONLINE = "online", _("Trực tuyến")

    class PriorResolution(models.TextChoices):
        NEVER = "never", _("Chưa được giải quyết")
        ONCE = "once", _("Đã giải quyết lần đầu")
        MANY = "many", _("Đã giải quyết nhiều lần")

    class SubjectArea(models.TextChoices):
        """Lĩnh vực: the columns 02/XLD splits complaints, denunciations and requests by (TT 06/2025, cols 9–22)."""

        LAND = "land", _("Đất đai")
        POLICY = "policy", _("Chế độ, chính sách")
        ADMINISTRATIVE = "administrative", _("Hành chính")
        JUDICIAL = "judicial", _("Tư pháp")
        OTHER = "other", _("Khác")

    class Outcome(models.TextChoices):
        ACCEPT = "accept", _("Thụ lý")
        TRANSFER = "transfer", _("Chuyển đơn")
        GUIDE = "guide", _("Hướng dẫn")
        URGE = "urge", _("Đôn đốc giải quyết")
        FILE = "file", _("Lưu đơn")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        CLASSIFIED = "classified", _("Đã phân loại")
        PROCESSED = "processed", _("Đã xử lý")
        MERGED = "merged", _("Đã gộp vào đơn khác")

    code = models.CharField(_("số đơn"), max_length=30, unique=True)
    received_on = models.DateField(_("ngày nhận"))
    channel = models.CharField(_("nguồn đơn"), max_length=20, choices=Channel.choices)
    forwarded_by = models.CharField(_("cơ quan, người chuyển"), max_length=255, blank=True)
    pseudonym = models.CharField(_("bí danh người gửi"), max_length=40)
    anonymous = models.BooleanField(_("đơn nặc danh"), default=False)
    matter = models.CharField(_("vụ việc"), max_length=255, help_text=_("Tóm tắt vụ việc, không ghi tên người gửi."))
    summary = models.TextField(_("nội dung"), blank=True)
    matter_sealed = sealed_text_field(_("vụ việc (mã hóa)"))
    summary_sealed = sealed_text_field(_("nội dung (mã hóa)"))
    matter_key = models.CharField(_("khóa so trùng vụ việc"), max_length=64, blank=True, editable=False)
    content_kind = models.CharField(_("loại nội dung"), max_length=20, choices=ContentKind.choices, blank=True)
    eligible = models.BooleanField(_("đủ điều kiện xử lý"), null=True, blank=True)
    within_competence = models.BooleanField(_("thuộc thẩm quyền"), null=True, blank=True)
    many_signers = models.BooleanField(_("nhiều người đứng tên"), default=False)
    prior_resolution = models.CharField(
        _("tình trạng giải quyết"), max_length=10, choices=PriorResolution.choices, default=PriorResolution.NEVER
    )
    has_verifiable_evidence = models.BooleanField(_("có thông tin, tài liệu kiểm chứng được"), default=False)
    anti_corruption = models.BooleanField(_("liên quan phòng, chống tham nhũng"), default=False)
    subject_area = models.CharField(_("lĩnh vực"), max_length=20, choices=SubjectArea.choices, blank=True,
                                    help_text=_("Ghi khi phân loại đơn; biểu 02/XLD đếm đơn theo lĩnh vực."))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    outcome = models.CharField(_("kết quả xử lý"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(_("ngày xử lý"), null=True, blank=True)
    outcome_note = models.TextField(_("ghi chú xử lý"), blank=True)
    outcome_note_sealed = sealed_text_field(_("ghi chú xử lý (mã hóa)"))
    transfer_to = models.CharField(_("chuyển đến / hướng dẫn đến"), max_length=255, blank=True)
    process_due = models.DateField(_("hạn xử lý đơn"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates", verbose_name=_("có thể trùng với")
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged", verbose_name=_("đã gộp vào")
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị xử lý"))
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người xử lý")
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("người vào sổ"), editable=False,
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("người ký văn bản"), help_text=_("Để trống: Chánh Thanh tra ký."),
    )
    papi = papi_links(related_name="petitions")
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now, editable=False)

    objects = PetitionQuerySet.as_manager()
    history = history(sensitive=IDENTITY_FIELDS + ("matter_key", "matter_sealed", "summary_sealed", "outcome_note_sealed"))
    sealed_text_fields = ("matter", "summary", "outcome_note")

    class Meta:
        ordering = ["-received_on", "-id"]
        # Lists open on this order and leadership filters by unit first: indexes that match both (issue 15).
        indexes = [
            models.Index(fields=["-received_on", "-id"], name="petition_list_order"),
            models.Index(fields=["unit", "-received_on"], name="petition_unit_recent"),
            models.Index(fields=["status", "process_due"], name="petition_status_due"),
        ]
        verbose_name = _("đơn")
        verbose_name_plural = _("đơn thư")

    def __str__(self):
        return f"{self.code} – {self.matter}"

    @property
    def current_due(self):
        return self.process_due if self.status in (self.Status.RECEIVED, self.Status.CLASSIFIED) else None

    @property
    def involves_denunciation(self):
        return self.content_kind in (ContentKind.DENUNCIATION, ContentKind.MIXED)
