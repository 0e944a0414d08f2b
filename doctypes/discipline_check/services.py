"""Discipline checks: schedule, record item results, finish, and score per unit and per staff member."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from doctypes.discipline_check.access import may_record_results, may_run_checks
from doctypes.discipline_check.models import CheckResult, DisciplineCheck
from papi_inspect.audit import save
from papi_inspect.records import check_not_past
from papi_inspect.permissions import agency_unit_ids
from papi_inspect.pctn_topics import clean_topics
from papi_inspect.photos import attach_photo


def _require_office(by, unit=None):
    if not may_run_checks(by) or (unit is not None and not by.is_superuser and unit.pk not in agency_unit_ids(by)):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở được thực hiện kiểm tra công vụ."))


@transaction.atomic
def schedule_check(*, by, template, unit, scheduled_on, announced=True, leader=None, scheduled_at=None, pctn_topics=()):
    """Put a check on the calendar, announced beforehand or not, with one pending result per item of its template.

    A check is planned ahead: never on a day already gone (`scheduled_at`, the day the schedule is drawn up, is
    today unless past records are being loaded). The template's items become the check's pending results, so
    whoever records them (the back office or the tablet) fills in outcomes instead of adding each item by hand.
    `pctn_topics`: the anti-corruption contents it checks, as 01/PCTN counts them (rows 14, 18, 25, 36, 42).
    """
    _require_office(by, unit)
    today = timezone.localdate()
    scheduled_at = min(scheduled_at or today, today)
    check_not_past(scheduled_on, field="scheduled_on", label=_("Ngày kiểm tra"), today=scheduled_at)
    if not template.active:
        raise ValidationError({"template": gettext("Mẫu phiếu này không còn được dùng.")})
    check = DisciplineCheck(template=template, unit=unit, scheduled_on=scheduled_on, announced=announced, leader=leader or by,
                            pctn_topics=clean_topics(pctn_topics))
    save(check, "Lên lịch kiểm tra công vụ", by=by)
    for item in template.items.all():
        save(CheckResult(check_record=check, item=item, outcome=CheckResult.Outcome.PENDING), "Lập phiếu từ mẫu", by=by)
    return check


@transaction.atomic
def record_results(check, *, by, results):
    """Record [(item, outcome, note, staff)] for a check; items must come from the check's template.

    The office or the check's leader records them (the leader may be an inspector working on a tablet).
    """
    if not may_record_results(by, check):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở hoặc trưởng đoàn kiểm tra được ghi kết quả kiểm tra."))
    if check.status == DisciplineCheck.Status.DONE:
        raise ValidationError(gettext("Cuộc kiểm tra đã kết thúc, không sửa kết quả được."))
    saved = []
    for item, outcome, note, staff in results:
        if item.template_id != check.template_id:
            raise ValidationError({"item": gettext('Nội dung "%(item)s" không thuộc mẫu phiếu của cuộc kiểm tra.') % {"item": item}})
        if staff is not None and staff.unit_id not in check.unit.family_ids():
            raise ValidationError({"staff": gettext('%(staff)s không thuộc đơn vị được kiểm tra.') % {"staff": staff}})
        if outcome not in CheckResult.Outcome.values or outcome == CheckResult.Outcome.PENDING:
            raise ValidationError({"outcome": gettext('Kết quả không hợp lệ: %(outcome)s.') % {"outcome": outcome}})
        result, _ = CheckResult.objects.get_or_create(
            check_record=check, item=item, staff=staff, defaults={"outcome": outcome, "note": note}
        )
        result.outcome, result.note = outcome, note
        save(result, "Ghi kết quả kiểm tra", by=by)
        saved.append(result)
    return saved


@transaction.atomic
def record_result(check, *, by, item, outcome, note="", staff=None, photos=()):
    """Record one item's result; a failed item keeps the photos taken of it as evidence."""
    result = record_results(check, by=by, results=[(item, outcome, note, staff)])[0]
    for photo in photos:
        attach_photo(result, by=by, photo=photo, description=f"Ảnh: {item.text[:200]}")
    return result


@transaction.atomic
def finish_check(check, *, by, conducted_on, summary=""):
    """Close the check; every item of the template must have a unit-level or staff-level result."""
    _require_office(by, check.unit)
    return _finish(check, by=by, conducted_on=conducted_on, summary=summary, reason="Kết thúc kiểm tra công vụ")


@transaction.atomic
def finish_check_in_field(check, *, by, conducted_on, summary=""):
    """The check's leader closes it on the spot (from the tablet) once every item has a result.

    The office named the leader and lets him record the results (may_record_results); closing it where it
    happened marks it done in the back office with the day it was conducted, which cannot be in the future.
    """
    if not may_record_results(by, check):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở hoặc trưởng đoàn kiểm tra được kết thúc cuộc kiểm tra."))
    if check.status == DisciplineCheck.Status.DONE:
        raise ValidationError(gettext("Cuộc kiểm tra đã kết thúc."))
    return _finish(check, by=by, conducted_on=conducted_on, summary=summary, reason="Trưởng đoàn kết thúc kiểm tra tại đơn vị")


def _finish(check, *, by, conducted_on, summary, reason):
    # Whoever closes it, a check is done on a day that has come (the office's path took a future day too).
    if conducted_on > timezone.localdate():
        raise ValidationError({"conducted_on": gettext("Ngày thực hiện không được sau hôm nay.")})
    recorded = check.results.exclude(outcome=CheckResult.Outcome.PENDING)
    missing = check.template.items.exclude(pk__in=recorded.values("item_id"))
    if missing.exists():
        raise ValidationError(gettext('Còn %(count)s nội dung chưa có kết quả.') % {"count": missing.count()})
    # An item scored per staff member leaves its unit-level line pending: it was never meant to be filled.
    check.results.filter(outcome=CheckResult.Outcome.PENDING).delete()
    check.status, check.conducted_on, check.summary = DisciplineCheck.Status.DONE, conducted_on, summary
    save(check, reason, by=by)
    return check


def score(results):
    """Weighted share of passed items among applicable ones, 0–100, or None when nothing applied.

    Not-applicable items count neither way, so checks from the same template stay comparable.
    """
    applicable = [r for r in results if r.outcome not in (CheckResult.Outcome.NOT_APPLICABLE, CheckResult.Outcome.PENDING)]
    total = sum(r.item.weight for r in applicable)
    if not total:
        return None
    passed = sum(r.item.weight for r in applicable if r.outcome == CheckResult.Outcome.PASS)
    return round(100 * passed / total, 1)


def summary_by_unit(check):
    # A list prefetches every check's results (admin and API): read those, not one query per row.
    if "results" in getattr(check, "_prefetched_objects_cache", {}):
        return score(list(check.results.all()))
    return score(list(check.results.select_related("item")))


def summary_by_staff(check):
    """{staff profile: score} for the items marked per staff member."""
    by_staff = {}
    for result in check.results.filter(staff__isnull=False).select_related("item", "staff"):
        by_staff.setdefault(result.staff, []).append(result)
    return {staff: score(results) for staff, results in by_staff.items()}


def template_scores(template, *, user):
    """[(check, score)] for every finished check of one template the user may see: a comparable series."""
    checks = DisciplineCheck.objects.visible_to(user).filter(template=template, status=DisciplineCheck.Status.DONE)
    return [(check, summary_by_unit(check)) for check in checks.order_by("scheduled_on")]
