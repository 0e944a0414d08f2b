"""Blacking out a denouncer's identity in text and .docx files (Luật Tố cáo 2018 Art. 9(1)(b), 47).

Matching ignores case, accents and the separators people type between words or digits, so
"Hoàng Thị Bí Mật", "HOANG THI BI MAT" and "hoang-thi-bi-mat" are all found, as are
"0912 345 678", "0912..345..678" and "+84 912 345 678". People are also named in part:
by initials ("H. T. Bí Mật"), by an honorific and one of their names ("bà Mật", "ông Hoàng"),
so those forms are matched too. Any mobile number or 12-digit citizen ID number left in the
text is masked as well, whoever it belongs to: a text about a protected person keeps none.
"""

import io
import re
import unicodedata
import zipfile

from docx import Document

MASK = "[đã che]"
TEXT_PARTS = ("address", "id_number", "phone", "representative")
# Between digits people type spaces, dots (even two), dashes, slashes or brackets.
_DIGIT_GAP = r"[\s.\-()/]{0,3}"
_WORD_GAP = r"[\s\-_.,;]+"
# Forms of address that precede a name ("ông Hùng", "bà Mật", "đ/c Lan"), folded.
HONORIFICS = ("ong", "ba", "anh", "chi", "co", "chu", "bac", "cu", "em", "chau", "di", "thim", "mo", "dong chi", "d/c",
              "ong/ba", "ngai", "mr", "mrs", "ms")
# Words too common to black out alone: the frequent family and middle names.
COMMON_WORDS = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
    "ly", "thi", "van", "huu", "duc", "dinh", "cong", "minh", "quoc", "xuan", "thu", "ngoc", "kim", "thanh",
}
# A Vietnamese mobile number (0 or +84/84, then 9 digits) and a 12-digit citizen ID (CCCD), with any separators.
_ANY_PHONE = re.compile(r"(?<![\d+])(?:\(?\+?84\)?|0)" + _DIGIT_GAP + r"[35789](?:" + _DIGIT_GAP + r"\d){8}(?!\d)")
_ANY_CITIZEN_ID = re.compile(r"(?<!\d)0\d(?:" + _DIGIT_GAP + r"\d){10}(?!\d)")
GENERIC_TERMS = ((_ANY_PHONE, MASK), (_ANY_CITIZEN_ID, MASK))


def _fold_char(char):
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    # Keep one character per character, so a match in the folded text is a span of the original.
    return base if len(base) == 1 else char


def fold(text):
    return "".join(_fold_char(char) for char in unicodedata.normalize("NFC", text or ""))


def _digits_pattern(digits):
    """Digits with any separators; a national number (0…) also in its +84 / 84 / (+84) forms."""
    if digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if digits.startswith("0") and len(digits) == 10:
        return r"(?<![\d+])(?:\(?\+?84\)?|0)" + _DIGIT_GAP + _DIGIT_GAP.join(digits[1:]) + r"(?!\d)"
    return r"(?<!\d)" + _DIGIT_GAP.join(digits) + r"(?!\d)"


def _pattern(value):
    folded = fold(value).strip()
    if not folded:
        return None
    if re.fullmatch(r"[\d\s.\-+()/]+", folded):
        digits = re.sub(r"\D", "", folded)
        if len(digits) < 4:
            return None  # too short to be identifying, and would hit ordinary numbers
        return _digits_pattern(digits)
    words = re.findall(r"\w+", folded)
    return r"(?<!\w)" + _WORD_GAP.join(re.escape(word) for word in words) + r"(?!\w)" if words else None


def _name_patterns(name):
    """Ways of writing part of a name: initials before a later name ("Q. T. Zanthipa", "Quxwelbor T. Zanthipa"),
    an honorific and any one name ("ông Quxwelbor", "bà Zanthipa"), and a distinctive name on its own."""
    words = re.findall(r"\w+", fold(name))
    if len(words) < 2:
        return []
    with_initials, with_honorific, alone = [], [], []
    honorific = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(HONORIFICS, key=len, reverse=True))
    for index, word in enumerate(words):
        if index:
            initials = "".join(sorted({w[0] for w in words[:index]}))
            earlier = "|".join(re.escape(w) for w in words[:index])
            # Up to `index` leading parts, each written in full or as an initial and a dot.
            lead = rf"(?:(?:{earlier})[\s\-]+|[{initials}]\.[\s\-]*){{1,{index}}}"
            with_initials.append(rf"(?<!\w){lead}{re.escape(word)}(?!\w)")
        with_honorific.append(rf"(?<!\w)(?:{honorific})[\s\-]+{re.escape(word)}(?!\w)")
        if len(word) >= 4 and word not in COMMON_WORDS:
            alone.append(rf"(?<!\w){re.escape(word)}(?!\w)")
    # Longest forms first, so "Q. T. Zanthipa" is replaced whole before "Zanthipa" alone.
    return with_initials[::-1] + with_honorific + alone


def identity_terms(identity, pseudonym, *others):
    """(pattern, replacement) pairs: every identity value (of `identity` and of `others`, other spellings of the
    same person), longest first so a full name wins over its tail, then the partial forms of the names."""
    terms, extra = [], []
    for person in (identity, *others):
        name = (person.get("name") or "").strip()
        if name:
            terms.append((name, pseudonym))
            words = name.split()
            if len(words) >= 3:
                # People are called by their last two names ("bà Bí Mật"), which identify them as well.
                terms.append((" ".join(words[-2:]), pseudonym))
            extra += [(pattern, pseudonym) for pattern in _name_patterns(name)]
        for part in TEXT_PARTS:
            value = (person.get(part) or "").strip()
            if value:
                terms.append((value, MASK))
                if part == "address":
                    # The house-number part of an address identifies the household on its own.
                    terms += [(piece.strip(), MASK) for piece in value.split(",")
                              if re.search(r"\d", piece) and piece.strip() != value]
    compiled = [(re.compile(pattern), replacement) for value, replacement in terms if (pattern := _pattern(value))]
    compiled.sort(key=lambda term: -len(term[0].pattern))
    return compiled + [(re.compile(pattern), replacement) for pattern, replacement in extra]


def redact_text(text, terms):
    """`text` with every identity value replaced (the name by the pseudonym, the rest by "[đã che]")."""
    text = unicodedata.normalize("NFC", text or "")
    for pattern, replacement in (*terms, *GENERIC_TERMS):
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
