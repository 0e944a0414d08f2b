"""The workflow steps of each case kind, shared by the back office, the /cases/ screens and the API.

Each step is (label, input serializer, service, when): `when(record)` says whether it is a
next action worth offering; the service still decides, and refuses with its reason.
"""

from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case import api
from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services import complaint as services_complaint
from doctypes.complaint_case.services import denunciation as services_denunciation
from doctypes.complaint_case.services import verification as services_verification
from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition

P, C, D = Petition.Status, ComplaintCase.Status, Denunciation.Status


def _in(*statuses):
    return lambda record: record.status in statuses


PETITION_STEPS = {
    "classify": (_("Phân loại đơn"), api.ClassifyInput, services.classify_petition, _in(P.RECEIVED, P.CLASSIFIED)),
    "outcome": (_("Ghi kết quả xử lý đơn"), api.OutcomeInput, services.record_petition_outcome, _in(P.CLASSIFIED)),
    "merge": (_("Gộp vào đơn khác (ghi số thứ tự đơn đích)"), api.MergeInput, api.merge_visible,
              lambda p: p.status in (P.RECEIVED, P.CLASSIFIED) and p.duplicate_of_id is not None),
}

COMPLAINT_STEPS = {
    "accept": (_("Thụ lý (Điều 27)"), api.AcceptInput, services_complaint.accept_complaint, _in(C.RECEIVED)),
    "verify": (_("Ghi kết quả xác minh"), api.VerifyInput, services_complaint.record_verification, _in(C.ACCEPTED)),
    "dialogue": (_("Ghi kết quả đối thoại"), api.DialogueInput, services_complaint.record_dialogue, _in(C.VERIFIED)),
    "decide": (_("Ra quyết định giải quyết"), api.DecideInput, services_complaint.decide_complaint,
               lambda c: c.status == C.DIALOGUED or (c.status == C.VERIFIED and c.level == ComplaintCase.Instance.FIRST)),
}

DENUNCIATION_STEPS = {
    "extend-initial": (_("Kéo dài xử lý ban đầu (Điều 24)"), api.ReasonInput, services_denunciation.extend_initial_processing,
                       lambda d: d.status == D.RECEIVED and not d.initial_extended),
    "decline": (_("Không thụ lý"), api.DeclineInput, services_denunciation.decline_denunciation, _in(D.RECEIVED)),
    "accept": (_("Thụ lý (Điều 29)"), api.AcceptInput, services_denunciation.accept_denunciation, _in(D.RECEIVED)),
    "notify": (_("Ghi thông báo thụ lý"), api.NoticeInput, services_denunciation.record_acceptance_notice,
               lambda d: d.status == D.ACCEPTED and not d.notified_on),
    "extend": (_("Gia hạn giải quyết (Điều 30)"), api.ExtendInput, services_denunciation.extend_resolution,
               lambda d: d.status == D.ACCEPTED and d.extensions.count() < services_denunciation.MAX_EXTENSIONS),
    "conclude": (_("Kết luận nội dung tố cáo"), api.ConcludeInput, services_denunciation.conclude_denunciation, _in(D.ACCEPTED)),
    "handle": (_("Xử lý kết luận"), api.HandleInput, services_denunciation.record_handling, _in(D.CONCLUDED)),
    "request-report": (_("Yêu cầu báo cáo khi quá hạn (Điều 38)"), api.ReportRequestInput,
                       services_denunciation.request_overdue_report,
                       lambda d: d.status == D.ACCEPTED and d.is_overdue and not d.report_requested_on),
    "assign-verifier": (_("Giao xác minh (Điều 31)"), api.AssignVerifierInput, services_verification.assign_verifier,
                        _in(D.ACCEPTED)),
    "unassign-verifier": (_("Thôi giao xác minh"), api.VerifierInput, services_verification.unassign_verifier,
                          lambda d: d.verifiers.exists()),
    "redact": (_("Lập bản che danh tính tự động (.txt, .docx, nội dung đơn)"), api.EmptyInput,
               services_verification.make_redacted_copies, lambda d: d.verifiers.exists()),
    "upload-redacted": (_("Tải bản che của tệp scan (PDF, ảnh)"), api.RedactedUploadInput,
                        services_verification.upload_redacted_copy,
                        lambda d: d.verifiers.exists() and services_verification.pending_originals(d).exists()),
}

# Steps only the handler or the chief inspector may take (Art. 31): others are not offered them.
MANAGER_STEPS = {"assign-verifier", "unassign-verifier", "redact", "upload-redacted"}

STEPS = {Petition: PETITION_STEPS, ComplaintCase: COMPLAINT_STEPS, Denunciation: DENUNCIATION_STEPS}


def admin_steps(model):
    """{name: (label, serializer, service)} as the back office's StepAdminMixin takes them."""
    return {name: spec[:3] for name, spec in STEPS[model].items()}


def next_steps(record, user):
    """The steps worth offering `user` on `record` now, in workflow order."""
    offered = []
    for name, (label, serializer, service, when) in STEPS[type(record)].items():
        if name in MANAGER_STEPS and not services_verification.may_manage_verification(user, record):
            continue
        if name == "request-report" and not services_denunciation.may_request_report(user, record):
            continue
        if when(record):
            offered.append((name, label, serializer))
    return offered
