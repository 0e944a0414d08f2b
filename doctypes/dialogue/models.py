"""Leaders' dialogues with citizens (đối thoại), the cases they dealt with, and the commitments made there."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.models import ComplaintCase, Petition
from doctypes.dialogue.access import may_keep_dialogues
from doctypes.org.models import Unit
from doctypes.papi.evidence import plan_task_links
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids, is_inspectorate, own_unit_ids


class DialogueQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The inspectorate sees its department's; a unit sees the dialogues it organised or owes a commitment from;
        # the one who chaired it sees it.
        if is_inspectorate(user):
            return self.filter(unit_id__in=agency_unit_ids(user))
        units = own_unit_ids(user)
        owing = Commitment.objects.filter(owner_unit_id__in=units).values("dialogue_id")
        return self.filter(models.Q(unit_id__in=units) | models.Q(pk__in=owing) | models.Q(leader=user))

    def workable_by(self, user):
        return self.visible_to(user) if may_keep_dialogues(user) else self.none()


class Dialogue(Versioned):
    """One dialogue a leader held with citizens: when, where, with whom, about what, and what came of it."""

    class Kind(models.TextChoices):
        CITIZENS = "citizens", _("Lãnh đạo đối thoại với người dân")
        COMPLAINT = "complaint", _("Đối thoại giải quyết khiếu nại (Luật Khiếu nại 2011, Điều 30)")

    kind = models.CharField(_("loại đối thoại"), max_length=10, choices=Kind.choices, default=Kind.CITIZENS)
    held_on = models.DateField(_("ngày đối thoại"))
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("người chủ trì"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="dialogues", verbose_name=_("đơn vị tổ chức"))
    topic = models.CharField(_("chủ đề"), max_length=500)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    participant_count = models.PositiveIntegerField(_("số người dân tham dự"), default=0)
    participants = models.TextField(_("thành phần tham dự"), blank=True)
    result = models.TextField(_("kết quả đối thoại"), blank=True)
    complaint_cases = models.ManyToManyField(ComplaintCase, blank=True, related_name="dialogues",
                                             verbose_name=_("vụ việc khiếu nại liên quan"))
    petitions = models.ManyToManyField(Petition, blank=True, related_name="dialogues", verbose_name=_("đơn thư liên quan"))
    papi = papi_links(related_name="dialogues")
    plan_tasks = plan_task_links(related_name="dialogue_dialogue_evidence")

    objects = DialogueQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("cuộc đối thoại")
        verbose_name_plural = _("đối thoại với người dân")

    def __str__(self):
        return f"{self.held_on:%d/%m/%Y} – {self.topic[:80]}"


class CommitmentQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        if is_inspectorate(user):
            return self.filter(dialogue__unit_id__in=agency_unit_ids(user))
        return self.filter(owner_unit_id__in=own_unit_ids(user))

    def workable_by(self, user):
        return self.visible_to(user) if may_keep_dialogues(user) else self.none()


class Commitment(Versioned):
    """A commitment made at a dialogue (cam kết, giao việc): owned by a unit, due on a date, followed up to a result."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("cuộc đối thoại"))
    content = models.TextField(_("nội dung cam kết"))
    owner_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="dialogue_commitments",
                                   verbose_name=_("đơn vị thực hiện"))
    due_on = models.DateField(_("hạn thực hiện"))
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    objects = CommitmentQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner_unit", "due_on"], name="commitment_owner_due")]
        verbose_name = _("cam kết sau đối thoại")
        verbose_name_plural = _("cam kết sau đối thoại")

    def __str__(self):
        return f"{self.owner_unit} – {self.due_on:%d/%m/%Y}: {self.content[:60]}"


class CommitmentFollowUpQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(commitment__in=Commitment.objects.visible_to(user))


class CommitmentFollowUp(models.Model):
    """One follow-up entry of a commitment (reminder, progress)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("cam kết"))
    on = models.DateField(_("ngày"))
    note = models.TextField(_("nội dung theo dõi"))

    objects = CommitmentFollowUpQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["commitment", "on", "id"]
        verbose_name = _("theo dõi cam kết")
        verbose_name_plural = _("theo dõi cam kết")

    def __str__(self):
        return f"{self.on:%d/%m/%Y}: {self.note[:60]}"
