"""Attachment services: check a file's size and real content, store it privately, and record it."""

import hashlib
import io
import os
import zipfile
from pathlib import PurePath

import filetype
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from papi_inspect.audit import save
from papi_inspect.identity import decrypt_bytes, decrypt_text, encrypt_bytes, encrypt_text
from papi_inspect.models import Attachment

# Declared extension -> the content type its bytes must show. Office files are ZIP packages,
# so they are recognised by the part every such package must contain.
ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".txt": "text/plain",
}
_OFFICE_PARTS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}


def sniff_content_type(name, head):
    """The content type of a file whose name is `name` and whose bytes are `head`, or an error.

    The extension is what the sender declares; the bytes must agree, so a renamed executable
    or a script saved as ".pdf" is refused.
    """
    extension = PurePath(name).suffix.lower()
    expected = ALLOWED_TYPES.get(extension)
    if expected is None:
        allowed = ", ".join(sorted(ALLOWED_TYPES))
        raise ValidationError(
            _("Loại tệp '%(value)s' không được phép. Chỉ nhận: %(allowed)s.") % {"value": extension or 'không có phần mở rộng', "allowed": allowed},
            code="type_not_allowed",
        )
    if extension in _OFFICE_PARTS:
        matches = _zip_contains(head, _OFFICE_PARTS[extension])
    elif extension == ".txt":
        matches = _is_text(head)
    else:
        matches = filetype.guess_mime(head) == expected
    if not matches:
        raise ValidationError(_("Nội dung tệp '%(name)s' không khớp với loại tệp %(extension)s.") % {"name": name, "extension": extension}, code="content_mismatch")
    return expected


def _zip_contains(data, part):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return part in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _is_text(data):
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def may_attach_to(user, record):
    """Only someone who may see and change a record may add files to it."""
    model = type(record)
    opts = model._meta
    return (
        # A doctype's read-only viewers (workable_by) may not add files either.
        model.objects.workable_by(user).filter(pk=record.pk).exists()
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        and user.has_perm("papi_inspect.add_attachment")
    )


