"""Recording a duty to publish, its deadline from the rule in force, and the day it was published."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doctypes.papi.models import Dimension
from doctypes.publication.access import may_keep_publications
from doctypes.publication.models import Publication
from papi_inspect.audit import save
from papi_inspect.deadlines import DeadlineError, compute_deadline
from papi_inspect.records import check_not_future

# The deadline rule (fixtures/deadline_rules.json, each citing its article) of each kind that has one. The other
# kinds' grounds vary with the document (a plan's own text, a land decision's notice period): their deadline, if
# any, is typed with the ground it comes from.
KIND_RULES = {
    Publication.Kind.BUDGET_ESTIMATE: "publication.budget_estimate",
    Publication.Kind.BUDGET_SETTLEMENT: "publication.budget_settlement",
    Publication.Kind.PROCUREMENT: "publication.procurement_plan",
    Publication.Kind.INSPECTION_CONCLUSION: "publication.inspection_conclusion",
}
UNCONFIRMED_MARK = " (chưa đối chiếu văn bản chính thức)"
TRANSPARENCY_DIMENSION = "2"  # PAPI dimension 2, Công khai, minh bạch


def require_keeper(by, unit):
    if not may_keep_publications(by, unit):
        raise PermissionDenied(_("Chỉ đơn vị công khai (hoặc Văn phòng Sở) được ghi sổ công khai của đơn vị này."))


def apply_deadline(publication):
    """Set the deadline and its legal ground from the rule in force on the triggering date (the rule's citation,
    marked when it is not yet verified); a kind without a rule keeps the deadline typed."""
    code = KIND_RULES.get(publication.kind, "")
    publication.rule_code = code
    if not code:
        return
    try:
        deadline = compute_deadline(code, publication.triggered_on)
    except DeadlineError as error:
        raise ValidationError({"triggered_on": str(error)}) from error
    publication.due_on = deadline.due
    # Stored text, kept in Vietnamese whatever the language of the user who saved it (the register is an official record).
    publication.legal_ground = deadline.rule.citation + (UNCONFIRMED_MARK if deadline.rule.unconfirmed else "")


def check_publication(publication):
    """The rules of one entry, for a new one and for every correction."""
    if not (publication.title or "").strip():
        raise ValidationError({"title": _("Cần trích yếu nội dung công khai.")})
    check_not_future(publication.triggered_on, field="triggered_on", label=_("Ngày phát sinh nghĩa vụ công khai"))
    apply_deadline(publication)
    if publication.due_on and publication.due_on < publication.triggered_on:
        raise ValidationError({"due_on": _("Hạn công khai không được trước ngày phát sinh nghĩa vụ.")})
    if publication.channel and publication.channel not in Publication.Channel.values:
        raise ValidationError({"channel": _("Hình thức công khai không hợp lệ.")})
    if publication.published_on:
        check_not_future(publication.published_on, field="published_on", label=_("Ngày công khai"))
        if publication.published_on < publication.triggered_on:
            raise ValidationError({"published_on": _("Ngày công khai không được trước ngày phát sinh nghĩa vụ.")})
        if not publication.channel:
            raise ValidationError({"channel": _("Cần ghi hình thức công khai (cổng thông tin, niêm yết, hội nghị…).")})


@transaction.atomic
def record_publication(*, by, unit, kind, title, triggered_on, legal_ground="", due_on=None, channel="",
                       published_on=None, note="", papi=None, plan_tasks=()):
    """A duty to publish (and, if already met, when and where); PAPI dimension 2 unless other links are given."""
    require_keeper(by, unit)
    if kind not in Publication.Kind.values:
        raise ValidationError({"kind": _("Loại nội dung công khai không hợp lệ.")})
    publication = Publication(unit=unit, kind=kind, title=(title or "").strip(), triggered_on=triggered_on,
                              legal_ground=legal_ground, due_on=due_on, channel=channel or "",
                              published_on=published_on, note=note, recorded_by=by)
    check_publication(publication)
    save(publication, "Ghi sổ công khai", by=by)
    publication.papi.set(papi or Dimension.objects.filter(code=TRANSPARENCY_DIMENSION))
    publication.plan_tasks.set(plan_tasks)
    return publication


@transaction.atomic
def correct_publication(publication, *, by):
    """Save a corrected entry (its fields already changed by the form) after the same checks as a new one."""
    require_keeper(by, publication.unit)
    if publication.pk:
        stored = Publication.objects.get(pk=publication.pk)
        require_keeper(by, stored.unit)  # moving an entry away from another unit is not a way into it
    check_publication(publication)
    return save(publication, "Sửa sổ công khai", by=by)


@transaction.atomic
def mark_published(publication, *, by, published_on, channel, note=None):
    """Record that the duty was met: the day (not in the future) and where."""
    publication.published_on, publication.channel = published_on, channel
    if note is not None:
        publication.note = note
    return correct_publication(publication, by=by)
