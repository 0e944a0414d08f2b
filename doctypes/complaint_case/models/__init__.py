"""Models of the doctype: petitions, complaint cases, denunciations, their verification and the reveal log."""

from doctypes.complaint_case.models.access_log import IdentityAccessLog
from doctypes.complaint_case.models.base import (
    CaseQuerySet, ContentKind, DeadlineMixin, ProtectedRecord, entitled_files, is_protected, sealed_text_field,
)
from doctypes.complaint_case.models.cases import ComplaintCase, Denunciation, DenunciationExtension, Verdict
from doctypes.complaint_case.models.petition import Petition
from doctypes.complaint_case.models.verification import DenunciationVerifier, RedactedCopy

__all__ = [
    "CaseQuerySet", "ComplaintCase", "ContentKind", "DeadlineMixin", "Denunciation", "DenunciationExtension",
    "DenunciationVerifier", "IdentityAccessLog", "Petition", "ProtectedRecord", "RedactedCopy", "entitled_files", "is_protected",
    "sealed_text_field", "Verdict",
]