def check_size(uploaded_file):
    """Refuse an empty file or one above settings.ATTACHMENT_MAX_BYTES, before reading it."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if uploaded_file.size > limit:
        raise ValidationError(
            _("Tệp '%(name)s' vượt quá dung lượng cho phép (%(readable_size)s).") % {"name": uploaded_file.name, "readable_size": _readable_size(limit)}, code="too_large"
        )
    if not uploaded_file.size:
        raise ValidationError(_("Tệp '%(name)s' rỗng.") % {"name": uploaded_file.name}, code="empty")


def _readable_size(size):
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB" if size >= 1024 else f"{size} byte"


def _kept_name(record, content_type, uploaded_name):
    """The file name to keep: the uploaded one, or a neutral one on records that protect a person.

    A citizen's own file name often carries their name ("don-to-cao-nguyen-van-a.pdf"); on a
    record that protects an identity (Luật Tố cáo 2018 Art. 47) it must not reach lists,
    downloads or history, so such a record is given "<record code>-tep-NN<ext>" instead.
    """
    if not getattr(record, "neutral_attachment_names", False):
        return PurePath(uploaded_name).name[:255]
    number = Attachment.objects.filter(content_type=content_type, object_id=record.pk).count() + 1
    return f"{record.code}-tep-{number:02d}{PurePath(uploaded_name).suffix.lower()}"


@transaction.atomic
def attach_file(record, *, uploaded_file, by, description=""):
    """Store `uploaded_file` against `record` after checking permission, size and content."""
    if not may_attach_to(by, record):
        raise PermissionDenied(_("Bạn không có quyền đính kèm tệp vào hồ sơ này."))
    return store_file(record, uploaded_file=uploaded_file, by=by, description=description)


@transaction.atomic
def store_file(record, *, uploaded_file, by, description=""):
    """Check size and content and store the file; the caller has checked the permission (a doctype
    service storing a file it made itself, e.g. a redacted copy, checks its own rule)."""
    check_size(uploaded_file)
    uploaded_file.seek(0)
    data = uploaded_file.read()
    mime_type = sniff_content_type(uploaded_file.name, data)
    uploaded_file.seek(0)
    content_type = ContentType.objects.get_for_model(record)
    sealed = _seals(record)
    attachment = Attachment(
        content_type=content_type,
        object_id=record.pk,
        original_name=_kept_name(record, content_type, uploaded_file.name),
        mime_type=mime_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        description=description,
        uploaded_by=by,
    )
    if sealed:
        # An original of a protected record names the person: on disk it is ciphertext (Luật Tố cáo 2018 Art. 47),
        # and its description is kept redacted beside the sealed full text.
        attachment.encrypted = True
        attachment.description, attachment.description_sealed = _sealed_description(record, description)
        attachment.file.save(attachment.original_name, ContentFile(encrypt_bytes(data)), save=False)
    else:
        attachment.file.save(attachment.original_name, uploaded_file, save=False)
    try:
        save(attachment, "Đính kèm tệp", by=by)
    except Exception:
        # The bytes reach the disk before the row; a failed save must not leave an orphan file.
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


def _seals(record):
    """Whether `record` protects a person, so its files and their descriptions are sealed (a doctype hook)."""
    seals_text = getattr(record, "seals_text", None)
    return bool(seals_text and seals_text())


def _sealed_description(record, description):
    if not description:
        return "", ""
    return record.redact(description)[:255], encrypt_text(description)


def read_attachment(attachment):
    """The plain bytes of an attachment, decrypting an original of a protected record."""
    with attachment.file.open("rb") as handle:
        data = handle.read()
    return decrypt_bytes(data) if attachment.encrypted else data


def full_description(attachment):
    """The description in full (for those entitled, after a logged reveal)."""
    return decrypt_text(attachment.description_sealed) if attachment.description_sealed else attachment.description


def seal_attachments(record):
    """Seal the files of a record that has come to protect a person (a petition classified as a denunciation):
    encrypt each plain file on disk and redact its description, in the history table too."""
    content_type = ContentType.objects.get_for_model(record)
    files = Attachment.objects.filter(content_type=content_type, object_id=record.pk)
    seal_files(files, Attachment.history.model, redact=record.redact)


def seal_files(files, history_model, *, redact):
    """Encrypt each plain file of `files` on disk and seal its description (also used by data migrations,
    which pass their historical models)."""
    pending = files.filter(models.Q(encrypted=False) | (models.Q(description_sealed="") & ~models.Q(description="")))
    for attachment in pending:
        changes = {}
        if not attachment.encrypted:
            path = os.path.join(settings.PRIVATE_MEDIA_ROOT, attachment.file.name)
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    plain = handle.read()
                spare = f"{path}.sealing"
                with open(spare, "wb") as handle:
                    handle.write(encrypt_bytes(plain))
                os.chmod(spare, 0o600)
                os.replace(spare, path)  # a crash leaves the plain or the sealed file, never half of one
                changes["encrypted"] = True
        if attachment.description and not attachment.description_sealed:
            redacted = redact(attachment.description)[:255]
            changes["description"], changes["description_sealed"] = redacted, encrypt_text(attachment.description)
            # The history table kept the plain description: it keeps the redacted one instead.
            history_model.objects.filter(id=attachment.pk).update(description=redacted)
        # update(): sealing is no change anyone made, and the plain text must not reach a new history row.
        if changes:
            type(attachment).objects.filter(pk=attachment.pk).update(**changes)


def files_of(record, queryset=None):
    """The files attached to `record` itself (none before it is saved), narrowed from `queryset` if given."""
    queryset = Attachment.objects.all() if queryset is None else queryset
    if record is None or record.pk is None:
        return queryset.none()
    return queryset.filter(content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk)
