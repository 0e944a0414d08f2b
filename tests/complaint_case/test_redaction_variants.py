"""Seventeen ordinary ways of writing the same denouncer are all blacked out (Luật Tố cáo 2018 Art. 47)."""

import pytest

from doctypes.complaint_case import redaction

PERSON = {
    "name": "Quxwelbor Thị Zanthipa", "address": "Số 17 ngõ 42 phố Lò Đúc, phường Phạm Đình Hổ, Hà Nội",
    "id_number": "038195012345", "phone": "0963141592",
}
PSEUDONYM = "Người tố cáo TC-2026-007"
TERMS = redaction.identity_terms(PERSON, PSEUDONYM)

VARIANTS = [
    ("full name", "Quxwelbor Thị Zanthipa", "zanthipa"),
    ("accents stripped", "Quxwelbor Thi Zanthipa", "zanthipa"),
    ("uppercase", "QUXWELBOR THỊ ZANTHIPA", "zanthipa"),
    ("initials", "Q. Zanthipa", "zanthipa"),
    ("honorific and family name", "ông Quxwelbor", "quxwelbor"),
    ("honorific and given name", "bà Zanthipa", "zanthipa"),
    ("CCCD", "038195012345", "012345"),
    ("CCCD with spaces", "038 195 012 345", "012 345"),
    ("CCCD with dots", "038.195.012.345", "012.345"),
    ("phone", "0963141592", "141592"),
    ("phone with spaces", "0963 141 592", "141 592"),
    ("phone with dots", "0963.141.592", "141.592"),
    ("phone with double dots", "0963..141..592", "141..592"),
    ("phone +84 with spaces", "+84 963 141 592", "141 592"),
    ("phone 84 without plus", "84963141592", "141592"),
    ("phone (+84) with dashes", "(+84) 963-141-592", "141-592"),
    ("address without accents", "so 17 ngo 42 pho Lo Duc", "ngo 42"),
]


def test_there_are_seventeen_variants():
    assert len(VARIANTS) == 17


@pytest.mark.parametrize(("label", "variant", "tell_tale"), VARIANTS, ids=[label for label, _v, _t in VARIANTS])
def test_each_variant_is_blacked_out_in_a_letter(label, variant, tell_tale):
    letter = f"Kính gửi Thanh tra Sở. Tôi là {variant}, xin tố cáo ông Trần Văn Bị nhận 50 triệu đồng."
    redacted = redaction.redact_text(letter, TERMS)
    assert tell_tale not in redaction.fold(redacted), redacted
    assert not redaction.still_named(redacted, TERMS)
    # The rest of the letter (the denounced official, the amount) stays readable for the verifier.
    assert "ông Trần Văn Bị nhận 50 triệu đồng" in redacted


def test_the_name_becomes_the_pseudonym_and_numbers_the_mask():
    redacted = redaction.redact_text("Tôi là bà Zanthipa, điện thoại +84 963 141 592.", TERMS)
    assert redacted == f"Tôi là {PSEUDONYM}, điện thoại {redaction.MASK}."


def test_ordinary_words_and_amounts_are_left_alone():
    text = "Ông Nguyễn Văn Thị nhận 840.000.000 đồng ngày 12/3/2026, anh Hùng chứng kiến, hồ sơ số 2026-0042."
    assert redaction.redact_text(text, TERMS) == text


def test_a_phone_or_citizen_id_of_anyone_is_masked_in_a_protected_text():
    text = "Người làm chứng: SĐT 0987 654 321, CCCD 001 090 000 111."
    assert redaction.redact_text(text, TERMS) == f"Người làm chứng: SĐT {redaction.MASK}, CCCD {redaction.MASK}."
