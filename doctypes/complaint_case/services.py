"""Petition services (TT 05/2021/TT-TTCP) and the checks every case service shares."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from doctypes.complaint_case.identity import keyed_hash
from doctypes.complaint_case.models import ContentKind, Petition
from doctypes.papi.models import Dimension
from papi_inspect.audit import with_reason
from papi_inspect.db_locks import hold_until_commit
from papi_inspect.deadlines import DeadlineError, compute_deadline
from papi_inspect.permissions import Role, has_role

COMPLAINTS_SUBDIMENSION = "3.2"  # PAPI 3.2: complaints and denunciations
ANTI_CORRUPTION_DIMENSION = "4"  # PAPI 4: control of corruption


def check_not_future(day, *, field, label):
    """A receipt (or any recorded event) cannot lie in the future."""
    if day > timezone.localdate():
        raise ValidationError({field: f"{label} ({day:%d/%m/%Y}) không được sau ngày hôm nay."})


def check_not_before(day, earlier, *, field, label, earlier_label):
    if day < earlier:
        raise ValidationError({field: f"{label} ({day:%d/%m/%Y}) không được trước {earlier_label} ({earlier:%d/%m/%Y})."})


def require_status(case, *statuses, message):
    """A step out of order is refused with the reason why (deciding before verifying, …)."""
    if case.status not in statuses:
        raise ValidationError({"status": message})


def due_date(code, start, **options):
    """The due date from the deadline engine; a missing rule becomes a readable validation error."""
    try:
        return compute_deadline(code, start, **options).due
    except DeadlineError as exc:
        raise ValidationError({exc.field: str(exc)}) from exc


def next_code(model, prefix, year):
    """"PREFIX-YYYY-NNNN", the next free number of the year."""
    stem = f"{prefix}-{year}-"
    hold_until_commit(f"next_code:{model._meta.label}:{stem}")
    taken = model.objects.filter(code__startswith=stem).values_list("code", flat=True)
    numbers = [int(code.rsplit("-", 1)[1]) for code in taken if code.rsplit("-", 1)[1].isdigit()]
    return f"{stem}{max(numbers, default=0) + 1:04d}"


def link_papi(record, *, anti_corruption=False):
    """Complaints and denunciations serve PAPI 3.2; anti-corruption matters also dimension 4."""
    codes = [COMPLAINTS_SUBDIMENSION] + ([ANTI_CORRUPTION_DIMENSION] if anti_corruption else [])
    record.papi.add(*Dimension.objects.filter(code__in=codes))


def save(record, reason, *, by):
    record._history_user = by
    with_reason(record, reason).save()
    return record


@transaction.atomic
def register_petition(
    *, by, received_on, channel, matter, unit, identity=None, anonymous=False, summary="", forwarded_by="",
    many_signers=False, content_kind="", handler=None, anti_corruption=False, has_verifiable_evidence=False,
):
    """Register an incoming petition with its processing deadline (rule petition.process, TT 05/2021).

    The sender's identity is stored encrypted; a likely duplicate (same person, same matter,
    compared by keyed hash) is flagged for an officer to merge.
    """
    check_not_future(received_on, field="received_on", label="Ngày nhận đơn")
    if not (matter or "").strip():
        raise ValidationError({"matter": "Cần tóm tắt vụ việc."})
    if not anonymous and not (identity or {}).get("name"):
        raise ValidationError({"identity": "Cần họ tên người gửi, hoặc đánh dấu đơn nặc danh."})
    petition = Petition(
        code=next_code(Petition, "DON", received_on.year), received_on=received_on, channel=channel,
        forwarded_by=forwarded_by, anonymous=anonymous, matter=matter.strip(), summary=summary,
        many_signers=many_signers, content_kind=content_kind, unit=unit, handler=handler,
        anti_corruption=anti_corruption, has_verifiable_evidence=has_verifiable_evidence,
        process_due=due_date("petition.process", received_on), registered_by=by,
    )
    petition.pseudonym = f"Người gửi {petition.code}"
    petition.set_identity({} if anonymous else identity)
    if petition.person_key:
        petition.matter_key = keyed_hash(petition.person_key, petition.matter)
        petition.duplicate_of = (
            Petition.objects.filter(matter_key=petition.matter_key, merged_into__isnull=True).order_by("received_on", "id").first()
        )
    save(petition, "Tiếp nhận đơn", by=by)
    if content_kind in (ContentKind.COMPLAINT, ContentKind.DENUNCIATION, ContentKind.MIXED):
        link_papi(petition, anti_corruption=anti_corruption)
    return petition


@transaction.atomic
def classify_petition(
    petition, *, by, content_kind, eligible, within_competence, many_signers=None, prior_resolution=None, anti_corruption=None,
):
    """Classify a petition by content, eligibility, competence, signers and prior resolution (TT 05/2021)."""
    if petition.status in (Petition.Status.PROCESSED, Petition.Status.MERGED):
        raise ValidationError({"status": "Đơn đã xử lý hoặc đã gộp, không phân loại lại."})
    petition.content_kind, petition.eligible, petition.within_competence = content_kind, eligible, within_competence
    if many_signers is not None:
        petition.many_signers = many_signers
    if prior_resolution:
        petition.prior_resolution = prior_resolution
    if anti_corruption is not None:
        petition.anti_corruption = anti_corruption
    petition.status = Petition.Status.CLASSIFIED
    save(petition, "Phân loại đơn", by=by)
    if content_kind != ContentKind.REQUEST:
        link_papi(petition, anti_corruption=petition.anti_corruption)
    return petition


@transaction.atomic
def record_petition_outcome(petition, *, by, outcome, decided_on, transfer_to="", note="", signer=None):
    """Accept, transfer, guide, urge or file a classified petition (TT 05/2021); `signer` signs its letter.

    An anonymous petition is never accepted as a denunciation (Luật Tố cáo 2018 Art. 25); with
    verifiable evidence it is transferred or checked, otherwise filed.
    """
    if petition.status != Petition.Status.CLASSIFIED:
        raise ValidationError({"status": "Phải phân loại đơn trước khi xử lý."})
    check_not_future(decided_on, field="decided_on", label="Ngày xử lý")
    check_not_before(decided_on, petition.received_on, field="decided_on", label="Ngày xử lý", earlier_label="ngày nhận đơn")
    if outcome == Petition.Outcome.ACCEPT:
        if petition.anonymous:
            raise ValidationError({"outcome": "Đơn nặc danh không được thụ lý như tố cáo (Luật Tố cáo 2018, Điều 25)."})
        if not (petition.eligible and petition.within_competence):
            raise ValidationError({"outcome": "Chỉ thụ lý đơn đủ điều kiện và thuộc thẩm quyền."})
        if petition.content_kind not in (ContentKind.COMPLAINT, ContentKind.DENUNCIATION):
            raise ValidationError({"outcome": "Chỉ thụ lý đơn khiếu nại hoặc tố cáo; đơn nhiều nội dung cần tách."})
    if outcome in (Petition.Outcome.TRANSFER, Petition.Outcome.GUIDE) and not transfer_to.strip():
        raise ValidationError({"transfer_to": "Cần ghi cơ quan có thẩm quyền được chuyển đến hoặc hướng dẫn đến."})
    if signer is not None and not has_role(signer, Role.LEADERSHIP, Role.CHIEF_INSPECTOR):
        raise ValidationError({"signer": "Phiếu chuyển đơn, văn bản hướng dẫn do lãnh đạo Sở hoặc Chánh Thanh tra ký."})
    petition.outcome, petition.outcome_on = outcome, decided_on
    petition.transfer_to, petition.outcome_note = transfer_to.strip(), note
    if signer is not None:
        petition.signer = signer
    petition.status = Petition.Status.PROCESSED
    return save(petition, f"Xử lý đơn: {Petition.Outcome(outcome).label}", by=by)


@transaction.atomic
def merge_petitions(duplicate, *, into, by):
    """Merge a duplicate petition into the original: it is closed and points at the one kept."""
    if duplicate.pk == into.pk:
        raise ValidationError({"into": "Không thể gộp đơn vào chính nó."})
    if into.merged_into_id:
        raise ValidationError({"into": "Đơn đích đã được gộp vào đơn khác."})
    if duplicate.status == Petition.Status.MERGED:
        raise ValidationError({"status": "Đơn này đã được gộp."})
    duplicate.merged_into, duplicate.status = into, Petition.Status.MERGED
    save(duplicate, f"Gộp vào đơn {into.code}", by=by)
    Petition.objects.filter(merged_into=duplicate).update(merged_into=into)
    if duplicate.many_signers and not into.many_signers:
        into.many_signers = True
        save(into, f"Nhận gộp đơn {duplicate.code}", by=by)
    return into
