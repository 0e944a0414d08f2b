"""Findings, their violations and follow-up actions (kiến nghị) with progress reports."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.finding.access import finding_filter
from doctypes.org.models import Unit
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.pctn_topics import ViolationTopic
from papi_inspect.permissions import VisibleQuerySet, unit_of


class FindingQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # finding_filter follows only forward foreign keys (one row per finding), so no DISTINCT: on a unit's
        # list DISTINCT made the database sort every visible row before the first page (issue 15).
        return self.filter(finding_filter(user))


class Finding(Versioned):
    """What an inspection, a discipline check or a procedure review found (criteria, condition, cause, effect)."""

    class Severity(models.TextChoices):
        LOW = "low", _("Nhẹ")
        MEDIUM = "medium", _("Trung bình")
        HIGH = "high", _("Nghiêm trọng")

    inspection = models.ForeignKey(
        "inspection.Inspection", on_delete=models.PROTECT, null=True, blank=True, related_name="findings", verbose_name=_("cuộc thanh tra")
    )
    discipline_check = models.ForeignKey(
        "discipline_check.DisciplineCheck", on_delete=models.PROTECT, null=True, blank=True, related_name="findings",
        verbose_name=_("kiểm tra công vụ"),
    )
    procedure_review = models.ForeignKey(
        "procedure_review.ProcedureReview", on_delete=models.PROTECT, null=True, blank=True, related_name="findings",
        verbose_name=_("rà soát TTHC"),
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="findings", verbose_name=_("đơn vị liên quan"))
    title = models.CharField(_("tóm tắt"), max_length=500)
    criteria = models.TextField(_("tiêu chí (quy định phải thực hiện)"))
    condition = models.TextField(_("thực trạng"))
    cause = models.TextField(_("nguyên nhân"), blank=True)
    effect = models.TextField(_("hậu quả, ảnh hưởng"), blank=True)
    severity = models.CharField(_("mức độ"), max_length=10, choices=Severity.choices, default=Severity.MEDIUM)
    legal_document = models.CharField(_("văn bản căn cứ"), max_length=255, blank=True)
    legal_article = models.CharField(_("điều"), max_length=20, blank=True)
    legal_clause = models.CharField(_("khoản"), max_length=20, blank=True)
    papi_dimensions = papi_links(related_name="findings")
    recorded_on = models.DateField(_("ngày ghi nhận"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi"))
    # Where the inspector stood (WGS 84), when the tablet could tell; optional evidence of presence.
    latitude = models.DecimalField(_("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    signer_name = models.CharField(_("người đại diện đơn vị ký xác nhận"), max_length=255, blank=True)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    signature = models.ForeignKey(
        "papi_inspect.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("chữ ký (ảnh)"),
    )

    objects = FindingQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-recorded_on", "id"]
        # Lists open on this order and leadership filters by unit first: indexes that match both (issue 15).
        indexes = [
            models.Index(fields=["-recorded_on", "id"], name="finding_list_order"),
            models.Index(fields=["unit", "-recorded_on"], name="finding_unit_recent"),
        ]
        verbose_name = _("phát hiện")
        verbose_name_plural = _("phát hiện")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(inspection__isnull=False, discipline_check__isnull=True, procedure_review__isnull=True)
                    | Q(inspection__isnull=True, discipline_check__isnull=False, procedure_review__isnull=True)
                    | Q(inspection__isnull=True, discipline_check__isnull=True, procedure_review__isnull=False)
                ),
                name="finding_exactly_one_source",
                violation_error_message=_("Phát hiện phải thuộc đúng một cuộc thanh tra, kiểm tra công vụ hoặc rà soát TTHC."),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def source(self):
        return self.inspection or self.discipline_check or self.procedure_review


class ViolationQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(finding__in=Finding.objects.visible_to(user))


class RecoverTo(models.TextChoices):
    """Whom recovered money or land goes to (TT 06/2025, 01/TTr "Về NSNN" / "Về tổ chức, cá nhân")."""

    STATE = "state", _("Ngân sách nhà nước")
    OTHERS = "others", _("Tổ chức, cá nhân")


class Violation(Versioned):
    """A violation: who is responsible, the sanction, and what must be recovered."""

    class Sanction(models.TextChoices):
        NONE = "none", _("Chưa xử lý")
        DISCIPLINE = "discipline", _("Kỷ luật")
        ADMINISTRATIVE_FINE = "fine", _("Xử phạt vi phạm hành chính")
        CRIMINAL_REFERRAL = "criminal", _("Chuyển cơ quan điều tra")

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="violations", verbose_name=_("phát hiện"))
    responsible_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="violations", verbose_name=_("đơn vị chịu trách nhiệm"))
    responsible_person = models.CharField(_("cá nhân chịu trách nhiệm"), max_length=255, blank=True)
    kind = models.CharField(_("loại vi phạm"), max_length=255)
    committed_on = models.DateField(_("ngày vi phạm / phát hiện"))
    sanction = models.CharField(_("hình thức xử lý"), max_length=20, choices=Sanction.choices, default=Sanction.NONE)
    sanction_detail = models.CharField(_("chi tiết xử lý"), max_length=255, blank=True)
    amount_to_recover = models.DecimalField(_("số tiền phải thu hồi (đồng)"), max_digits=18, decimal_places=0, default=Decimal(0))
    # Where recovered money and land go (01/TTr cols 12–15, 02/TTr cols 5–12, TT 06/2025): the state budget, or back
    # to the organisations and people who lost it.
    recover_to = models.CharField(_("thu hồi về"), max_length=10, choices=RecoverTo.choices, default=RecoverTo.STATE)
    land_to_recover = models.DecimalField(_("diện tích đất phải thu hồi (m²)"), max_digits=14, decimal_places=1,
                                          default=Decimal(0))
    fine_amount = models.DecimalField(_("số tiền xử phạt vi phạm hành chính (đồng)"), max_digits=18, decimal_places=0,
                                      default=Decimal(0))
    assets_to_recover = models.TextField(_("tài sản phải thu hồi"), blank=True)
    amount_recovered = models.DecimalField(_("số tiền đã thu hồi (đồng)"), max_digits=18, decimal_places=0, default=Decimal(0))
    repeated = models.BooleanField(_("tái phạm trong 24 tháng"), default=False)
    pctn_topic = models.CharField(_("quy định phòng ngừa tham nhũng bị vi phạm"), max_length=30, choices=ViolationTopic.choices,
                                  blank=True, help_text=_("Để trống nếu vi phạm không thuộc các quy định này (01/PCTN)."))

    objects = ViolationQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-committed_on", "id"]
        verbose_name = _("vi phạm")
        verbose_name_plural = _("vi phạm")

    def __str__(self):
        return f"{self.kind} – {self.responsible_unit}"

    @property
    def amount_outstanding(self):
        return max(self.amount_to_recover - self.amount_recovered, Decimal(0))


class ActionQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        unit = unit_of(user)
        own = Q(owner_unit_id__in=unit.family_ids()) if unit else Q(pk__in=[])
        # An uncorrelated IN (hashed once by the database), not a per-row Exists or a join: no DISTINCT needed,
        # and at 25 departments a unit head's list no longer probes every action (2.4 s → see README).
        return self.filter(own | Q(finding_id__in=Finding.objects.visible_to(user).values("pk")))


class Action(Versioned):
    """A recommendation to follow up (kiến nghị): owner unit, due date, progress, verification, closure."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        VERIFIED = "verified", _("Đã kiểm tra xác nhận")
        CLOSED = "closed", _("Đã hoàn thành")

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="actions", verbose_name=_("phát hiện"))
    violation = models.ForeignKey(
        Violation, on_delete=models.PROTECT, null=True, blank=True, related_name="actions", verbose_name=_("vi phạm")
    )
    description = models.TextField(_("nội dung kiến nghị"))
    owner_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="follow_up_actions", verbose_name=_("đơn vị thực hiện"))
    due_on = models.DateField(_("hạn thực hiện"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.OPEN)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người kiểm tra xác nhận")
    )
    verified_on = models.DateField(_("ngày xác nhận"), null=True, blank=True)
    verification_note = models.TextField(_("nhận xét khi xác nhận"), blank=True)
    closed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    escalated_on = models.DateField(_("ngày báo cáo quá hạn"), null=True, blank=True)
    # A recommendation to amend a document that leaves room for corruption (Luật PCTN 2018 Điều 10; 03/PCTN).
    loophole_document = models.CharField(_("văn bản còn sơ hở (tên, số, ngày)"), max_length=255, blank=True,
                                         help_text=_("Chỉ điền khi kiến nghị sửa đổi, bổ sung văn bản còn sơ hở, dễ bị lợi dụng."))
    loophole_issuer = models.CharField(_("cơ quan ban hành văn bản"), max_length=255, blank=True)
    loophole = models.TextField(_("nội dung sơ hở, dễ bị lợi dụng"), blank=True)

    objects = ActionQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["due_on", "id"]
        # Lists open on this order and leadership filters by unit first: indexes that match both (issue 15).
        indexes = [
            models.Index(fields=["due_on", "id"], name="action_list_order"),
            models.Index(fields=["owner_unit", "due_on"], name="action_unit_due"),
            models.Index(fields=["status", "due_on"], name="action_status_due"),
        ]
        verbose_name = _("kiến nghị, việc cần khắc phục")
        verbose_name_plural = _("kiến nghị, việc cần khắc phục")

    def __str__(self):
        return self.description[:80]

    @property
    def is_open(self):
        return self.status != self.Status.CLOSED


class ActionProgressQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(action__in=Action.objects.visible_to(user))


class ActionProgress(Versioned):
    """A progress update from the owner unit, with evidence attached to it."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress", verbose_name=_("kiến nghị"))
    reported_on = models.DateField(_("ngày báo cáo"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người báo cáo"))
    note = models.TextField(_("kết quả thực hiện"))
    amount_recovered = models.DecimalField(_("số tiền thu hồi thêm (đồng)"), max_digits=18, decimal_places=0, default=Decimal(0))

    objects = ActionProgressQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["action", "reported_on", "id"]
        verbose_name = _("tiến độ thực hiện")
        verbose_name_plural = _("tiến độ thực hiện")

    def __str__(self):
        return f"{self.reported_on:%d/%m/%Y}: {self.note[:60]}"
