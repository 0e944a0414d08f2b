"""The verification team of a denunciation and the redacted copies its members receive (Luật Tố cáo 2018 Art. 47)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.models.cases import Denunciation
from papi_inspect.audit import history
from papi_inspect.permissions import Role, VisibleQuerySet, has_role


class ByDenunciationQuerySet(VisibleQuerySet):
    """A row is visible exactly when its denunciation is (verifiers included)."""

    def visible_for_staff(self, user):
        return self.filter(denunciation__in=Denunciation.objects.visible_to(user))


class DenunciationVerifier(models.Model):
    """A person assigned to verify a denunciation (the verification team); not entitled to the identity."""

    class TeamRole(models.TextChoices):
        LEAD = "lead", _("Trưởng đoàn xác minh")
        MEMBER = "member", _("Thành viên tổ xác minh")

    denunciation = models.ForeignKey(
        "complaint_case.Denunciation", on_delete=models.CASCADE, related_name="verifiers", verbose_name=_("vụ việc")
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người xác minh"))
    team_role = models.CharField(_("vai trò"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER)
    assigned_on = models.DateField(_("ngày giao"), default=timezone.localdate)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người giao"))

    objects = ByDenunciationQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["denunciation", "assigned_on", "id"]
        verbose_name = _("người xác minh tố cáo")
        verbose_name_plural = _("tổ xác minh tố cáo")
        constraints = [models.UniqueConstraint(fields=["denunciation", "user"], name="one_assignment_per_verifier")]

    def __str__(self):
        return f"{self.denunciation.code} – {self.user.get_full_name() or self.user.username}"


class RedactedCopyQuerySet(ByDenunciationQuerySet):
    """A copy reaches the verification team only once a person entitled to the identity has confirmed it."""

    def released_to(self, user):
        """The copies `user` may open: all of them for the chief inspector and the case's handler (who check
        them), confirmed ones only for everyone else who sees the case (Luật Tố cáo 2018 Art. 47)."""
        visible = self.visible_to(user)
        if has_role(user, Role.CHIEF_INSPECTOR):
            return visible
        return visible.filter(Q(confirmed_at__isnull=False) | Q(denunciation__handler=user))

    def files_visible_to(self, user):
        """papi_inspect.models.Attachment asks this before serving a copy's file."""
        return self.released_to(user)


class RedactedCopy(models.Model):
    """A copy of one of the case's files with the denouncer's identity blacked out; its file is its attachment."""

    # The copy's own file is stored under "<code>-tep-01<ext>", never the uploaded name.
    neutral_attachment_names = True

    class Source(models.TextChoices):
        PETITION_TEXT = "petition_text", _("Nội dung đơn")
        ATTACHMENT = "attachment", _("Tệp đính kèm")

    denunciation = models.ForeignKey(
        "complaint_case.Denunciation", on_delete=models.CASCADE, related_name="redacted_copies", verbose_name=_("vụ việc")
    )
    source = models.CharField(_("bản gốc là"), max_length=20, choices=Source.choices, default=Source.ATTACHMENT)
    # Empty for the copy of the petition's own text, which is no file.
    original = models.OneToOneField(
        "papi_inspect.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="redacted_copy",
        verbose_name=_("tệp gốc"),
    )
    automatic = models.BooleanField(_("che tự động"), default=False)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người lập"))
    made_at = models.DateTimeField(_("lập lúc"), default=timezone.now)
    # Matching can miss a spelling: a person reads the copy and confirms it before any verifier gets it.
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người xác nhận"),
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)

    objects = RedactedCopyQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["denunciation", "id"]
        verbose_name = _("bản che danh tính")
        verbose_name_plural = _("bản che danh tính")
        constraints = [
            models.UniqueConstraint(fields=["denunciation", "source"], condition=models.Q(source="petition_text"),
                                    name="one_redacted_petition_text"),
        ]

    def __str__(self):
        return self.code

    @property
    def code(self):
        """A neutral label, also the stem of the copy's file name."""
        return f"{self.denunciation.code}-ban-che-{self.original_id or 'noi-dung-don'}"

    @property
    def file(self):
        """The attachment holding the redacted bytes (one per copy)."""
        from django.contrib.contenttypes.models import ContentType

        from papi_inspect.models import Attachment

        return Attachment.objects.filter(content_type=ContentType.objects.get_for_model(self), object_id=self.pk).first()
