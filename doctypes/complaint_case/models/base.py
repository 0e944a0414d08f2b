"""What every case shares: the visibility rule with its read-only grants, content kinds, deadline status."""

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case import redaction
from doctypes.complaint_case.models.access_log import IdentityAccessLog
from papi_inspect.attachments import seal_attachments
from papi_inspect.deadlines import deadline_status, unconfirmed_note
from papi_inspect.identity import (
    SEALED_SUFFIX, ProtectedIdentity, decrypt_identity, decrypt_text, encrypt_text, forget_replaced_text,
)
from papi_inspect.permissions import Role, VisibleQuerySet, has_role, is_active_staff, sees_everything, unit_of


class CaseQuerySet(VisibleQuerySet):
    """A unit's staff see their unit's records; a handler sees what is assigned to them.

    Some people also get a read-only view (`read_only_grant`): they see the record's fields,
    never its files, letters or identity, and may not change it (`workable_by`).
    """

    def work_grant(self, user):
        unit = unit_of(user)
        mine = Q(handler=user)
        return mine if unit is None else mine | Q(unit_id__in=unit.family_ids())

    def read_only_grant(self, user):
        return Q(pk__in=[])

    def visible_for_staff(self, user):
        return self.filter(self.work_grant(user) | self.read_only_grant(user))

    def workable_by(self, user):
        """The records `user` may act on (steps, uploads, letters, reveal): visible_to minus read-only grants."""
        if not is_active_staff(user):
            return self.none()
        if sees_everything(user):
            return self.all()
        return self.filter(self.work_grant(user))

    def protected(self):
        """The rows whose files name a protected person (Q), or None when no row does."""
        return None

    def files_visible_to(self, user):
        """Whose files (originals) `user` may download; papi_inspect.models.Attachment asks this first."""
        return entitled_files(self.workable_by(user), user, protected=self.protected(), assigned="handler")


def entitled_files(records, user, *, protected, assigned):
    """The originals of a protected record name the person, so only those entitled to the identity
    (the assigned handler, the chief inspector) get them (Luật Tố cáo 2018 Art. 47); leadership,
    colleagues and verifiers see the record and, for a denunciation, its redacted copies."""
    if protected is None or has_role(user, Role.CHIEF_INSPECTOR):
        return records
    return records.filter(~protected | Q(**{assigned: user}))



class ContentKind(models.TextChoices):
    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    REQUEST = "request", _("Kiến nghị, phản ánh")
    MIXED = "mixed", _("Nhiều nội dung")


class DeadlineMixin:
    """Every case shows the status of its current deadline (on time, due soon, overdue)."""

    @property
    def deadline_status(self):
        return self.deadline_status_on()

    def deadline_status_on(self, calendar=None):
        """The status counted on `calendar`: a list passes one for all its rows, as building one reads the overrides."""
        due = self.current_due
        return deadline_status(due, calendar=calendar) if due else None

    def deadline_status_label(self):
        status = self.deadline_status
        return status.label if status else "—"

    @property
    def deadline_caveat(self):
        """A note when the current deadline counts over a day whose status is unconfirmed (24/11), else ""."""
        return unconfirmed_note(self.received_on, self.current_due)


def is_protected(record):
    """Denunciations, and petitions or receptions that concern one, fall under Art. 47 protection."""
    if hasattr(record, "concerns_denunciation"):
        return record.concerns_denunciation
    if hasattr(record, "involves_denunciation"):
        return record.involves_denunciation or record.anonymous
    return True


def sealed_text_field(verbose_name):
    """The encrypted full text beside a free-text field of a record that protects a person."""
    return models.TextField(verbose_name, blank=True, default="", editable=False)


