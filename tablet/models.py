"""Receipts of the tablet's sync: each applied item kept by the idempotency key the device gave it."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from papi_inspect.audit import history
from papi_inspect.permissions import VisibleQuerySet


class SyncReceiptQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # A receipt tells what one person's tablet sent; nobody else's business.
        return self.filter(user=user)


class SyncReceipt(models.Model):
    """One sync item applied on the server; a retry with the same key gets the stored answer, not a duplicate."""

    class Kind(models.TextChoices):
        FINDING = "finding", _("Phát hiện")
        CHECK_RESULT = "check_result", _("Kết quả kiểm tra")
        VERIFICATION = "verification", _("Kiểm tra, xác nhận kiến nghị")
        CHECK_FINISH = "check_finish", _("Kết thúc kiểm tra công vụ")

    key = models.UUIDField(_("mã đồng bộ"), unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người gửi"))
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("loại hồ sơ"))
    object_id = models.PositiveBigIntegerField(_("mã hồ sơ"))
    response = models.JSONField(_("kết quả trả về"), default=dict)
    created = models.DateTimeField(_("thời điểm nhận"), auto_now_add=True)

    objects = SyncReceiptQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("biên nhận đồng bộ")
        verbose_name_plural = _("biên nhận đồng bộ")

    def __str__(self):
        return f"{self.get_kind_display()} {self.key}"
