"""What every case shares: the visibility rule with its read-only grants, content kinds, deadline status."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.models.access_log import IdentityAccessLog
from papi_inspect.deadlines import deadline_status, unconfirmed_note
from papi_inspect.identity import ProtectedIdentity
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


class ProtectedRecord(ProtectedIdentity):
    """Abstract: a record whose person may be protected; each download of its originals is logged."""

    class Meta:
        abstract = True

    def file_downloaded(self, attachment, user):
        """Called by the file download view. An original of a protected record names the denouncer, so opening
        it is logged like a reveal (Luật Tố cáo 2018 Art. 47): the access log shows every way the identity was read."""
        if not is_protected(self):
            return None
        return IdentityAccessLog.objects.create(
            user=user, granted=True, record_type=self._meta.model_name, record_id=self.pk,
            reason=f"Tải tệp gốc số {attachment.pk}", record_label=f"{self.code} – {self.pseudonym}"[:80],
        )
