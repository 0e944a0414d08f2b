"""Word documents in the state format of NĐ 30/2020/NĐ-CP, Phụ lục I, shared by every report and letter."""

import datetime
import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
BODY_PT = 14
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def vietnamese_date(day):
    """"ngày 05 tháng 3 năm 2026": days 1–9 and months 1–2 take a leading zero (NĐ 30/2020, Phụ lục I)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def document_number(sequence, symbol):
    """"Số: 05/TB-TTr": a number under 10 takes a leading zero (NĐ 30/2020, Phụ lục I)."""
    return f"Số: {sequence:02d}/{symbol}" if sequence else f"Số:      /{symbol}"


@dataclass
class StateDocumentHeader:
    """The header block of an administrative document."""

    parent_agency: str
    issuing_agency: str
    number: str
    place: str
    date: datetime.date
    doc_type: str
    subject: str


@dataclass
class Signature:
    """The signature block and the recipients list."""

    authority: str  # e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    name: str
    recipients: list = field(default_factory=list)


class StateDocument:
    """Builds one document: header, title, body paragraphs and tables, then recipients and signature."""

    def __init__(self, header):
        self.header = header
        self.document = Document()
        self._set_up_page()
        self._write_header()

    def _set_up_page(self):
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        # Page numbers are centred in the top margin and absent from page 1.
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_page_field(number)
        style = self.document.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(BODY_PT)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.line_spacing = 1.15
        properties = self.document.core_properties
        properties.title = f"{self.header.doc_type} {self.header.subject}".strip()
        properties.author = self.header.issuing_agency

    def _write_header(self):
        h = self.header
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        left, right = table.rows[0].cells
        for column, cell, width in zip(table.columns, (left, right), (Mm(66), Mm(99))):
            column.width = cell.width = width
        _cell_lines(left, [(h.parent_agency.upper(), False, False, 13), (h.issuing_agency.upper(), True, False, 13),
                           (h.number, False, False, 13)])
        # The national title at 12 pt (NĐ 30/2020 allows 12–13) fits on one line in the right column.
        _cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
                            ("Độc lập - Tự do - Hạnh phúc", True, False, 13),
                            (f"{h.place}, {vietnamese_date(h.date)}", False, True, 14)])
        # The short rules under the issuing agency and under the motto (NĐ 30/2020, Phụ lục I).
        _rule_after(left.paragraphs[1], Mm(20))
        _rule_after(right.paragraphs[1], Mm(24))
        title = self.document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before = Pt(12)
        _run(title, h.doc_type.upper(), bold=True)
        if h.subject:
            subject = self.document.add_paragraph()
            subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(subject, h.subject, bold=True)

    def heading(self, text):
        paragraph = self.document.add_paragraph()
        _run(paragraph, text, bold=True)
        return paragraph

    def paragraph(self, text, *, bold=False, italic=False):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(10)
        _run(paragraph, text, bold=bold, italic=italic)
        return paragraph

    def table(self, columns, rows, *, size=12, bold_rows=(), align_first=None, widths=None):
        """A bordered table with a bold header row; cells are written as text (`bold_rows`: indexes of rows in bold;
        `widths`: column widths, which LibreOffice and Word honour only when set on every cell)."""
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        if widths:
            table.autofit = False
        for cell, title in zip(table.rows[0].cells, columns):
            _cell_lines(cell, [(str(title), True, False, size)])
        for index, row in enumerate(rows):
            cells = table.add_row().cells
            for position, (cell, value) in enumerate(zip(cells, row)):
                align = align_first if position < 2 and align_first is not None else WD_ALIGN_PARAGRAPH.CENTER
                _cell_lines(cell, [("" if value is None else str(value), index in bold_rows, False, size)], align=align)
        if widths:
            for row in table.rows:
                for cell, width in zip(row.cells, widths):
                    cell.width = width
            for column, width in zip(table.columns, widths):
                column.width = width
        return table

    def mark_draft(self):
        """"DỰ THẢO" above the header, right-aligned and bold: a text not yet signed says so (NĐ 30/2020, Phụ lục I)."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(paragraph, DRAFT_MARK, bold=True, size=14)
        self.document.element.body.insert(0, paragraph._p)
        return paragraph

    def form_table(self, header_rows, rows, *, size, widths, bold_rows=()):
        """A statistical form as the circular prints it: header rows (a label spanning neighbours is one merged
        cell; an empty header cell joins the one below it), then the data rows (`bold_rows`: their indexes)."""
        depth = len(header_rows)
        table = self.table(header_rows[0], header_rows[1:] + rows, size=size, widths=widths,
                           bold_rows=set(range(depth - 1)) | {depth - 1 + index for index in bold_rows})
        _narrow_cell_margins(table, FORM_CELL_MARGIN_TWIPS)
        for level, labels in enumerate(header_rows[:-1]):
            start = 0
            while start < len(labels):
                end = start
                while end + 1 < len(labels) and labels[end + 1] == labels[start] and labels[start]:
                    end += 1
                if end > start:
                    _merge(table.cell(level, start), table.cell(level, end), labels[start], size)
                start = end + 1
        for column in range(len(header_rows[0])):
            for level in range(depth - 1):
                if not header_rows[level][column] and not any(header_rows[below][column] for below in range(level, depth - 1)):
                    below = table.cell(depth - 1, column)
                    _merge(table.cell(level, column), below, header_rows[depth - 1][column], size)
                    break
        return table

    def landscape_section(self):
        """A new landscape A4 section (for wide tables), same margins, page numbers on every page."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.different_first_page_header_footer = False
        return section

    def centered(self, text, *, bold=False, italic=False, size=None):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(2)
        _run(paragraph, text, bold=bold, italic=italic, size=size)
        return paragraph

    def sign(self, signature):
        # The signature never stands alone on a page (NĐ 30/2020 Phụ lục I): the last line of text keeps with it and
        # its row does not split across pages.
        if self.document.paragraphs:
            self.document.paragraphs[-1].paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=1, cols=2)
        row_properties = table.rows[0]._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        row_properties.append(cant_split)
        left, right = table.rows[0].cells
        lines = [("Nơi nhận:", True, True, 12)] + [(line, False, False, 11) for line in recipient_lines(signature.recipients)]
        _cell_lines(left, lines, align=WD_ALIGN_PARAGRAPH.LEFT)
        authority = [(line, True, False, 14) for line in signature.authority.upper().splitlines()]
        _cell_lines(right, authority + [("", False, False, 14)] * 3 + [(signature.name, True, False, 14)])

    def to_bytes(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _run(paragraph, text, *, bold=False, italic=False, size=None):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.name = FONT
    if size:
        run.font.size = Pt(size)
    return run


def _cell_lines(cell, lines, align=WD_ALIGN_PARAGRAPH.CENTER):
    """Write (text, bold, italic, size) lines into a table cell, one paragraph each."""
    first = cell.paragraphs[0]
    for index, (text, bold, italic, size) in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, text, bold=bold, italic=italic, size=size)


# Word's default cell margins (1.9 mm a side) leave one letter per line in a 6 mm column of a 30-column form.
FORM_CELL_MARGIN_TWIPS = 28  # 0.5 mm


def _narrow_cell_margins(table, twips):
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


def _merge(first, last, text, size):
    """Merge the cells from `first` to `last` into one holding `text` once (python-docx joins their paragraphs)."""
    merged = first.merge(last)
    for paragraph in merged.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    for run in merged.paragraphs[0].runs:
        run._r.getparent().remove(run._r)
    _run(merged.paragraphs[0], str(text), bold=True, size=size)
    return merged


def _rule_after(paragraph, indent):
    """A thin centred line after `paragraph` (an empty 4 pt paragraph with a bottom border), `indent` in from each side."""
    rule = OxmlElement("w:p")
    paragraph._p.addnext(rule)
    properties = rule.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.append(borders)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "80")
    spacing.set(qn("w:lineRule"), "exact")
    properties.append(spacing)
    margins = OxmlElement("w:ind")
    margins.set(qn("w:left"), str(int(indent.twips)))
    margins.set(qn("w:right"), str(int(indent.twips)))
    properties.append(margins)


def _add_page_field(paragraph):
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


# Letters and reports are issued in the department's name; its head is the Giám đốc Sở.
HEAD = "Giám đốc"
DRAFT_MARK = "DỰ THẢO"
# How the province's people's committee is named in the organisation tree; the place is what follows.
PROVINCE_PREFIXES = ("UBND tỉnh ", "Ủy ban nhân dân tỉnh ", "UBND thành phố ", "Ủy ban nhân dân thành phố ")


def recipient_lines(recipients):
    """"Nơi nhận" as NĐ 30/2020 Phụ lục I writes it: "- X;" on every line, the last ("Lưu: VT…") ending with ".".

    Whatever punctuation a drafter typed at the end of a line is replaced, so no line ends ";;" or ".;".
    """
    names = [name.strip().lstrip("-").strip().rstrip(";.,").strip() for name in recipients]
    names = [name for name in names if name]
    return [f"- {name}{'.' if index == len(names) - 1 else ';'}" for index, name in enumerate(names)]


def agency_abbreviation(unit):
    """The issuing agency's abbreviation for a document symbol (NĐ 30/2020 Phụ lục I: "BC-SNNMT")."""
    return unit.agency().code.split("-")[0].upper()


