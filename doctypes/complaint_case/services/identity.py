"""Revealing a protected identity: who may, with a reason, always logged (Luật Tố cáo 2018 Art. 9, 47)."""

import base64

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.complaint_case.access import may_reveal
from doctypes.complaint_case.models import IdentityAccessLog
from papi_inspect.attachments import check_size, full_description, sniff_content_type
from papi_inspect.audit import save
from papi_inspect.identity import decrypt_identity
from papi_inspect.models import Attachment

MIN_REASON_LENGTH = 10


def reveal_identity(record, *, by, reason):
    """The decrypted identity for `by`, after logging who, when, why and which record.

    A refused attempt is logged too, so leadership sees who tried. Not atomic on purpose: the
    log row must survive a refusal or a key error raised after it.
    """
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": _('Cần ghi lý do xem danh tính (ít nhất %(min_reason_length)s ký tự).') % {"min_reason_length": MIN_REASON_LENGTH}})
    allowed = may_reveal(by, record)
    IdentityAccessLog.objects.create(
        user=by, reason=reason, granted=allowed, record_type=record._meta.model_name, record_id=record.pk,
        record_label=f"{record.code} – {record.pseudonym}"[:80],
    )
    if not allowed:
        raise PermissionDenied(_("Chỉ người được giao xử lý và Chánh Thanh tra được xem danh tính người tố cáo."))
    return decrypt_identity(record.identity_cipher)


def reveal_text(record, *, by, reason):
    """The full free text of a protected record and of its files' descriptions, for `by`, logged like a reveal.

    A letter names its author, so its full text is the identity (Luật Tố cáo 2018 Art. 47): the same people
    may read it (the assigned handler, the chief inspector), each read is logged with its reason, a refused
    attempt too. Returns {"fields": {name: text}, "files": {attachment id: description}}.
    """
    if not getattr(record, "sealed_text_fields", ()):
        raise ValidationError({"record": _("Hồ sơ này không có nội dung được niêm phong.")})
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": _('Cần ghi lý do xem nội dung đầy đủ (ít nhất %(min_reason_length)s ký tự).') % {"min_reason_length": MIN_REASON_LENGTH}})
    allowed = may_reveal(by, record)
    IdentityAccessLog.objects.create(
        user=by, reason=f"Xem nội dung đầy đủ: {reason}", granted=allowed, record_type=record._meta.model_name,
        record_id=record.pk, record_label=f"{record.code} – {record.pseudonym}"[:80],
    )
    if not allowed:
        raise PermissionDenied(_("Chỉ người được giao xử lý và Chánh Thanh tra được xem nội dung đầy đủ của đơn tố cáo."))
    files = Attachment.objects.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)
    return {
        "fields": {name: record.full_text(name) for name in record.sealed_text_fields},
        "files": {attachment.pk: full_description(attachment) for attachment in files.order_by("id")},
    }


SIGNATURE_TYPES = {"image/png", "image/jpeg"}


@transaction.atomic
def store_signature(record, *, by, uploaded_file):
    """Keep the scanned signature inside the encrypted identity (handwriting is protected, Art. 47).

    Only those who may reveal the identity may add it, since adding means opening the identity.
    """
    if not may_reveal(by, record):
        raise PermissionDenied(_("Chỉ người được giao xử lý và Chánh Thanh tra được cập nhật chữ ký của người tố cáo."))
    check_size(uploaded_file)
    data = uploaded_file.read()
    mime_type = sniff_content_type(uploaded_file.name, data)
    if mime_type not in SIGNATURE_TYPES:
        raise ValidationError({"file": _("Ảnh chữ ký phải là tệp PNG hoặc JPEG.")})
    identity = decrypt_identity(record.identity_cipher)
    identity.update(signature=base64.b64encode(data).decode(), signature_type=mime_type)
    record.set_identity(identity)
    save(record, gettext_noop("Cập nhật chữ ký (mã hóa)"), by=by)
    return record
