"""The workflow steps of each case kind, declared once: the back office, /cases/ and the API are built from them.

`when` says whether a step is worth offering now; `may` narrows who is offered it. The service still
decides, and refuses with its reason.
"""

from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case import inputs
from doctypes.complaint_case.dialogue_link import dialogue_step
from doctypes.complaint_case.models import ComplaintCase, ContentKind, Denunciation, Petition
from doctypes.complaint_case.services import complaint, denunciation, petition, verification, withdrawal
from papi_inspect.steps import Step, Workflow

P, C, D = Petition.Status, ComplaintCase.Status, Denunciation.Status


def _accepted(petition, kind):
    return petition.outcome == Petition.Outcome.ACCEPT and petition.content_kind == kind


def _in(*statuses):
    return lambda record: record.status in statuses


PETITION_STEPS = Workflow(Petition, [
    Step("classify", _("Phân loại đơn"), inputs.ClassifyInput, petition.classify_petition, _in(P.RECEIVED, P.CLASSIFIED)),
    Step("outcome", _("Ghi kết quả xử lý đơn"), inputs.OutcomeInput, petition.record_petition_outcome, _in(P.CLASSIFIED)),
    Step("merge", _("Gộp vào đơn khác (ghi số thứ tự đơn đích)"), inputs.MergeInput, petition.merge_petitions,
         lambda p: p.status in (P.RECEIVED, P.CLASSIFIED) and p.duplicate_of_id is not None),
    # Handovers: an accepted petition opens its case, through the same services as the API's create with `petition`.
    Step("open-complaint", _("Mở vụ khiếu nại từ đơn"), inputs.ComplaintFromPetitionInput, complaint.complaint_from_petition,
         lambda p: _accepted(p, ContentKind.COMPLAINT) and not ComplaintCase.objects.filter(petition=p).exists(),
         permissions=("complaint_case.add_complaintcase",)),
    Step("open-denunciation", _("Mở vụ tố cáo từ đơn"), inputs.DenunciationFromPetitionInput,
         denunciation.denunciation_from_petition,
         lambda p: _accepted(p, ContentKind.DENUNCIATION) and not Denunciation.objects.filter(petition=p).exists(),
         permissions=("complaint_case.add_denunciation",)),
])

COMPLAINT_STEPS = Workflow(ComplaintCase, [
    Step("accept", _("Thụ lý (Điều 27)"), inputs.AcceptInput, complaint.accept_complaint, _in(C.RECEIVED)),
    Step("verify", _("Ghi kết quả xác minh"), inputs.VerifyInput, complaint.record_verification, _in(C.ACCEPTED)),
    # Art. 30: recorded in the dialogue register when one is installed (dialogue_link), else as text on the case.
    dialogue_step(Step("dialogue", _("Ghi kết quả đối thoại"), inputs.DialogueInput, complaint.record_dialogue, _in(C.VERIFIED))),
    Step("decide", _("Ra quyết định giải quyết"), inputs.DecideInput, complaint.decide_complaint,
         lambda c: c.status == C.DIALOGUED or (c.status == C.VERIFIED and c.level == ComplaintCase.Instance.FIRST)),
    Step("withdraw", _("Rút khiếu nại, đình chỉ giải quyết (Điều 10)"), inputs.WithdrawInput, withdrawal.withdraw_complaint,
         _in(C.RECEIVED, C.ACCEPTED, C.VERIFIED, C.DIALOGUED)),
])


def _manages(user, case):
    # Art. 31: only the handler or the chief inspector forms the verification team and releases copies.
    return verification.may_manage_verification(user, case)


DENUNCIATION_STEPS = Workflow(Denunciation, [
    Step("extend-initial", _("Kéo dài xử lý ban đầu (Điều 24)"), inputs.ReasonInput, denunciation.extend_initial_processing,
         lambda d: d.status == D.RECEIVED and not d.initial_extended),
    Step("decline", _("Không thụ lý"), inputs.DeclineInput, denunciation.decline_denunciation, _in(D.RECEIVED)),
    Step("accept", _("Thụ lý (Điều 29)"), inputs.AcceptInput, denunciation.accept_denunciation, _in(D.RECEIVED)),
    Step("notify", _("Ghi thông báo thụ lý"), inputs.NoticeInput, denunciation.record_acceptance_notice,
         lambda d: d.status == D.ACCEPTED and not d.notified_on),
    Step("mark-complex", _("Xác định vụ việc phức tạp (Điều 30)"), inputs.ReasonInput, denunciation.mark_complex,
         lambda d: d.status in (D.RECEIVED, D.ACCEPTED) and not d.is_complex),
    Step("mark-especially-complex", _("Xác định vụ việc đặc biệt phức tạp (Điều 30)"), inputs.ReasonInput,
         denunciation.mark_especially_complex,
         lambda d: d.status in (D.RECEIVED, D.ACCEPTED) and d.is_complex and not d.is_especially_complex),
    Step("extend", _("Gia hạn giải quyết (Điều 30)"), inputs.ExtendInput, denunciation.extend_resolution,
         lambda d: d.status == D.ACCEPTED and d.extensions.count() < denunciation.extensions_allowed(d)),
    Step("conclude", _("Kết luận nội dung tố cáo"), inputs.ConcludeInput, denunciation.conclude_denunciation, _in(D.ACCEPTED)),
    Step("handle", _("Xử lý kết luận"), inputs.HandleInput, denunciation.record_handling, _in(D.CONCLUDED)),
    Step("withdraw", _("Rút tố cáo, đình chỉ giải quyết (Điều 33)"), inputs.WithdrawInput, withdrawal.withdraw_denunciation,
         _in(D.RECEIVED, D.ACCEPTED)),
    Step("request-report", _("Yêu cầu báo cáo khi quá hạn (Điều 38)"), inputs.ReportRequestInput,
         denunciation.request_overdue_report, lambda d: d.status == D.ACCEPTED and d.is_overdue and not d.report_requested_on,
         may=lambda user, case: denunciation.may_request_report(user, case)),
    Step("assign-verifier", _("Giao xác minh (Điều 31)"), inputs.AssignVerifierInput, verification.assign_verifier,
         _in(D.ACCEPTED), may=_manages),
    Step("unassign-verifier", _("Thôi giao xác minh"), inputs.VerifierInput, verification.unassign_verifier,
         lambda d: d.verifiers.exists(), may=_manages),
    Step("redact", _("Lập bản che danh tính tự động (.txt, .docx, nội dung đơn)"), inputs.EmptyInput,
         verification.make_redacted_copies, lambda d: d.verifiers.exists(), may=_manages),
    Step("confirm-copy", _("Xác nhận bản che đã kiểm tra (giao cho tổ xác minh)"), inputs.ConfirmCopyInput,
         verification.confirm_redacted_copy, lambda d: verification.unconfirmed_copies(d).exists(), may=_manages),
    Step("upload-redacted", _("Tải bản che của tệp scan (PDF, ảnh)"), inputs.RedactedUploadInput,
         verification.upload_redacted_copy,
         lambda d: d.verifiers.exists() and verification.pending_originals(d).exists(), may=_manages),
])

WORKFLOWS = {Petition: PETITION_STEPS, ComplaintCase: COMPLAINT_STEPS, Denunciation: DENUNCIATION_STEPS}
