"""The verification team of a denunciation and its redacted copies (Luật Tố cáo 2018 Art. 31, 47; TT 04/2021).

The person resolving a denunciation may give its verification to others (Art. 31), but the
denouncer's identity stays with the handler (Art. 47(1)): verifiers get copies of the
petition's text and of the case files with every identity value blacked out, never originals.
"""

import re
from pathlib import PurePath

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.complaint_case import redaction
from doctypes.complaint_case.access import may_manage_verification
from doctypes.complaint_case.models import Denunciation, DenunciationVerifier, Petition, RedactedCopy
from papi_inspect.attachments import check_size, read_attachment, sniff_content_type, store_file
from papi_inspect.audit import delete, save
from papi_inspect.identity import decrypt_identity
from papi_inspect.models import Attachment
from papi_inspect.permissions import Role, has_role

AUTOMATIC = {".txt", ".docx"}
MANUAL_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/webp"}


def _require_manager(user, case):
    if not may_manage_verification(user, case):
        raise PermissionDenied(_("Chỉ người được giao giải quyết và Chánh Thanh tra được giao xác minh và lập bản che danh tính."))


@transaction.atomic
def assign_verifier(case, *, by, user, team_role=DenunciationVerifier.TeamRole.MEMBER, assigned_on=None):
    """Give the verification of an accepted denunciation to `user` (Art. 31); they see it read-only."""
    _require_manager(by, case)
    if case.status != Denunciation.Status.ACCEPTED:
        raise ValidationError({"status": _("Chỉ giao xác minh khi tố cáo đã được thụ lý và đang giải quyết (Điều 31).")})
    if not user.is_active or not user.has_perm("complaint_case.view_denunciation"):
        raise ValidationError({"user": _("Người được giao xác minh phải là cán bộ có tài khoản đang hoạt động.")})
    _check_verifier_independent(case, user)
    if user.pk == case.handler_id:
        raise ValidationError({"user": _("Người được giao giải quyết đã có quyền với hồ sơ; không giao xác minh cho chính họ.")})
    if case.verifiers.filter(user=user).exists():
        raise ValidationError({"user": _("Người này đã trong tổ xác minh.")})
    assigned_on = assigned_on or timezone.localdate()
    if case.accepted_on and assigned_on < case.accepted_on:
        raise ValidationError({"assigned_on": _("Ngày giao xác minh không được trước ngày thụ lý.")})
    verifier = DenunciationVerifier(denunciation=case, user=user, team_role=team_role, assigned_on=assigned_on, assigned_by=by)
    save(verifier, gettext_noop("Giao xác minh"), by=by)
    save(case, f"Giao xác minh: {user.get_full_name() or user.username}", by=by)
    return verifier


def _check_verifier_independent(case, user):
    """A verifier is an officer of the agency handling the case, never the system administrator, and has no
    interest in it: not the person denounced, not working in the denounced unit.

    Luật Tố cáo 2018, Điều 31 (the resolver assigns the verification in writing to an agency or person under them)
    and Luật Phòng, chống tham nhũng 2018, Điều 23 (kiểm soát xung đột lợi ích: a person with a conflict of
    interest is not given the task). The denounced party is free text, so the unit is found by its names in it.
    """
    profile = getattr(user, "staff_profile", None)
    if user.is_superuser or has_role(user, Role.SYSTEM_ADMIN) or profile is None:
        raise ValidationError({"user": _("Quản trị hệ thống không được giao xác minh tố cáo; chọn cán bộ của cơ quan (Điều 31).")})
    if profile.unit_id not in case.unit.agency().family_ids():
        raise ValidationError({"user": _("Người được giao xác minh phải là cán bộ của cơ quan giải quyết tố cáo (Điều 31).")})
    denounced = case.denounced.casefold()
    names = [profile.full_name] + [name for unit in _units_up(profile.unit) for name in (unit.name, unit.short_name)]
    if any(len(name.strip()) > 2 and re.search(rf"\b{re.escape(name.strip().casefold())}\b", denounced) for name in names if name):
        raise ValidationError({"user": _(
            "Không giao xác minh cho người bị tố cáo hoặc cán bộ công tác tại đơn vị bị tố cáo: xung đột lợi ích "
            "(Luật Tố cáo 2018, Điều 31; Luật Phòng, chống tham nhũng 2018, Điều 23).")})


def _units_up(unit):
    # The verifier's unit and those above it, below the agency: a denounced division covers its staff.
    agency = unit.agency()
    while unit is not None and unit.pk != agency.pk:
        yield unit
        unit = unit.parent


@transaction.atomic
def unassign_verifier(case, *, by, user):
    """Take `user` off the verification team; their read-only view and copies end with it."""
    _require_manager(by, case)
    verifier = case.verifiers.filter(user=user).first()
    if verifier is None:
        raise ValidationError({"user": _("Người này không trong tổ xác minh.")})
    delete(verifier, gettext_noop("Thôi giao xác minh"), by=by)
    save(case, f"Thôi giao xác minh: {user.get_full_name() or user.username}", by=by)


def originals_of(case):
    """The files that may need a redacted copy: the case's own and its petition's."""
    query = Attachment.objects.filter(content_type=ContentType.objects.get_for_model(Denunciation), object_id=case.pk)
    if case.petition_id:
        query |= Attachment.objects.filter(content_type=ContentType.objects.get_for_model(Petition), object_id=case.petition_id)
    return query.order_by("uploaded_at", "id")


def pending_originals(case):
    """Originals without a redacted copy yet; the scans among them need a manual upload."""
    return originals_of(case).filter(redacted_copy__isnull=True)


