"""Blacking out a denouncer's identity in text and .docx files (Luật Tố cáo 2018 Art. 9(1)(b), 47).

Matching ignores case, accents and the separators people type between words or digits, so
"Hoàng Thị Bí Mật", "HOANG THI BI MAT" and "hoang-thi-bi-mat" are all found, as are
"0912 345 678" and "0912.345.678".
"""

import io
import re
import unicodedata
import zipfile

from docx import Document

MASK = "[đã che]"
TEXT_PARTS = ("address", "id_number", "phone", "representative")
_DIGIT_GAP = r"[\s.\-]?"
_WORD_GAP = r"[\s\-_.,;]+"


def _fold_char(char):
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    # Keep one character per character, so a match in the folded text is a span of the original.
    return base if len(base) == 1 else char


def fold(text):
    return "".join(_fold_char(char) for char in unicodedata.normalize("NFC", text or ""))


def _pattern(value):
    folded = fold(value).strip()
    if not folded:
        return None
    if re.fullmatch(r"[\d\s.\-+]+", folded):
        digits = re.sub(r"\D", "", folded)
        if len(digits) < 4:
            return None  # too short to be identifying, and would hit ordinary numbers
        return r"(?<!\d)" + _DIGIT_GAP.join(digits) + r"(?!\d)"
    words = re.findall(r"\w+", folded)
    return r"(?<!\w)" + _WORD_GAP.join(re.escape(word) for word in words) + r"(?!\w)" if words else None


def identity_terms(identity, pseudonym):
    """(pattern, replacement) pairs for every identity value, longest first so a full name wins over its tail."""
    terms = []
    name = (identity.get("name") or "").strip()
    if name:
        terms.append((name, pseudonym))
        words = name.split()
        if len(words) >= 3:
            # People are called by their last two names ("bà Bí Mật"), which identify them as well.
            terms.append((" ".join(words[-2:]), pseudonym))
    for part in TEXT_PARTS:
        value = (identity.get(part) or "").strip()
        if value:
            terms.append((value, MASK))
            if part == "address":
                # The house-number part of an address identifies the household on its own.
                terms += [(piece.strip(), MASK) for piece in value.split(",") if re.search(r"\d", piece) and piece.strip() != value]
    compiled = [(re.compile(pattern), replacement) for value, replacement in terms if (pattern := _pattern(value))]
    return sorted(compiled, key=lambda term: -len(term[0].pattern))


def redact_text(text, terms):
    """`text` with every identity value replaced (the name by the pseudonym, the rest by "[đã che]")."""
    text = unicodedata.normalize("NFC", text or "")
    for pattern, replacement in terms:
        folded = fold(text)
        spans = [match.span() for match in pattern.finditer(folded)]
        for start, end in reversed(spans):
            text = text[:start] + replacement + text[end:]
    return text


def still_named(text, terms):
    """True when some identity value is still in `text` (the safety check after redacting)."""
    folded = fold(text)
    return any(pattern.search(folded) for pattern, _replacement in terms)


def redact_docx(data, terms):
    """A new .docx holding the redacted text of the body's paragraphs and tables.

    The copy is rebuilt rather than edited: headers, comments, tracked changes, images and
    document properties (author, title) may all carry the identity and are not carried over.
    """
    source = Document(io.BytesIO(data))
    copy = Document()
    body = source.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            copy.add_paragraph(redact_text(text, terms))
        elif tag == "tbl":
            rows = [row for row in child.iter() if row.tag.endswith("}tr")]
            cells = [[cell for cell in row.iterchildren() if cell.tag.endswith("}tc")] for row in rows]
            width = max((len(row) for row in cells), default=0)
            if not width:
                continue
            table = copy.add_table(rows=len(cells), cols=width)
            for r, row in enumerate(cells):
                for c, cell in enumerate(row):
                    text = "".join(node.text or "" for node in cell.iter() if node.tag.endswith("}t"))
                    table.cell(r, c).text = redact_text(text, terms)
    copy.core_properties.author = ""
    copy.core_properties.last_modified_by = ""
    out = io.BytesIO()
    copy.save(out)
    return out.getvalue()


def docx_text(data):
    """Every text node of a .docx package (all parts), for the safety check."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = " ".join(archive.read(name).decode("utf-8", errors="ignore") for name in archive.namelist() if name.endswith(".xml"))
    return re.sub(r"<[^>]+>", " ", xml)
