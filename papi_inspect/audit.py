"""Field-level history for every doctype, with readable reasons and no sensitive fields."""

from django.db import models
from django.utils.translation import gettext, gettext_noop
from simple_history.models import HistoricalRecords
from simple_history.utils import update_change_reason  # noqa: F401  (re-exported for services)

ADMIN_EDIT_REASON = gettext_noop("Cập nhật trong trang quản trị")
API_EDIT_REASON = gettext_noop("Cập nhật qua API")


def history(*, sensitive=(), **options):
    """History for a doctype; fields listed as `sensitive` never reach the history table.

    A denouncer's identity is a state secret (Luật Tố cáo 2018 Art. 9(1)(b), 47), so it must
    not be copied into an unencrypted audit table where anyone with history access reads it.
    """
    return HistoricalRecords(
        excluded_fields=list(sensitive),
        history_change_reason_field=models.TextField(null=True),
        **options,
    )


def with_reason(instance, reason):
    """Mark the next save or delete of `instance` with a readable reason ("accept", "extend deadline")."""
    instance._change_reason = reason
    return instance


def reason_shown(reason):
    """A stored history reason in the reader's language. Reasons are kept in Vietnamese (the record of what was
    done) and marked for translation where written (gettext_noop); "Prefix: detail" translates its prefix."""
    if not reason:
        return reason
    translated = gettext(reason)
    if translated != reason:
        return translated
    head, separator, detail = reason.partition(": ")
    return f"{gettext(head)}: {detail}" if separator and gettext(head) != head else reason


def save(record, reason, *, by, **save_options):
    """Save `record` with its history entry's reason and author; `by=None` only for the system itself
    (reference loading, demo data, daily jobs), where no person acted. Returns the record."""
    if by is not None:
        record._history_user = by
    with_reason(record, reason).save(**save_options)
    return record


def delete(record, reason, *, by):
    """Delete `record`, its last history entry saying why and who."""
    if by is not None:
        record._history_user = by
    with_reason(record, reason).delete()


def current_request():
    """The request being served on this thread (simple-history's middleware keeps it), or None."""
    return getattr(HistoricalRecords.context, "request", None)


def field_changes(record):
    """(field label, old, new) for one history entry, against the entry before it."""
    previous = record.prev_record
    if previous is None:
        return []
    delta = record.diff_against(previous)
    opts = record.instance_type._meta
    return [(opts.get_field(change.field).verbose_name, change.old, change.new) for change in delta.changes]