def _terms(case):
    identity = decrypt_identity(case.identity_cipher)
    others = []
    if case.petition_id and case.petition.identity_cipher and case.petition.identity_cipher != case.identity_cipher:
        # A petition may spell the person differently; both spellings are blacked out.
        others.append(decrypt_identity(case.petition.identity_cipher))
    return redaction.identity_terms(identity, case.pseudonym, *others)


def _store_copy(case, *, by, source, original, data, extension, automatic):
    # A copy the handler blacked out and uploaded is their confirmation; an automatic one waits for a person.
    confirmed = {} if automatic else {"confirmed_by": by, "confirmed_at": timezone.now()}
    copy = RedactedCopy(denunciation=case, source=source, original=original, automatic=automatic, made_by=by, **confirmed)
    save(copy, gettext_noop("Lập bản che danh tính"), by=by)
    # The copy's name is neutral (RedactedCopy.neutral_attachment_names): "<code>-tep-01.docx".
    upload = SimpleUploadedFile(f"ban-che{extension}", data)
    store_file(copy, uploaded_file=upload, by=by, description=f"Bản che danh tính – {copy.get_source_display()}")
    return copy


@transaction.atomic
def make_redacted_copies(case, *, by):
    """Redact automatically the petition's text and every .txt/.docx original without a copy.

    Returns (copies made, originals still waiting for a manual redacted upload). A result that
    still names the person is refused, so a copy never leaks what the matching missed.
    """
    _require_manager(by, case)
    terms, made = _terms(case), []
    if not terms:
        raise ValidationError({"identity": _("Hồ sơ không có danh tính để che.")})
    petition = case.petition
    if petition and petition.summary.strip() and not case.redacted_copies.filter(source=RedactedCopy.Source.PETITION_TEXT).exists():
        # From the sealed full text, so the copy is redacted with this case's terms too (both spellings).
        text = redaction.redact_text(f"{petition.full_text('matter')}\n\n{petition.full_text('summary')}", terms)
        made.append(_store_copy(case, by=by, source=RedactedCopy.Source.PETITION_TEXT, original=None,
                                data=text.encode("utf-8"), extension=".txt", automatic=True))
    for original in pending_originals(case):
        extension = PurePath(original.original_name).suffix.lower()
        if extension not in AUTOMATIC:
            continue
        data = read_attachment(original)  # ciphertext on disk: the original of a protected record
        if extension == ".txt":
            redacted = redaction.redact_text(data.decode("utf-8"), terms).encode("utf-8")
            leftover = redacted.decode("utf-8")
        else:
            redacted = redaction.redact_docx(data, terms)
            leftover = redaction.docx_text(redacted)
        if redaction.still_named(leftover, terms):
            raise ValidationError({"file": _('Không che được hết danh tính trong tệp %(original_name)s; hãy tải bản che thủ công.') % {"original_name": original.original_name}})
        made.append(_store_copy(case, by=by, source=RedactedCopy.Source.ATTACHMENT, original=original,
                                data=redacted, extension=extension, automatic=True))
    if made:
        save(case, f"Lập {len(made)} bản che danh tính", by=by)
    return made, [a for a in pending_originals(case) if PurePath(a.original_name).suffix.lower() not in AUTOMATIC]


@transaction.atomic
def upload_redacted_copy(case, *, by, original, uploaded_file):
    """The handler uploads the redacted PDF or image of a scanned original (no text to redact automatically).

    The handler answers for the blacking out; the bytes are still searched for the identity in
    plain text (a PDF with a text layer), and such a file is refused.
    """
    _require_manager(by, case)
    if not originals_of(case).filter(pk=original.pk).exists():
        raise ValidationError({"original": _("Tệp gốc không thuộc hồ sơ này.")})
    if RedactedCopy.objects.filter(original=original).exists():
        raise ValidationError({"original": _("Tệp này đã có bản che danh tính.")})
    check_size(uploaded_file)
    data = uploaded_file.read()
    uploaded_file.seek(0)
    mime_type = sniff_content_type(uploaded_file.name, data)
    if mime_type not in MANUAL_TYPES:
        raise ValidationError({"file": _("Bản che của tệp scan phải là PDF hoặc ảnh (JPEG, PNG, WEBP).")})
    if redaction.still_named(data.decode("latin-1") + data.decode("utf-8", errors="ignore"), _terms(case)):
        raise ValidationError({"file": _("Tệp tải lên vẫn còn thông tin danh tính người tố cáo.")})
    copy = _store_copy(case, by=by, source=RedactedCopy.Source.ATTACHMENT, original=original, data=data,
                       extension=PurePath(uploaded_file.name).suffix.lower(), automatic=False)
    save(case, gettext_noop("Tải bản che danh tính"), by=by)
    return copy


@transaction.atomic
def confirm_redacted_copy(case, *, by, copy):
    """The handler or the chief inspector has read the automatic copy and found no trace of the denouncer;
    only then is it released to the verification team (Luật Tố cáo 2018 Art. 47: matching alone may miss a spelling)."""
    _require_manager(by, case)
    if copy.denunciation_id != case.pk:
        raise ValidationError({"copy": _("Bản che không thuộc hồ sơ này.")})
    if copy.confirmed_at is not None:
        raise ValidationError({"copy": _("Bản che này đã được xác nhận.")})
    copy.confirmed_by, copy.confirmed_at = by, timezone.now()
    save(copy, gettext_noop("Xác nhận bản che danh tính"), by=by)
    save(case, f"Xác nhận bản che {copy.code}", by=by)
    return copy


def unconfirmed_copies(case):
    return case.redacted_copies.filter(confirmed_at__isnull=True)


def copies_for(user, case):
    """The redacted copies `user` may download for `case`: confirmed ones for the team and leadership, every one
    for the handler and the chief inspector, who confirm them."""
    return RedactedCopy.objects.released_to(user).filter(denunciation=case).select_related("original")
