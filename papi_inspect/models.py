"""Core records: the working-day calendar overrides, deadline rules and file attachments."""

import os
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import ReferenceQuerySet, VisibleQuerySet, is_active_staff, sees_everything


# Sent after any write to a cached reference table (calendar overrides, deadline rules), bulk ones included.
reference_changed = Signal()


class CachedReferenceQuerySet(ReferenceQuerySet):
    """Reference rows the engine caches per process: a bulk write (update, delete, bulk_create) tells the cache,
    as a save does through post_save, so a changed holiday or rule is used at once in this process."""

    def _changed(self, result):
        reference_changed.send(sender=self.model)
        return result

    def update(self, **kwargs):
        return self._changed(super().update(**kwargs))

    def delete(self):
        return self._changed(super().delete())

    def bulk_create(self, *args, **kwargs):
        return self._changed(super().bulk_create(*args, **kwargs))

    def bulk_update(self, *args, **kwargs):
        return self._changed(super().bulk_update(*args, **kwargs))


class CalendarOverride(Versioned):
    """A government swap the holiday library misses: an extra day off or a make-up working day."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ")
        WORKING_DAY = "working_day", _("Ngày làm việc (làm bù)")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    active = models.BooleanField(
        _("đang áp dụng"), default=True, help_text=_("Bỏ chọn để lịch quay về theo danh mục ngày lễ chuẩn.")
    )
    reason = models.CharField(_("lý do"), max_length=255)
    source = models.CharField(_("văn bản căn cứ"), max_length=255, blank=True)
    unconfirmed = models.BooleanField(
        _("chưa xác nhận"), default=False,
        help_text=_("Địa vị pháp lý của ngày này chưa rõ: hạn tính theo dòng này được ghi chú trên hồ sơ."),
    )

    objects = CachedReferenceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ / làm bù")
        verbose_name_plural = _("lịch ngày nghỉ, ngày làm bù")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"


class DeadlineRule(Versioned):
    """A statutory time limit stored as data, with its citation and the period it is in force."""

    class DayUnit(models.TextChoices):
        CALENDAR = "calendar", _("ngày")
        WORKING = "working", _("ngày làm việc")
        MONTH = "month", _("tháng")

    code = models.CharField(_("mã"), max_length=80, help_text=_("Ví dụ: complaint.accept, denunciation.resolve"))
    name = models.CharField(_("tên"), max_length=255)
    length = models.PositiveIntegerField(_("thời hạn"))
    unit = models.CharField(_("đơn vị"), max_length=10, choices=DayUnit.choices, default=DayUnit.CALENDAR)
    start_event = models.CharField(_("sự kiện bắt đầu tính"), max_length=255)
    complex_length = models.PositiveIntegerField(_("thời hạn (vụ việc phức tạp)"), null=True, blank=True)
    remote_length = models.PositiveIntegerField(_("thời hạn (vùng sâu, vùng xa)"), null=True, blank=True)
    remote_complex_length = models.PositiveIntegerField(
        _("thời hạn (phức tạp, vùng sâu, vùng xa)"), null=True, blank=True
    )
    max_extensions = models.PositiveSmallIntegerField(_("số lần gia hạn tối đa"), default=0)
    extension_length = models.PositiveIntegerField(_("thời gian mỗi lần gia hạn"), null=True, blank=True)
    citation = models.CharField(_("căn cứ pháp lý"), max_length=255)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    unconfirmed = models.BooleanField(
        _("cần xác minh"), default=False, help_text=_("Giá trị chưa được đối chiếu với văn bản chính thức.")
    )
    note = models.TextField(_("ghi chú"), blank=True)

    objects = CachedReferenceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["code", "valid_from"]
        verbose_name = _("quy tắc thời hạn")
        verbose_name_plural = pgettext_lazy("số nhiều", "quy tắc thời hạn")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="deadline_rule_unique_start"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="deadline_rule_valid_period",
            ),
        ]

    def __str__(self):
        return f"{self.code} ({self.length} {self.get_unit_display()})"

    def clean(self):
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")})
        if self.max_extensions and not self.extension_length:
            raise ValidationError({"extension_length": _("Cần nhập thời gian mỗi lần gia hạn.")})
        overlapping = DeadlineRule.objects.filter(code=self.code).exclude(pk=self.pk)
        overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if self.valid_to:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        if overlapping.exists():
            raise ValidationError(_("Đã có quy tắc cùng mã có hiệu lực trùng thời gian."))

    def is_in_force_on(self, day):
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def length_for(self, *, complex=False, remote=False):
        """The limit for a case's circumstances; a variant left empty falls back to a plainer one."""
        candidates = {
            (True, True): [self.remote_complex_length, self.complex_length, self.remote_length],
            (True, False): [self.complex_length],
            (False, True): [self.remote_length],
            (False, False): [],
        }[(bool(complex), bool(remote))]
        return next((value for value in candidates if value), self.length)


