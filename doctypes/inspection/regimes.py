"""Who issues an inspection's decision and conclusion, by the law in force on the document's date.

Luật Thanh tra 2022 (11/2022/QH15, 1/7/2023–30/6/2025, Điều 78; and the 2010 law before it): the
department inspectorate (Thanh tra Sở) decides and concludes; its Chánh Thanh tra signs.
Luật Thanh tra 84/2025/QH15 (from 1/7/2025) lists inspection bodies at government and provincial
level only: "Thanh tra Sở" is no longer one. A department's own compliance checks become kiểm tra
chuyên ngành under NĐ 217/2025/NĐ-CP, decided and concluded by the head of the department (or a unit he
delegates) with a Đoàn kiểm tra; an inspection by the provincial inspectorate is issued by it.
What NĐ 217/2025 says of the document's name and signer was not read in its text: those rows are
marked unconfirmed, as legal-rules.md §7 does, and the document says so nowhere in print.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Regime:
    """The law that governs documents dated within [valid_from, valid_to], and what it makes of them."""

    valid_from: datetime.date
    valid_to: datetime.date | None
    law: str
    issuer: str  # "inspectorate": the unit that owns the record; "department": its agency (the Sở)
    decision: str
    conclusion: str
    team: str
    authority: str  # the signer's printed title
    confirmed: bool


INSPECTION_LAW_2025 = datetime.date(2025, 7, 1)

REGIMES = (
    Regime(datetime.date(1900, 1, 1), datetime.date(2025, 6, 30), "Luật Thanh tra 2022 (11/2022/QH15), Điều 78",
           "inspectorate", "Quyết định thanh tra", "Kết luận thanh tra", "Đoàn thanh tra", "CHÁNH THANH TRA", True),
    Regime(INSPECTION_LAW_2025, None, "Luật Thanh tra 84/2025/QH15; Nghị định 217/2025/NĐ-CP (kiểm tra chuyên ngành)",
           "department", "Quyết định kiểm tra", "Kết luận kiểm tra", "Đoàn kiểm tra", "GIÁM ĐỐC", False),
)
# An inspection of the provincial inspectorate in which the department is the subject or takes part (Luật 84/2025).
PROVINCIAL = Regime(INSPECTION_LAW_2025, None, "Luật Thanh tra 84/2025/QH15", "province", "Quyết định thanh tra",
                    "Kết luận thanh tra", "Đoàn thanh tra", "CHÁNH THANH TRA", True)

UNCONFIRMED_NOTE = _("Tên văn bản và người ký theo Nghị định 217/2025/NĐ-CP chưa được đối chiếu với văn bản gốc.")


def regime_on(day, *, provincial=False):
    """The regime for a document dated `day` (today's rules for an undated draft)."""
    day = day or datetime.date.today()
    if provincial and day >= INSPECTION_LAW_2025:
        return PROVINCIAL
    return next(regime for regime in REGIMES if regime.valid_from <= day and (regime.valid_to is None or day <= regime.valid_to))


def issuing_unit(inspection, regime):
    """The body whose name heads the document: the owner (2022 law), its department, or the province's inspectorate."""
    owner = inspection.owner
    if regime.issuer == "department":
        return owner.agency()
    return owner