def blank_number(doc_type, unit):
    """"Số:      /PC-SNNMT": the number left for the clerk who registers the document, the symbol of its issuing agency."""
    return document_number(None, f"{doc_type}-{agency_abbreviation(unit)}")


def place_of(unit):
    """The place printed before the date: the province of the unit's agency, from the organisation tree at the
    unit's time ("UBND tỉnh Bắc Ninh" → "Bắc Ninh"; a pre-merger unit keeps its old province)."""
    agency = unit.agency()
    parent = agency.parent.name if agency.parent_id else agency.name
    for prefix in PROVINCE_PREFIXES:
        if parent.lower().startswith(prefix.lower()):
            return parent[len(prefix):].strip()
    return parent


def signature_for(signer, *, recipients):
    """The signature block of NĐ 30/2020 (Art. 13, Phụ lục I): the head signs in their own title,
    a deputy "KT." (ký thay), a unit chief "TL." (thừa lệnh) under the head's title; then the name."""
    profile = getattr(signer, "staff_profile", None) if signer else None
    position = (profile.position if profile else "").strip()
    name = (profile.full_name if profile else "") or (signer.get_full_name() if signer else "")
    if not position or position.lower().startswith(HEAD.lower()):
        authority = HEAD
    elif position.lower().startswith(f"phó {HEAD.lower()}"):
        authority = f"KT. {HEAD}\nPhó {HEAD}"
    else:
        authority = f"TL. {HEAD}\n{position}"
    return Signature(authority=authority, name=name, recipients=recipients)


def header_for(unit, *, number, day, doc_type, subject, place=None):
    """The header block of a document issued by `unit`'s agency (the Sở), under its parent body."""
    agency = unit.agency()
    parent = agency.parent.name if agency.parent_id else agency.name
    return StateDocumentHeader(parent_agency=parent, issuing_agency=agency.name, number=number,
                               place=place or place_of(unit), date=day, doc_type=doc_type, subject=subject)
