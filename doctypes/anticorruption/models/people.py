"""The registers about people: job rotations, conflicts of interest, gifts handed over, conduct violations handled."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.anticorruption.models.scope import PersonalQuerySet
from doctypes.org.models import Unit
from doctypes.papi.evidence import plan_task_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned


def _person(related_name):
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name=related_name,
                             verbose_name=_("cán bộ"))


def _unit(related_name):
    return models.ForeignKey(Unit, on_delete=models.PROTECT, related_name=related_name, verbose_name=_("đơn vị công tác"))


class JobRotation(Versioned):
    """A periodic job rotation a staff member is due for (Luật PCTN 2018 Điều 24–25; NĐ 59/2019/NĐ-CP Điều 37)."""

    person = _person("job_rotations")
    unit = _unit("job_rotations")
    position = models.CharField(_("vị trí công tác phải chuyển đổi"), max_length=255)
    held_since = models.DateField(_("giữ vị trí từ ngày"))
    period_years = models.PositiveSmallIntegerField(_("thời hạn định kỳ (năm)"))
    due_on = models.DateField(_("hạn chuyển đổi"), help_text=_("Ngày giữ vị trí cộng thời hạn định kỳ."))
    # The deadline running now: `due_on`, or the end of a deferral; the dashboard and the list filter read it.
    current_due = models.DateField(_("hạn hiện tại"))
    done_on = models.DateField(_("ngày đã chuyển đổi"), null=True, blank=True)
    new_position = models.CharField(_("vị trí mới"), max_length=255, blank=True)
    deferred_until = models.DateField(_("lùi thời hạn đến"), null=True, blank=True)
    deferral_reason = models.TextField(_("lý do chưa chuyển đổi"), blank=True)
    plan_tasks = plan_task_links(related_name="anticorruption_jobrotation_evidence")

    objects = PersonalQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["current_due", "id"]
        indexes = [models.Index(fields=["unit", "current_due"], name="rotation_unit_due")]
        verbose_name = _("chuyển đổi vị trí công tác")
        verbose_name_plural = _("chuyển đổi vị trí công tác")

    def __str__(self):
        return f"{self.position} – {self.due_on:%d/%m/%Y}"


class ConflictOfInterest(Versioned):
    """A conflict of interest reported by or about a staff member, and how it was handled (Luật PCTN 2018 Điều 23)."""

    class Handling(models.TextChoices):
        PENDING = "", _("Chưa xử lý")
        SUPERVISED = "supervised", _("Giám sát việc thực hiện nhiệm vụ")
        SUSPENDED = "suspended", _("Đình chỉ, tạm đình chỉ nhiệm vụ")
        REASSIGNED = "reassigned", _("Tạm thời chuyển vị trí công tác")
        NOT_A_CONFLICT = "none", _("Không phải xung đột lợi ích")

    person = _person("conflicts_of_interest")
    unit = _unit("conflicts_of_interest")
    declared_on = models.DateField(_("ngày báo cáo"))
    matter = models.TextField(_("nội dung xung đột lợi ích"))
    handling = models.CharField(_("cách xử lý"), max_length=20, choices=Handling.choices, blank=True, default="")
    handled_on = models.DateField(_("ngày xử lý"), null=True, blank=True)
    plan_tasks = plan_task_links(related_name="anticorruption_conflictofinterest_evidence")

    objects = PersonalQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-declared_on", "id"]
        verbose_name = _("xung đột lợi ích")
        verbose_name_plural = _("xung đột lợi ích")

    def __str__(self):
        return f"{_('Xung đột lợi ích')} #{self.pk} – {self.declared_on:%d/%m/%Y}"


class GiftHandover(Versioned):
    """A gift a staff member declared and handed over to the unit (Luật PCTN 2018 Điều 22; NĐ 59/2019 Điều 21–22)."""

    person = _person("gift_handovers")
    unit = _unit("gift_handovers")
    received_on = models.DateField(_("ngày nhận quà"))
    description = models.CharField(_("quà tặng"), max_length=500)
    value = models.DecimalField(_("giá trị (đồng)"), max_digits=15, decimal_places=0,
                                help_text=_("Tiền Việt Nam, ngoại tệ và tài sản khác quy đổi ra đồng."))
    handed_over_on = models.DateField(_("ngày nộp lại"), null=True, blank=True)
    plan_tasks = plan_task_links(related_name="anticorruption_gifthandover_evidence")

    objects = PersonalQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-received_on", "id"]
        verbose_name = _("quà tặng nộp lại")
        verbose_name_plural = _("quà tặng nộp lại")

    def __str__(self):
        return f"{self.description} – {self.received_on:%d/%m/%Y}"


class ConductDiscipline(Versioned):
    """A staff member disciplined for breaking the code of conduct or for a conflict of interest (01/PCTN MS 26, 29)."""

    class Ground(models.TextChoices):
        CODE_OF_CONDUCT = "conduct", _("Vi phạm quy tắc ứng xử, đạo đức nghề nghiệp")
        CONFLICT_OF_INTEREST = "conflict", _("Vi phạm vì xung đột lợi ích")

    person = _person("conduct_disciplines")
    unit = _unit("conduct_disciplines")
    ground = models.CharField(_("căn cứ xử lý"), max_length=20, choices=Ground.choices)
    decided_on = models.DateField(_("ngày quyết định xử lý"))
    measure = models.CharField(_("hình thức xử lý"), max_length=255)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)

    objects = PersonalQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-decided_on", "id"]
        verbose_name = _("xử lý vi phạm quy tắc ứng xử")
        verbose_name_plural = _("xử lý vi phạm quy tắc ứng xử")

    def __str__(self):
        return f"{self.get_ground_display()} – {self.decided_on:%d/%m/%Y}"
