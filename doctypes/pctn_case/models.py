"""The register of corruption, waste and negative cases found in the agency (vụ việc TNLPTC phát hiện), their people
and what was recovered: the records behind 01/PCTN rows 44–108."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi.evidence import plan_task_links
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids, is_inspectorate, own_unit_ids


def _case_filter(user, prefix=""):
    # The inspectorate sees its department's cases; a unit sees the cases that happened in it (and below it).
    units = own_unit_ids(user) | (agency_unit_ids(user) if is_inspectorate(user) else set())
    return Q(**{f"{prefix}unit_id__in": units})


class PctnCaseQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(_case_filter(user))

    def workable_by(self, user):
        # Units and leadership read; the inspectorate keeps the register (access.may_keep_cases).
        return self.visible_to(user) if (user.is_superuser or is_inspectorate(user)) else self.none()


class PctnCase(Versioned):
    """One case of corruption, waste or negative conduct found in a unit of the agency (01/PCTN, 02/PCTN)."""

    class Channel(models.TextChoices):
        """How it was found: the groups of 01/PCTN rows 48–75."""

        STATE_CHECK = "state_check", _("Kiểm tra của cơ quan quản lý nhà nước")
        SELF_CHECK = "self_check", _("Tự kiểm tra của cơ quan, đơn vị")
        ANTI_CORRUPTION_BODY = "anti_corruption_body", _("Kiểm tra trong cơ quan có chức năng phòng, chống TNLPTC")
        ELECTED_SUPERVISION = "elected_supervision", _("Giám sát của cơ quan dân cử, đại biểu dân cử")
        INSPECTION = "inspection", _("Thanh tra")
        AUDIT = "audit", _("Kiểm toán")
        REPORT = "report", _("Xem xét phản ánh, báo cáo")
        COMPLAINT = "complaint", _("Giải quyết khiếu nại, tố cáo")
        OTHER = "other", _("Hoạt động khác")
        INVESTIGATION = "investigation", _("Điều tra tội phạm")

    class Kind(models.TextChoices):
        CORRUPTION = "corruption", _("Tham nhũng, tiêu cực")
        WASTE = "waste", _("Lãng phí")

    code = models.CharField(_("số vụ việc"), max_length=30, unique=True, editable=False)
    title = models.CharField(_("tóm tắt vụ việc"), max_length=500,
                             help_text=_("Mô tả hành vi, không ghi họ tên người tố cáo hay người vi phạm."))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="pctn_cases", verbose_name=_("đơn vị xảy ra vụ việc"))
    detected_on = models.DateField(_("ngày phát hiện"))
    channel = models.CharField(_("phát hiện qua"), max_length=30, choices=Channel.choices)
    kind = models.CharField(_("loại vụ việc"), max_length=20, choices=Kind.choices, default=Kind.CORRUPTION)
    non_state = models.BooleanField(_("khu vực ngoài nhà nước"), default=False,
                                    help_text=_("Doanh nghiệp, tổ chức khu vực ngoài nhà nước thuộc phạm vi quản lý (01/PCTN 104–108)."))
    non_state_organisation = models.CharField(_("tổ chức ngoài nhà nước"), max_length=255, blank=True)
    violation = models.OneToOneField("finding.Violation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="pctn_case", verbose_name=_("vi phạm (qua thanh tra, kiểm tra)"))
    inspection = models.ForeignKey("inspection.Inspection", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="pctn_cases", verbose_name=_("cuộc thanh tra"))
    denunciation = models.ForeignKey("complaint_case.Denunciation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="pctn_cases", verbose_name=_("vụ việc tố cáo"))
    amount_detected = models.DecimalField(_("tài sản bị TNLPTC, thiệt hại bằng tiền (đồng)"), max_digits=18, decimal_places=0,
                                          default=Decimal(0))
    land_detected = models.DecimalField(_("đất đai bị TNLPTC, thiệt hại (m²)"), max_digits=14, decimal_places=1, default=Decimal(0))
    prosecuted_on = models.DateField(_("ngày khởi tố vụ án"), null=True, blank=True)
    tried_on = models.DateField(_("ngày xét xử sơ thẩm"), null=True, blank=True)
    handled_on = models.DateField(_("ngày có kết quả xử lý"), null=True, blank=True,
                                  help_text=_("Để trống khi vụ việc đang được xem xét để xử lý (01/PCTN 87–88)."))
    whistleblowers_protected = models.PositiveSmallIntegerField(_("người tố cáo được bảo vệ"), default=0)
    whistleblowers_retaliated = models.PositiveSmallIntegerField(_("người tố cáo bị trả thù"), default=0)
    retaliators_handled = models.PositiveSmallIntegerField(_("người bị xử lý do trả thù người tố cáo"), default=0)
    whistleblowers_rewarded = models.PositiveSmallIntegerField(_("người tố cáo được khen, thưởng"), default=0)
    summary = models.TextField(_("ghi chú"), blank=True)
    papi_dimensions = papi_links(related_name="pctn_cases")
    plan_tasks = plan_task_links(related_name="pctn_case_pctncase_evidence")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("người ghi"))

    objects = PctnCaseQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-detected_on", "id"]
        verbose_name = _("vụ việc tham nhũng, lãng phí, tiêu cực")
        verbose_name_plural = _("vụ việc tham nhũng, lãng phí, tiêu cực")

    def __str__(self):
        return f"{self.code} – {self.title}"

    @property
    def in_inspectorate(self):
        """A case in the inspectorate itself (01/PCTN 95–100): the unit where it happened is an inspectorate."""
        return self.unit.kind == Unit.Kind.INSPECTORATE


class CaseLineQuerySet(VisibleQuerySet):
    """A case's people and recoveries: visible with their case."""

    def visible_for_staff(self, user):
        return self.filter(_case_filter(user, "case__"))


