"""The log of every identity reveal, granted or refused (Luật Tố cáo 2018 Art. 47)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from papi_inspect.audit import history
from papi_inspect.permissions import Role, VisibleQuerySet, has_role


class IdentityAccessLogQuerySet(VisibleQuerySet):
    """Leadership reads every entry; the chief inspector too; others only their own reveals."""

    def visible_for_staff(self, user):
        if has_role(user, Role.CHIEF_INSPECTOR):
            return self.all()
        return self.filter(user=user)


class IdentityAccessLog(models.Model):
    """One reveal (or refused attempt) of a protected identity: who, when, why, which record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người xem"))
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    reason = models.TextField(_("lý do"))
    record_label = models.CharField(_("hồ sơ"), max_length=80, help_text=_("Số hồ sơ và bí danh, không có danh tính."))
    record_type = models.CharField(_("loại hồ sơ"), max_length=40)
    record_id = models.PositiveBigIntegerField(_("mã bản ghi"))
    granted = models.BooleanField(_("được phép"), default=True)

    objects = IdentityAccessLogQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-at"]
        verbose_name = _("nhật ký xem danh tính")
        verbose_name_plural = _("nhật ký xem danh tính")

    def __str__(self):
        return f"{self.record_label} – {self.user} – {self.at:%d/%m/%Y %H:%M}"
