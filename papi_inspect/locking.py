"""Optimistic locking: every editable record carries a version that each save raises, and an edit made from a
stale copy (a form, a /cases/ page, an API client holding an old ETag) is refused instead of overwriting.

The rule: whoever edits states the version they started from. If the record moved on meanwhile, nothing is
saved; the editor is shown both versions and decides. A writer that states no version (the tablet, older API
clients, daily jobs) still raises the version, so every editor holding an older copy hears of its change.
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from papi_inspect.audit import save

# The hidden input of every edit and step form that carries the version the page was drawn from.
VERSION_FIELD = "version_seen"


class EditConflict(ValidationError):
    """Someone saved `record` after the editor loaded it: the change from the stale copy was not saved."""

    def __init__(self, record):
        self.record = record
        super().__init__(conflict_message(record), code="conflict")


def conflict_message(record):
    """'Saved by whom, when' from the record's newest history entry, in the editor's language."""
    who, when = last_change(record)
    if who:
        return gettext(
            "Hồ sơ đã được %(who)s sửa lúc %(when)s trong khi bạn đang sửa. Chưa có gì được lưu: "
            "hãy xem bản đang lưu, rồi lưu lại nếu vẫn muốn thay đổi."
        ) % {"who": who, "when": when}
    return gettext(
        "Hồ sơ đã được người khác sửa trong khi bạn đang sửa. Chưa có gì được lưu: "
        "hãy xem bản đang lưu, rồi lưu lại nếu vẫn muốn thay đổi."
    )


def last_change(record):
    """(who, when) of the record's newest history entry; (None, None) when it has none or nobody is named."""
    history = getattr(type(record), "history", None)
    if history is None or record.pk is None:
        return None, None
    entry = type(record).history.filter(**{type(record)._meta.pk.attname: record.pk}).select_related("history_user").first()
    if entry is None or entry.history_user is None:
        return None, None
    user = entry.history_user
    profile = getattr(user, "staff_profile", None)
    name = getattr(profile, "full_name", "") or user.get_full_name() or user.username
    return name, timezone.localtime(entry.history_date).strftime("%H:%M %d/%m/%Y")


class Versioned(models.Model):
    """Abstract: a version number raised by every save, checked when the editor states the one they started from."""

    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Locking is not a business rule: it only decides whether this save may happen at all, so it lives here,
        # where no path (admin, /cases/, API, tablet, a service) can forget it.
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        expected = self.__dict__.pop("_expected_version", None)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "version" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "version"]
        with transaction.atomic(using=kwargs.get("using")):
            self.version = claim_version(self, expected, using=kwargs.get("using"))
            return super().save(*args, **kwargs)


def claim_version(record, expected, *, using=None):
    """Raise the stored version of `record` and return the new one; refuse with EditConflict when `expected` is
    given and no longer stored. The UPDATE both checks and locks the row until the transaction ends."""
    rows = type(record)._base_manager.using(using or record._state.db or "default").filter(pk=record.pk)
    if expected is None:
        if not rows.update(version=F("version") + 1):
            return record.version  # not stored (deleted meanwhile): Django's save decides what happens
        return rows.values_list("version", flat=True).get()
    if not rows.filter(version=expected).update(version=expected + 1):
        raise EditConflict(record)
    return expected + 1


def expect_version(record, version):
    """Make the next save of `record` conditional on the stored version still being `version` (None: no check)."""
    if version is not None:
        record._expected_version = int(version)
    return record


def save_versioned(record, reason, *, by, expected_version, **save_options):
    """Save an edit made from the copy at `expected_version`; EditConflict if the record changed since."""
    return save(expect_version(record, expected_version), reason, by=by, **save_options)


@contextmanager
def editing(record, expected_version=None):
    """Run one change of `record` (a workflow step) only if it is still at `expected_version` (default: the version
    the record was told to expect, see expect_version).

    The version is raised and the row held until the change ends, so two steps taken from the same stale page
    cannot both pass; if the change fails, the rollback restores the version.
    """
    held = record.__dict__.pop("_expected_version", None)
    expected = expected_version if expected_version is not None else held
    if expected is None or not isinstance(record, Versioned):
        yield record
        return
    with transaction.atomic():
        record.version = claim_version(record, int(expected))
        yield record


def edit_record(record, *, by, changes, expected_version, reason):
    """One edit of a record's own fields, as its back-office form makes it: the model's rules (`clean`, field and
    unique checks) apply, and nothing is saved if the record moved past `expected_version` (EditConflict)."""
    many = {name: value for name, value in changes.items() if record._meta.get_field(name).many_to_many}
    with transaction.atomic():
        for name, value in changes.items():
            if name not in many:
                setattr(record, name, value)
        record.full_clean(exclude=[field.name for field in record._meta.concrete_fields if field.name not in changes])
        save_versioned(record, reason, by=by, expected_version=expected_version)
        for name, value in many.items():
            getattr(record, name).set(value)
    return record
