"""Apply one tablet sync item through the back office's own services, exactly once, refusing silent overwrites."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from doctypes.discipline_check import services as checks
from doctypes.discipline_check.models import CheckResult, DisciplineCheck
from doctypes.finding import services as findings
from doctypes.finding.models import Action
from papi_inspect.audit import save
from tablet.models import SyncReceipt


class SyncConflict(Exception):
    """The server's copy changed since the device read it: both versions go back to the inspector."""

    def __init__(self, *, server, mine):
        super().__init__("conflict")
        self.server, self.mine = server, mine


def version_of(instance):
    """The base version a device must quote to edit `instance`: its latest history id, or None if it does not exist."""
    if instance is None:
        return None
    return instance.history.order_by("-history_id").values_list("history_id", flat=True).first()


def versions_of(model, ids):
    """{pk: latest history id} for many records in one query."""
    rows = model.history.filter(id__in=list(ids)).values("id").annotate(version=Max("history_id"))
    return {row["id"]: row["version"] for row in rows}


def _server_side(instance, fields):
    """What the server holds now, shown beside the device's version in a conflict."""
    if instance is None:
        return {"version": None}
    latest = instance.history.order_by("-history_id").select_related("history_user").first()
    who = latest.history_user if latest else None
    return {
        **{field: getattr(instance, field) for field in fields},
        "version": latest.history_id if latest else None,
        "changed_by": (who.get_full_name() or who.username) if who else "",
        "changed_at": latest.history_date.isoformat() if latest else None,
    }


def _check_base(instance, base_version, *, fields, mine):
    if version_of(instance) != base_version:
        raise SyncConflict(server=_server_side(instance, fields), mine=mine)


def _finding(*, by, photos, signature=None, signer_name="", signed_at=None, **values):
    finding = findings.record_finding(by=by, photos=photos, **values)
    if signature is not None:
        # The device stamps the moment of signing; an item without one was signed when it arrived.
        findings.sign_finding(finding, by=by, signer_name=signer_name, image=signature, signed_at=signed_at or timezone.now())
    return finding


def _check_result(*, by, photos, check, item, outcome, note, base_version, signature=None):
    # Lock the check so two devices editing one item are applied one after the other.
    check = DisciplineCheck.objects.select_for_update().get(pk=check.pk)
    current = (CheckResult.objects.filter(check_record=check, item=item, staff=None)
               .exclude(outcome=CheckResult.Outcome.PENDING).first())
    _check_base(current, base_version, fields=["outcome", "note"],
                mine={"outcome": outcome, "note": note, "base_version": base_version})
    return checks.record_result(check, by=by, item=item, outcome=outcome, note=note, photos=photos)


def _verification(*, by, photos, action, verified_on, note, base_version, signature=None):
    action = Action.objects.select_for_update().get(pk=action.pk)
    _check_base(action, base_version, fields=["status", "verification_note"],
                mine={"note": note, "verified_on": verified_on.isoformat(), "base_version": base_version})
    return findings.verify_action(action, by=by, verified_on=verified_on, note=note, photos=photos)


def _check_finish(*, by, photos, check, conducted_on, summary, signature=None):
    # The device sends this after the check's results (queue.js holds it back while one of them is unsettled).
    check = DisciplineCheck.objects.select_for_update().get(pk=check.pk)
    return checks.finish_check_in_field(check, by=by, conducted_on=conducted_on, summary=summary)


HANDLERS = {
    SyncReceipt.Kind.FINDING: _finding,
    SyncReceipt.Kind.CHECK_RESULT: _check_result,
    SyncReceipt.Kind.VERIFICATION: _verification,
    SyncReceipt.Kind.CHECK_FINISH: _check_finish,
}


def _replay(receipt, by):
    if receipt.user_id != by.pk:
        raise ValidationError({"key": _("Mã đồng bộ này đã được dùng cho một mục khác.")})
    return {**receipt.response, "duplicate": True}


def replay(*, by, key):
    """The stored answer for a key already applied (a retry), or None for a new item."""
    receipt = SyncReceipt.objects.filter(key=key).first()
    return None if receipt is None else _replay(receipt, by)


def apply_sync_item(*, by, key, kind, values, photos=(), signature=None):
    """Apply one item from the device in its own transaction; a key already applied returns the first answer.

    The device repeats an upload whenever it did not hear back, so the key (a UUID it made) is the only
    thing that tells a retry from a new record. Returns (answer, was_duplicate).
    """
    receipt = SyncReceipt.objects.filter(key=key).first()
    if receipt is not None:
        return _replay(receipt, by), True
    try:
        with transaction.atomic():
            record = HANDLERS[kind](by=by, photos=photos, signature=signature, **values)
            answer = {"kind": kind, "model": record._meta.model_name, "id": record.pk, "version": version_of(record)}
            save(SyncReceipt(key=key, user=by, kind=kind, content_type=ContentType.objects.get_for_model(record),
                             object_id=record.pk, response=answer), "Đồng bộ từ máy tính bảng", by=by)
    except IntegrityError:
        # Two copies of one upload raced; the one that lost rolled back and answers with the winner's receipt.
        receipt = SyncReceipt.objects.filter(key=key).first()
        if receipt is None:
            raise
        return _replay(receipt, by), True
    return answer, False


def _record_of(kind, payload):
    """What an item edits, from the device's payload: (kind, ids) for a result or a verification, None for a new finding."""
    # As text, so a malformed id (a list, say) is only a record that matches nothing, never an error.
    if kind == SyncReceipt.Kind.CHECK_RESULT:
        return kind, str(payload.get("check")), str(payload.get("item"))
    if kind == SyncReceipt.Kind.VERIFICATION:
        return kind, str(payload.get("action"))
    return None


def _base_of(payload):
    base = payload.get("base_version")
    return base if base is None or isinstance(base, int) else "invalid"


class BatchBases:
    """The versions one batch has made, so a later item on the same record builds on an earlier one.

    The device queues two edits of one checklist item on the copy it had; sent one by one, it moves the
    second onto the version the first produced (queue.js, applied()). In a batch the server does the same,
    following the chain base → version → version; a base the batch did not produce is left for the
    conflict check, so a change made by someone else is still never overwritten silently.
    """

    def __init__(self):
        self._moved = {}  # record → {base version → version after applying}

    def rebase(self, kind, payload):
        record = _record_of(kind, payload)
        moved = self._moved.get(record)
        if not moved or "base_version" not in payload:
            return payload
        base = start = _base_of(payload)
        seen = set()
        while base in moved and base not in seen:
            seen.add(base)
            base = moved[base]
        return payload if base == start else {**payload, "base_version": base}

    def applied(self, kind, payload, version):
        record = _record_of(kind, payload)
        if record is not None and version is not None:
            self._moved.setdefault(record, {})[_base_of(payload)] = version