class ProtectedRecord(ProtectedIdentity):
    """Abstract: a record whose person may be protected; each download of its originals is logged.

    A real letter names its author, so on a protected record every free-text field in
    `sealed_text_fields` keeps only its redacted text, and "<field>_sealed" the full text encrypted with
    the identity keys (Luật Tố cáo 2018 Art. 9(1)(b), 47): lists, search, history, exports and the API
    see the redacted text; the full text comes back only through the logged reveal (services.identity).
    """

    sealed_text_fields = ()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._stored_text = {name: getattr(record, name) for name in cls.sealed_text_fields if name in record.__dict__}
        return record

    def seals_text(self):
        """Once protected, always sealed: a record reclassified later keeps its text sealed."""
        return is_protected(self) or any(getattr(self, name + SEALED_SUFFIX) for name in self.sealed_text_fields)

    def redaction_terms(self):
        identities = [decrypt_identity(self.identity_cipher)]
        petition = getattr(self, "petition", None) if getattr(self, "petition_id", None) else None
        if petition is not None and petition.identity_cipher and petition.identity_cipher != self.identity_cipher:
            identities.append(decrypt_identity(petition.identity_cipher))  # the petition may spell the person otherwise
        return redaction.identity_terms(*identities[:1], self.pseudonym, *identities[1:])

    def redact(self, text):
        return redaction.redact_text(text, self.redaction_terms())

    def full_text(self, name):
        """The full text of one sealed field; callers are the logged reveal and services that redact it again."""
        sealed = getattr(self, name + SEALED_SUFFIX)
        return decrypt_text(sealed) if sealed else getattr(self, name)

    def save(self, *args, **kwargs):
        # Not a workflow step: the storage form of the text (like an encrypted field), so every path that
        # saves the record (services, back office, API, demo) seals it before a row or history row is written.
        first_sealing = self._seal_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *(f + SEALED_SUFFIX for f in self.sealed_text_fields if f in update_fields)}
        super().save(*args, **kwargs)
        self._stored_text = {name: getattr(self, name) for name in self.sealed_text_fields}
        if self.seals_text():
            if first_sealing:
                self._scrub_history()
                transaction.on_commit(forget_replaced_text)
            seal_attachments(self)

    def _seal_text(self):
        """Move each free text into its sealed column and keep the redacted text; True on a record's first sealing."""
        if not self.seals_text():
            return False
        stored = getattr(self, "_stored_text", {})
        first = bool(self.pk) and not any(getattr(self, name + SEALED_SUFFIX) for name in self.sealed_text_fields)
        terms, deferred = self.redaction_terms(), self.get_deferred_fields()
        for name in self.sealed_text_fields:
            if name in deferred or name + SEALED_SUFFIX in deferred:
                continue  # not loaded, so not changed: reading it here would take the redacted text for a new one
            value, sealed_name = getattr(self, name) or "", name + SEALED_SUFFIX
            if getattr(self, sealed_name) and value == stored.get(name):
                full = decrypt_text(getattr(self, sealed_name))  # unchanged: redact again (the identity may have changed)
            else:
                full = value
                setattr(self, sealed_name, encrypt_text(full))
            redacted = redaction.redact_text(full, terms)
            limit = self._meta.get_field(name).max_length
            setattr(self, name, redacted[:limit] if limit else redacted)
        return first

    def _scrub_history(self):
        """The history rows written before the record was protected held the plain text: redact them."""
        terms = self.redaction_terms()
        for row in type(self).history.filter(id=self.pk):
            changes = {}
            for name in self.sealed_text_fields:
                limit = self._meta.get_field(name).max_length
                changes[name] = redaction.redact_text(getattr(row, name), terms)[:limit]
            type(self).history.filter(history_id=row.history_id).update(**changes)

    def file_downloaded(self, attachment, user):
        """Called by the file download view. An original of a protected record names the denouncer, so opening
        it is logged like a reveal (Luật Tố cáo 2018 Art. 47): the access log shows every way the identity was read."""
        if not is_protected(self):
            return None
        return IdentityAccessLog.objects.create(
            user=user, granted=True, record_type=self._meta.model_name, record_id=self.pk,
            reason=f"Tải tệp gốc số {attachment.pk}", record_label=f"{self.code} – {self.pseudonym}"[:80],
        )