class PctnCasePerson(models.Model):
    """One person involved in a case, named by position only, and how they were handled."""

    class Role(models.TextChoices):
        HEAD = "head", _("Người đứng đầu")
        DEPUTY = "deputy", _("Cấp phó của người đứng đầu")
        OTHER = "other", _("Cán bộ, công chức, viên chức khác")

    class Discipline(models.TextChoices):
        # Luật Cán bộ, công chức Điều 79; Luật Viên chức Điều 52: the forms of discipline.
        REPRIMAND = "reprimand", _("Khiển trách")
        WARNING = "warning", _("Cảnh cáo")
        SALARY = "salary", _("Hạ bậc lương")
        DEMOTION = "demotion", _("Giáng chức")
        DISMISSAL = "dismissal", _("Cách chức")
        FORCED_RESIGNATION = "forced_resignation", _("Buộc thôi việc")

    class Sentence(models.TextChoices):
        # Bộ luật Hình sự Điều 9: the four categories of crime.
        LESS_SERIOUS = "less_serious", _("Ít nghiêm trọng")
        SERIOUS = "serious", _("Nghiêm trọng")
        VERY_SERIOUS = "very_serious", _("Rất nghiêm trọng")
        ESPECIALLY_SERIOUS = "especially_serious", _("Đặc biệt nghiêm trọng")

    case = models.ForeignKey(PctnCase, on_delete=models.CASCADE, related_name="people", verbose_name=_("vụ việc"))
    label = models.CharField(_("đối tượng (chức vụ, không ghi họ tên)"), max_length=255)
    role = models.CharField(_("vị trí"), max_length=10, choices=Role.choices, default=Role.OTHER)
    head_responsible = models.BooleanField(_("bị kết luận thiếu trách nhiệm để xảy ra TNLPTC"), default=False)
    discipline = models.CharField(_("hình thức kỷ luật"), max_length=20, choices=Discipline.choices, blank=True)
    disciplined_on = models.DateField(_("ngày quyết định kỷ luật"), null=True, blank=True)
    prosecuted_on = models.DateField(_("ngày khởi tố bị can"), null=True, blank=True)
    sentence = models.CharField(_("loại tội bị kết án"), max_length=20, choices=Sentence.choices, blank=True)
    sentenced_on = models.DateField(_("ngày xét xử sơ thẩm"), null=True, blank=True)

    objects = CaseLineQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("đối tượng")
        verbose_name_plural = _("đối tượng")

    def __str__(self):
        return self.label


class PctnRecovery(models.Model):
    """Money or land recovered for a case, or found unrecoverable, on one day (01/PCTN 91–94, 108)."""

    class Measure(models.TextChoices):
        ADMINISTRATIVE = "administrative", _("Thu hồi bằng biện pháp hành chính")
        JUDICIAL = "judicial", _("Thu hồi bằng biện pháp tư pháp")
        UNRECOVERABLE = "unrecoverable", _("Không thể thu hồi, khắc phục được")

    case = models.ForeignKey(PctnCase, on_delete=models.CASCADE, related_name="recoveries", verbose_name=_("vụ việc"))
    recorded_on = models.DateField(_("ngày"))
    measure = models.CharField(_("biện pháp"), max_length=20, choices=Measure.choices)
    amount = models.DecimalField(_("số tiền (đồng)"), max_digits=18, decimal_places=0, default=Decimal(0))
    land = models.DecimalField(_("đất đai (m²)"), max_digits=14, decimal_places=1, default=Decimal(0))

    objects = CaseLineQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["case", "recorded_on", "id"]
        verbose_name = _("kết quả thu hồi")
        verbose_name_plural = _("kết quả thu hồi")

    def __str__(self):
        return f"{self.get_measure_display()} {self.recorded_on:%d/%m/%Y}"
