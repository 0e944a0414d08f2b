"""The inspection conclusion (Kết luận thanh tra) as a .docx in the NĐ 30/2020 state format."""

from django.utils.text import slugify

from papi_inspect.state_documents import Signature, StateDocument, StateDocumentHeader, blank_number, place_of


def conclusion_filename(inspection):
    return f"ket-luan-thanh-tra-{inspection.pk}-{slugify(inspection.conclusion_number or 'du-thao')}.docx"


def conclusion_docx(inspection):
    """Bytes of the conclusion: header, grounds, findings, violations, recommendations, signature."""
    owner = inspection.owner
    parent = owner.parent.name if owner.parent_id else owner.name
    number = f"Số: {inspection.conclusion_number}" if inspection.conclusion_number else blank_number("KL", owner)
    document = StateDocument(StateDocumentHeader(
        parent_agency=parent, issuing_agency=owner.name, number=number, place=place_of(owner),
        date=inspection.concluded_on or inspection.reported_on, doc_type="Kết luận thanh tra", subject=inspection.title,
    ))
    subjects = ", ".join(str(unit) for unit in inspection.subject_units.all())
    document.paragraph(
        f"Thực hiện Quyết định thanh tra số {inspection.decision_number} ngày {inspection.decision_date:%d/%m/%Y} "
        f"của {inspection.decision_signer}, Đoàn thanh tra đã tiến hành thanh tra tại {subjects} "
        f"từ ngày {inspection.fieldwork_started_on:%d/%m/%Y} đến ngày {inspection.fieldwork_ended_on:%d/%m/%Y}."
    )
    if inspection.scope:
        document.paragraph(f"Nội dung thanh tra: {inspection.scope}")
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
    document.sign(Signature(authority="Chánh Thanh tra", name=inspection.conclusion_signer,
                            recipients=[subjects, "Giám đốc Sở (để b/c)", "Lưu: VT, hồ sơ thanh tra"]))
    return document.to_bytes()
