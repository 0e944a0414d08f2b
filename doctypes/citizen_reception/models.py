"""The citizen-reception log (Luật Tiếp công dân 2013) and the leaders' reception schedule."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.models import ContentKind, ProtectedRecord, entitled_files, sealed_text_field
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.identity import IDENTITY_FIELDS
from papi_inspect.locking import Versioned
from papi_inspect.permissions import ReferenceQuerySet, VisibleQuerySet, unit_of


class ReceptionQuerySet(VisibleQuerySet):
    """A unit sees the receptions it held, an officer the ones they received, and the agency's
    inspectorate every reception of its agency (it advises on complaints and denunciations)."""

    def visible_for_staff(self, user):
        unit = unit_of(user)
        mine = Q(officer=user)
        if unit is None:
            return self.filter(mine)
        scope = unit.agency().family_ids() if unit.kind == unit.Kind.INSPECTORATE else unit.family_ids()
        return self.filter(mine | Q(unit_id__in=scope))

    def files_visible_to(self, user):
        """A reception about a denunciation keeps its files with its officer and the chief inspector (TT 04/2021)."""
        protected = Q(classification__in=[ContentKind.DENUNCIATION, ContentKind.MIXED])
        return entitled_files(self.visible_to(user), user, protected=protected, assigned="officer")


class Reception(Versioned, ProtectedRecord):
    """One entry of the reception log: who came, what they said, and how it was handled."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Thường xuyên")
        PERIODIC = "periodic", _("Định kỳ của lãnh đạo")
        UNSCHEDULED = "unscheduled", _("Đột xuất")

    class Handling(models.TextChoices):
        GUIDE = "guide", _("Hướng dẫn")
        RECEIVE = "receive", _("Tiếp nhận đơn")
        TRANSFER = "transfer", _("Chuyển đơn")
        REFUSED = "refused", _("Từ chối tiếp")

    class RefusalGround(models.TextChoices):
        """Luật Tiếp công dân 2013, Art. 9."""

        INTOXICATED = "intoxicated", _("Say do chất kích thích, không làm chủ được hành vi (Điều 9 khoản 1)")
        THREATENING = "threatening", _("Đe dọa, xúc phạm, vi phạm nội quy nơi tiếp công dân (Điều 9 khoản 2)")
        ALREADY_RESOLVED = "already_resolved", _("Vụ việc đã giải quyết đúng chính sách, pháp luật (Điều 9 khoản 3)")
        OTHER = "other", _("Trường hợp khác theo quy định của pháp luật (Điều 9 khoản 4)")

    code = models.CharField(_("số sổ"), max_length=30, unique=True)
    received_on = models.DateField(_("ngày tiếp"))
    kind = models.CharField(_("hình thức tiếp"), max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    pseudonym = models.CharField(_("bí danh công dân"), max_length=40)
    is_group = models.BooleanField(_("đoàn đông người"), default=False)
    group_size = models.PositiveIntegerField(_("số người"), default=1)
    content = models.TextField(_("tóm tắt nội dung"))
    documents_received = models.TextField(_("tài liệu nhận"), blank=True)
    classification = models.CharField(_("phân loại"), max_length=20, choices=ContentKind.choices)
    handling = models.CharField(_("hướng xử lý"), max_length=20, choices=Handling.choices)
    transfer_to = models.CharField(_("chuyển đến / hướng dẫn đến"), max_length=255, blank=True)
    verbal_statement = models.TextField(_("nội dung trình bày bằng lời"), blank=True)
    statement_signed = models.BooleanField(_("công dân đã ký biên bản"), default=False)
    refusal_ground = models.CharField(_("lý do từ chối"), max_length=20, choices=RefusalGround.choices, blank=True)
    refusal_note = models.TextField(_("ghi chú từ chối"), blank=True)
    content_sealed = sealed_text_field(_("tóm tắt nội dung (mã hóa)"))
    documents_received_sealed = sealed_text_field(_("tài liệu nhận (mã hóa)"))
    verbal_statement_sealed = sealed_text_field(_("nội dung trình bày (mã hóa)"))
    refusal_note_sealed = sealed_text_field(_("ghi chú từ chối (mã hóa)"))
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("cán bộ tiếp"))
    leader_present = models.CharField(_("lãnh đạo tham dự"), max_length=200, blank=True)
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị tiếp"))
    petition = models.ForeignKey(
        "complaint_case.Petition", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn tạo ra")
    )
    papi = papi_links(related_name="receptions")
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now, editable=False)

    objects = ReceptionQuerySet.as_manager()
    sealed_text_fields = ("content", "documents_received", "verbal_statement", "refusal_note")
    history = history(sensitive=IDENTITY_FIELDS + tuple(name + "_sealed" for name in sealed_text_fields))

    class Meta:
        ordering = ["-received_on", "-id"]
        # Lists open on this order and leadership filters by unit first: indexes that match both (issue 15).
        indexes = [
            models.Index(fields=["-received_on", "-id"], name="reception_list_order"),
            models.Index(fields=["unit", "-received_on"], name="reception_unit_recent"),
        ]
        verbose_name = _("lượt tiếp công dân")
        verbose_name_plural = _("sổ tiếp công dân")

    def __str__(self):
        return f"{self.code} – {self.pseudonym}"

    @property
    def concerns_denunciation(self):
        """TT 04/2021: a reception about a denunciation protects the citizen like a denouncer."""
        return self.classification in (ContentKind.DENUNCIATION, ContentKind.MIXED)

    @property
    def deadline_status(self):
        return None


class ReceptionDay(Versioned):
    """A leader's periodic reception day (Luật Tiếp công dân 2013, Art. 18), published in the schedule."""

    month = models.DateField(_("tháng"), help_text=_("Ngày đầu tháng."))
    planned_on = models.DateField(_("ngày cố định"))
    held_on = models.DateField(_("ngày tiếp"))
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("lãnh đạo tiếp"))
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người được ủy quyền")
    )
    place = models.CharField(_("địa điểm"), max_length=200, default="Trụ sở tiếp công dân")
    moved_because = models.CharField(_("lý do dời ngày"), max_length=200, blank=True)

    objects = ReferenceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["month"]
        verbose_name = _("lịch tiếp công dân của lãnh đạo")
        verbose_name_plural = _("lịch tiếp công dân của lãnh đạo")
        constraints = [models.UniqueConstraint(fields=["month"], name="one_leader_day_per_month")]

    def __str__(self):
        return f"{self.held_on:%d/%m/%Y} – {self.delegate or self.leader}"