def attachment_path(instance, filename):
    # The stored name is random: a file's original name can itself carry personal data.
    return f"{instance.content_type.app_label}/{instance.content_type.model}/{uuid.uuid4().hex}"


class AttachmentQuerySet(VisibleQuerySet):
    def visible_to(self, user):
        """An attachment is visible exactly when the record it belongs to is visible."""
        if not is_active_staff(user):
            return self.none()
        everything = sees_everything(user)
        visible = Q(pk__in=[])
        for content_type_id in self.values_list("content_type", flat=True).distinct():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            narrowed = getattr(model.objects, "files_visible_to", None) if model is not None else None
            if everything and narrowed is None:
                visible |= Q(content_type_id=content_type_id)
                continue
            if model is None:
                continue
            # A doctype may narrow files further than rows, for leadership too: the originals of a
            # denunciation name its author, whom only the handler and the chief inspector may know.
            records = (narrowed or model.objects.visible_to)(user)
            record_ids = records.values_list("pk", flat=True)
            visible |= Q(content_type_id=content_type_id, object_id__in=record_ids)
        return self.filter(visible)


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, read at use time; no URL, so nothing serves them directly."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    # Letters, photos and reports name people: only the server's own account may read them.
    file_permissions_mode = 0o600
    directory_permissions_mode = 0o700


def private_storage():
    return PrivateStorage()


class Attachment(Versioned):
    """A file attached to any record, stored outside the web root and served after a permission check."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("loại hồ sơ"))
    object_id = models.PositiveBigIntegerField(_("mã hồ sơ"))
    record = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("tệp"), upload_to=attachment_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    mime_type = models.CharField(_("kiểu nội dung"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    description = models.CharField(_("mô tả"), max_length=255, blank=True)
    # On a record protecting a person, `description` keeps the redacted text and this the full one, encrypted.
    description_sealed = models.TextField(_("mô tả (mã hóa)"), blank=True, default="", editable=False)
    encrypted = models.BooleanField(_("tệp mã hóa trên đĩa"), default=False, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()
    history = history(sensitive=("description_sealed",))

    class Meta:
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="attachment_record_idx")]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = pgettext_lazy("số nhiều", "tệp đính kèm")

    def __str__(self):
        return self.original_name


class NotificationQuerySet(VisibleQuerySet):
    def visible_to(self, user):
        """A notification is personal: everyone, leadership included, sees only their own."""
        if not is_active_staff(user):
            return self.none()
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app message to one user (a reminder, an escalation); also sent by email."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("người nhận")
    )
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    key = models.CharField(
        _("khóa chống trùng"), max_length=200, blank=True, help_text=_("Cùng khóa thì không gửi lại cho cùng người.")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    emailed = models.BooleanField(_("đã gửi email"), default=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thông báo")
        verbose_name_plural = pgettext_lazy("số nhiều", "thông báo")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~Q(key=""), name="notification_unique_key_per_recipient"
            )
        ]

    def __str__(self):
        return self.subject


class IdempotentRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A stored answer belongs to the caller who sent the key: nobody else's, leadership included."""
        if not is_active_staff(user):
            return self.none()
        return self.filter(user=user)


class IdempotentRequest(models.Model):
    """An API write sent with an Idempotency-Key: a retry with the same key gets this answer back, not a second write."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("người gửi"))
    key = models.CharField(_("khóa chống ghi trùng"), max_length=200)
    fingerprint = models.CharField(_("dấu vết yêu cầu"), max_length=64, help_text=_("SHA-256 của phương thức, đường dẫn và nội dung."))
    status_code = models.PositiveSmallIntegerField(_("mã trả về"))
    content_type = models.CharField(_("kiểu nội dung"), max_length=200, blank=True)
    # The answer may name people (a petition's summary): kept encrypted with the identity keys, like an identity.
    sealed_body = models.TextField(_("nội dung trả về (mã hóa)"), blank=True)
    created_at = models.DateTimeField(_("thời điểm nhận"), default=timezone.now, db_index=True)

    objects = IdempotentRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("yêu cầu chống ghi trùng")
        verbose_name_plural = pgettext_lazy("số nhiều", "yêu cầu chống ghi trùng")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotent_request_unique_key_per_user")]

    def __str__(self):
        return self.key


# Accounts and roles are historised here (their models belong to django.contrib.auth); the deployment checks
# register on import (apps.py holds two configs, so Django uses a plain AppConfig for this app: no ready()).
from papi_inspect import account_history, checks  # noqa: E402,F401
