"""Petition services (TT 05/2021/TT-TTCP): register, classify, record the outcome, merge duplicates."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.complaint_case.access import require_register, require_work
from doctypes.complaint_case.models import ContentKind, Petition
from doctypes.papi.links import link_papi
from papi_inspect.audit import save
from papi_inspect.identity import keyed_hash
from papi_inspect.permissions import Role, has_role
from papi_inspect.records import check_not_before, check_not_future, check_visible, due_date, next_code

COMPLAINTS_SUBDIMENSION = "3.2"  # PAPI 3.2: complaints and denunciations
ANTI_CORRUPTION_DIMENSION = "4"  # PAPI 4: control of corruption


def link_case_papi(record, *, anti_corruption=False):
    """Complaints and denunciations serve PAPI 3.2; anti-corruption matters also dimension 4."""
    link_papi(record, COMPLAINTS_SUBDIMENSION, *([ANTI_CORRUPTION_DIMENSION] if anti_corruption else []))


@transaction.atomic
def register_petition(
    *, by, received_on, channel, matter, unit, identity=None, anonymous=False, summary="", forwarded_by="",
    many_signers=False, content_kind="", handler=None, anti_corruption=False, has_verifiable_evidence=False,
):
    """Register an incoming petition with its processing deadline (rule petition.process, TT 05/2021).

    The sender's identity is stored encrypted; a likely duplicate (same person, same matter,
    compared by keyed hash) is flagged for an officer to merge.
    """
    require_register(by, Petition, unit)
    check_not_future(received_on, field="received_on", label="Ngày nhận đơn")
    if not (matter or "").strip():
        raise ValidationError({"matter": _("Cần tóm tắt vụ việc.")})
    if not anonymous and not (identity or {}).get("name"):
        raise ValidationError({"identity": _("Cần họ tên người gửi, hoặc đánh dấu đơn nặc danh.")})
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
    save(petition, gettext_noop("Tiếp nhận đơn"), by=by)
    if content_kind in (ContentKind.COMPLAINT, ContentKind.DENUNCIATION, ContentKind.MIXED):
        link_case_papi(petition, anti_corruption=anti_corruption)
    return petition


@transaction.atomic
def classify_petition(
    petition, *, by, content_kind, eligible, within_competence, many_signers=None, prior_resolution=None, anti_corruption=None,
    subject_area=None,
):
    """Classify a petition by content, eligibility, competence, signers and prior resolution (TT 05/2021)."""
    require_work(by, petition)
    if petition.status in (Petition.Status.PROCESSED, Petition.Status.MERGED):
        raise ValidationError({"status": _("Đơn đã xử lý hoặc đã gộp, không phân loại lại.")})
    petition.content_kind, petition.eligible, petition.within_competence = content_kind, eligible, within_competence
    if many_signers is not None:
        petition.many_signers = many_signers
    if prior_resolution:
        petition.prior_resolution = prior_resolution
    if anti_corruption is not None:
        petition.anti_corruption = anti_corruption
    if subject_area:
        petition.subject_area = subject_area
    petition.status = Petition.Status.CLASSIFIED
    save(petition, gettext_noop("Phân loại đơn"), by=by)
    if content_kind != ContentKind.REQUEST:
        link_case_papi(petition, anti_corruption=petition.anti_corruption)
    return petition


@transaction.atomic
def record_petition_outcome(petition, *, by, outcome, decided_on, transfer_to="", note="", signer=None):
    """Accept, transfer, guide, urge or file a classified petition (TT 05/2021); `signer` signs its letter.

    An anonymous petition is never accepted as a denunciation (Luật Tố cáo 2018 Art. 25); with
    verifiable evidence it is transferred or checked, otherwise filed.
    """
    require_work(by, petition)
    if petition.status != Petition.Status.CLASSIFIED:
        raise ValidationError({"status": _("Phải phân loại đơn trước khi xử lý.")})
    check_not_future(decided_on, field="decided_on", label="Ngày xử lý")
    check_not_before(decided_on, petition.received_on, field="decided_on", label="Ngày xử lý", earlier_label="ngày nhận đơn")
    if outcome == Petition.Outcome.ACCEPT:
        if petition.anonymous:
            raise ValidationError({"outcome": _("Đơn nặc danh không được thụ lý như tố cáo (Luật Tố cáo 2018, Điều 25).")})
        if not (petition.eligible and petition.within_competence):
            raise ValidationError({"outcome": _("Chỉ thụ lý đơn đủ điều kiện và thuộc thẩm quyền.")})
        if petition.content_kind not in (ContentKind.COMPLAINT, ContentKind.DENUNCIATION):
            raise ValidationError({"outcome": _("Chỉ thụ lý đơn khiếu nại hoặc tố cáo; đơn nhiều nội dung cần tách.")})
    check_outcome_fits_classification(petition, outcome)
    if outcome in (Petition.Outcome.TRANSFER, Petition.Outcome.GUIDE) and not transfer_to.strip():
        raise ValidationError({"transfer_to": _("Cần ghi cơ quan có thẩm quyền được chuyển đến hoặc hướng dẫn đến.")})
    if signer is not None and not has_role(signer, Role.LEADERSHIP, Role.CHIEF_INSPECTOR):
        raise ValidationError({"signer": _("Phiếu chuyển đơn, văn bản hướng dẫn do lãnh đạo Sở hoặc Chánh Thanh tra ký.")})
    petition.outcome, petition.outcome_on = outcome, decided_on
    petition.transfer_to, petition.outcome_note = transfer_to.strip(), note
    if signer is not None:
        petition.signer = signer
    petition.status = Petition.Status.PROCESSED
    return save(petition, f"Xử lý đơn: {Petition.Outcome(outcome).label}", by=by)


# Outside competence, an eligible petition is guided (a complaint) or transferred (TT 05/2021/TT-TTCP); TT 06/2025
# counts it in 02/XLD col 23 = 24 (hướng dẫn) + 25 (chuyển đơn), and within competence in col 4, never in both.
OUTSIDE_COMPETENCE_OUTCOMES = (Petition.Outcome.GUIDE, Petition.Outcome.TRANSFER)


def check_outcome_fits_classification(petition, outcome):
    """The outcome must agree with the competence recorded at classification (so each petition has one column)."""
    if not petition.eligible or petition.anonymous:
        # An anonymous letter is not a denunciation: with verifiable evidence it is checked within competence or
        # transferred (Luật Tố cáo 2018 Art. 25), e.g. to the police, whatever its competence.
        return
    if petition.within_competence and outcome in OUTSIDE_COMPETENCE_OUTCOMES:
        raise ValidationError({"outcome": _(
            "Đơn đã phân loại thuộc thẩm quyền thì không hướng dẫn hay chuyển đi; nếu đơn không thuộc thẩm quyền, "
            "hãy phân loại lại trước.")})
    if not petition.within_competence and outcome not in OUTSIDE_COMPETENCE_OUTCOMES:
        raise ValidationError({"outcome": _(
            "Đơn không thuộc thẩm quyền được hướng dẫn (khiếu nại) hoặc chuyển đơn (tố cáo, kiến nghị, phản ánh) "
            "đến cơ quan có thẩm quyền (Thông tư 05/2021/TT-TTCP).")})


@transaction.atomic
def merge_petitions(duplicate, *, into, by):
    """Merge a duplicate petition into the original: it is closed and points at the one kept."""
    require_work(by, duplicate)
    check_visible(into, by, field="into")
    if duplicate.pk == into.pk:
        raise ValidationError({"into": _("Không thể gộp đơn vào chính nó.")})
    if into.merged_into_id:
        raise ValidationError({"into": _("Đơn đích đã được gộp vào đơn khác.")})
    if duplicate.status == Petition.Status.MERGED:
        raise ValidationError({"status": _("Đơn này đã được gộp.")})
    duplicate.merged_into, duplicate.status = into, Petition.Status.MERGED
    save(duplicate, f"Gộp vào đơn {into.code}", by=by)
    # Raising their versions tells anyone editing those petitions that they changed (papi_inspect.locking).
    Petition.objects.filter(merged_into=duplicate).update(merged_into=into, version=F("version") + 1)
    if duplicate.many_signers and not into.many_signers:
        into.many_signers = True
        save(into, f"Nhận gộp đơn {duplicate.code}", by=by)
    return into
