"""Outreach and training sessions on the anti-corruption law, and the documents issued to carry it out."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.anticorruption.models.scope import RegisterQuerySet
from doctypes.org.models import Unit
from doctypes.papi.evidence import plan_task_links
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned


class OutreachSession(Versioned):
    """One class disseminating or training on the anti-corruption law (01/PCTN MS 4–6)."""

    class Kind(models.TextChoices):
        OUTREACH = "outreach", _("Tuyên truyền, quán triệt")
        TRAINING = "training", _("Tập huấn, bồi dưỡng")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="anticorruption_sessions",
                             verbose_name=_("đơn vị tổ chức"))
    topic = models.CharField(_("chủ đề"), max_length=500)
    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("ngày tổ chức"))
    materials_published = models.PositiveIntegerField(
        _("số đầu sách, tài liệu phát hành"), default=0,
        help_text=_("Đầu sách, tài liệu về pháp luật phòng, chống tham nhũng được xuất bản cho lớp (01/PCTN MS 6)."))
    note = models.TextField(_("ghi chú"), blank=True)
    papi_dimensions = papi_links(related_name="anticorruption_sessions")
    plan_tasks = plan_task_links(related_name="anticorruption_outreachsession_evidence")

    objects = RegisterQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("lớp tuyên truyền, tập huấn PCTN")
        verbose_name_plural = _("lớp tuyên truyền, tập huấn PCTN")

    def __str__(self):
        return f"{self.topic} – {self.held_on:%d/%m/%Y}"

    @property
    def participants(self):
        return sum(row.count for row in self.attendance.all())


class SessionAttendanceQuerySet(RegisterQuerySet):
    def visible_for_staff(self, user):
        return self.filter(session__in=OutreachSession.objects.visible_to(user))


class SessionAttendance(models.Model):
    """How many people of one unit took part in a session (a child row of the session)."""

    session = models.ForeignKey(OutreachSession, on_delete=models.CASCADE, related_name="attendance",
                                verbose_name=_("lớp"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị tham gia"))
    count = models.PositiveIntegerField(_("số lượt người"))

    objects = SessionAttendanceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["session", "unit__code"]
        verbose_name = _("thành phần tham gia")
        verbose_name_plural = _("thành phần tham gia")
        constraints = [models.UniqueConstraint(fields=["session", "unit"], name="anticorruption_attendance_once")]

    def __str__(self):
        return f"{self.unit}: {self.count}"


class PreventionDocument(Versioned):
    """A document the department issued, amended or repealed to carry out anti-corruption rules (01/PCTN MS 1–3, 16–17)."""

    class Action(models.TextChoices):
        NEW = "new", _("Ban hành mới")
        AMENDED = "amended", _("Sửa đổi, bổ sung")
        REPEALED = "repealed", _("Bãi bỏ")

    class Scope(models.TextChoices):
        LAW = "law", _("Thực hiện Luật PCTN và văn bản hướng dẫn")
        NORMS = "norms", _("Định mức, tiêu chuẩn, chế độ")
        CONDUCT = "conduct", _("Quy tắc ứng xử")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="anticorruption_documents",
                             verbose_name=_("đơn vị ban hành"))
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    title = models.CharField(_("trích yếu"), max_length=500)
    issued_on = models.DateField(_("ngày ban hành"))
    action = models.CharField(_("loại"), max_length=20, choices=Action.choices)
    scope = models.CharField(_("phạm vi"), max_length=20, choices=Scope.choices)
    papi_dimensions = papi_links(related_name="anticorruption_documents")
    plan_tasks = plan_task_links(related_name="anticorruption_preventiondocument_evidence")

    objects = RegisterQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-issued_on", "id"]
        verbose_name = _("văn bản về phòng, chống tham nhũng")
        verbose_name_plural = _("văn bản về phòng, chống tham nhũng")
        constraints = [models.UniqueConstraint(fields=["unit", "number", "action"], name="anticorruption_document_once")]

    def __str__(self):
        return f"{self.number} – {self.title}"
