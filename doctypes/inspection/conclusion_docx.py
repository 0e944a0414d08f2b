"""The inspection conclusion (Kết luận thanh tra) as a .docx in the NĐ 30/2020 state format."""

from django.utils.text import slugify

from doctypes.inspection.models import Inspection
from doctypes.inspection.regimes import regime_on
from papi_inspect.state_documents import (
    Signature, StateDocument, StateDocumentHeader, agency_abbreviation, document_number, place_of,
)


def conclusion_filename(inspection):
    return f"ket-luan-thanh-tra-{inspection.pk}-{slugify(inspection.conclusion_number or 'du-thao')}.docx"


def conclusion_docx(inspection):
    """Bytes of the conclusion: header, grounds, findings, violations, recommendations, signature.

    The issuing body, the document's name and the signer's title follow the law in force on its date
    (doctypes/inspection/regimes.py): from 1/7/2025 a department issues a "Kết luận kiểm tra" signed by its head.
    """
    owner = inspection.owner
    day = inspection.concluded_on or inspection.reported_on
    regime = regime_on(day, provincial=inspection.level == Inspection.Level.PROVINCIAL)
    agency = owner.agency()
    if regime.issuer == "department":
        parent, issuing, symbol = (agency.parent.name if agency.parent_id else agency.name), agency.name, agency_abbreviation(owner)
    elif regime.issuer == "province":
        parent, issuing, symbol = (agency.parent.name if agency.parent_id else agency.name), f"Thanh tra tỉnh {place_of(owner)}", "TTr"
    else:
        parent, issuing = (owner.parent.name if owner.parent_id else owner.name), owner.name
        symbol = agency_abbreviation(owner)
    # Unnumbered: the blank left for the clerk, under the symbol of the body that issues it.
    number = f"Số: {inspection.conclusion_number}" if inspection.conclusion_number else document_number(None, f"KL-{symbol}")
    document = StateDocument(StateDocumentHeader(
        parent_agency=parent, issuing_agency=issuing, number=number, place=place_of(owner),
        date=day, doc_type=regime.conclusion, subject=inspection.title,
    ))
    subjects = ", ".join(str(unit) for unit in inspection.subject_units.all())
    work = "kiểm tra" if regime.conclusion.endswith("kiểm tra") else "thanh tra"
    document.paragraph(
        f"Căn cứ {regime.law}; thực hiện {regime.decision} số {inspection.decision_number} ngày "
        f"{inspection.decision_date:%d/%m/%Y} của {inspection.decision_signer}, {regime.team} đã tiến hành {work} tại "
        f"{subjects} từ ngày {inspection.fieldwork_started_on:%d/%m/%Y} đến ngày {inspection.fieldwork_ended_on:%d/%m/%Y}."
    )
    if inspection.scope:
        document.paragraph(f"Nội dung {work}: {inspection.scope}")
    findings = list(inspection.findings.prefetch_related("violations", "actions__owner_unit"))
    document.heading("I. KẾT QUẢ KIỂM TRA, XÁC MINH")
    for index, finding in enumerate(findings, start=1):
        basis = ", ".join(p for p in (
            f"khoản {finding.legal_clause}" if finding.legal_clause else "",
            f"Điều {finding.legal_article}" if finding.legal_article else "", finding.legal_document) if p)
        document.paragraph(f"{index}. {finding.title}", bold=True)
        document.paragraph(f"Thực trạng: {finding.condition}")
        if basis:
            document.paragraph(f"Căn cứ: {basis}.")
    document.heading("II. KẾT LUẬN")
    document.paragraph(inspection.conclusion_summary or "(Nội dung kết luận)")
    violations = [v for f in findings for v in f.violations.all()]
    if violations:
        document.heading("III. VI PHẠM VÀ XỬ LÝ")
        document.table(["TT", "Đơn vị, cá nhân", "Vi phạm", "Hình thức xử lý", "Phải thu hồi (đồng)"], [
            (i, f"{v.responsible_unit} {v.responsible_person}".strip(), v.kind, v.get_sanction_display(), f"{v.amount_to_recover:,.0f}".replace(",", "."))
            for i, v in enumerate(violations, start=1)
        ])
    actions = [a for f in findings for a in f.actions.all()]
    if actions:
        document.heading("IV. KIẾN NGHỊ")
        document.table(["TT", "Nội dung kiến nghị", "Đơn vị thực hiện", "Hạn"], [
            (i, a.description, a.owner_unit, f"{a.due_on:%d/%m/%Y}") for i, a in enumerate(actions, start=1)
        ])
    # The head who signs is not among the recipients (NĐ 30/2020 Art. 15): "Giám đốc Sở (để b/c)" only when he is not the signer.
    report_to = [] if regime.issuer == "department" else ["Giám đốc Sở (để b/c)"]
    document.sign(Signature(authority=regime.authority, name=inspection.conclusion_signer,
                            recipients=[subjects, *report_to, f"Lưu: VT, hồ sơ {work}"]))
    return document.to_bytes()
