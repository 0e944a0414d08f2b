"""The asset and income declaration register: the rules in force, the positions that declare, and each year's duties."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi.evidence import plan_task_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import ReferenceQuerySet, Role, VisibleQuerySet, agency_unit_ids, has_role, is_office, own_unit_ids


class DeclarationRuleQuerySet(ReferenceQuerySet):
    def in_force_on(self, day):
        return self.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day), valid_from__lte=day).first()


class DeclarationRule(Versioned):
    """The thresholds and the annual due date of asset declarations in force over a period (Luật PCTN 2018 Điều 35–36)."""

    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    asset_threshold = models.DecimalField(_("giá trị mỗi tài sản phải kê khai từ (đồng)"), max_digits=15, decimal_places=0)
    change_threshold = models.DecimalField(_("biến động phải kê khai bổ sung từ (đồng)"), max_digits=15, decimal_places=0)
    due_month = models.PositiveSmallIntegerField(_("hạn kê khai hằng năm: tháng"), default=12)
    due_day = models.PositiveSmallIntegerField(_("hạn kê khai hằng năm: ngày"), default=31)
    citation = models.CharField(_("căn cứ pháp lý"), max_length=255)

    objects = DeclarationRuleQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("quy định kê khai tài sản")
        verbose_name_plural = _("quy định kê khai tài sản")

    def __str__(self):
        return f"{self.citation} ({self.valid_from:%d/%m/%Y})"


class DeclaringPosition(Versioned):
    """A position whose holders declare every year (Luật PCTN 2018 Điều 36 khoản 3; NĐ 130/2020/NĐ-CP Điều 10)."""

    title = models.CharField(_("chức vụ"), max_length=120, unique=True,
                             help_text=_("Đúng như chức vụ ghi trong hồ sơ cán bộ (không phân biệt hoa thường)."))
    citation = models.CharField(_("căn cứ pháp lý"), max_length=255)
    active = models.BooleanField(_("đang áp dụng"), default=True)

    objects = ReferenceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["title"]
        verbose_name = _("chức vụ phải kê khai hằng năm")
        verbose_name_plural = _("chức vụ phải kê khai hằng năm")

    def __str__(self):
        return self.title


class DeclarationDutyQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # Personal data: the office of the department, the head of the person's unit, and the person.
        if is_office(user):
            return self.filter(unit_id__in=agency_unit_ids(user))
        seen = models.Q(person=user)
        if has_role(user, Role.UNIT_HEAD):
            seen |= models.Q(unit_id__in=own_unit_ids(user))
        return self.filter(seen)


class DeclarationDuty(Versioned):
    """One person's duty to declare in one year, and how it went; the declaration's contents are not kept here."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Kê khai hằng năm")
        SUPPLEMENTARY = "supplementary", _("Kê khai bổ sung")
        APPOINTMENT = "appointment", _("Kê khai phục vụ bổ nhiệm, công tác cán bộ")

    class Source(models.TextChoices):
        STAFF_LIST = "staff_list", _("Lập từ danh sách cán bộ")
        BY_HAND = "by_hand", _("Thêm thủ công")

    class PublishedWhere(models.TextChoices):
        MEETING = "meeting", _("Công bố tại cuộc họp")
        NOTICE_BOARD = "notice_board", _("Niêm yết tại trụ sở")

    class Result(models.TextChoices):
        TRUTHFUL = "truthful", _("Kê khai trung thực")
        UNTRUTHFUL = "untruthful", _("Kê khai không trung thực")

    class Discipline(models.TextChoices):
        UNTRUTHFUL = "untruthful", _("Kỷ luật do kê khai không trung thực")
        OTHER = "other", _("Kỷ luật do vi phạm khác về kiểm soát tài sản, thu nhập")

    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại kê khai"), max_length=20, choices=Kind.choices, default=Kind.ANNUAL)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declaration_duties",
                               verbose_name=_("người có nghĩa vụ kê khai"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="declaration_duties", verbose_name=_("đơn vị"))
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)
    source = models.CharField(_("nguồn"), max_length=20, choices=Source.choices, default=Source.BY_HAND)
    due_on = models.DateField(_("hạn nộp bản kê khai"))
    submitted_on = models.DateField(_("ngày nhận bản kê khai"), null=True, blank=True)
    published_on = models.DateField(_("ngày công khai"), null=True, blank=True)
    published_where = models.CharField(_("hình thức công khai"), max_length=20, choices=PublishedWhere.choices, blank=True)
    selected_on = models.DateField(_("ngày được chọn xác minh"), null=True, blank=True)
    verified_on = models.DateField(_("ngày có kết luận xác minh"), null=True, blank=True)
    result = models.CharField(_("kết luận xác minh"), max_length=20, choices=Result.choices, blank=True)
    discipline = models.CharField(_("kỷ luật"), max_length=20, choices=Discipline.choices, blank=True)
    disciplined_on = models.DateField(_("ngày quyết định kỷ luật"), null=True, blank=True)
    discipline_measure = models.CharField(_("hình thức kỷ luật"), max_length=255, blank=True)
    plan_tasks = plan_task_links(related_name="asset_declaration_declarationduty_evidence")

    objects = DeclarationDutyQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year", "unit__code", "id"]
        indexes = [models.Index(fields=["unit", "due_on"], name="declaration_unit_due")]
        verbose_name = _("nghĩa vụ kê khai tài sản")
        verbose_name_plural = _("nghĩa vụ kê khai tài sản")
        constraints = [models.UniqueConstraint(fields=["person", "year", "kind"], name="declaration_duty_once")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year} – {self.position or self.unit}"
