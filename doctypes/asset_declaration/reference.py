"""Reference data of asset declarations: the thresholds and due date in force (with the 2026 amendment), and the
positions that declare every year (/work/shared/domain/legal-rules.md, "Asset declarations")."""

import datetime
from decimal import Decimal

from doctypes.asset_declaration.models import DeclarationRule, DeclaringPosition
from papi_inspect.reference import create_missing

MILLION = Decimal(1_000_000)
# valid_from, valid_to, per-asset threshold, change needing a supplementary declaration, citation
RULES = [
    (datetime.date(2019, 7, 1), datetime.date(2026, 6, 30), 50 * MILLION, 300 * MILLION,
     "Luật PCTN 2018, Điều 35 khoản 1 điểm đ, Điều 36 khoản 2–3"),
    (datetime.date(2026, 7, 1), None, 150 * MILLION, 1000 * MILLION,
     "Luật PCTN 2018 sửa đổi (hiệu lực 01/7/2026), Điều 35–36"),
]
# Luật PCTN 2018 Điều 36 khoản 3: "từ Giám đốc sở và tương đương trở lên"; inspectors come from their rank.
POSITIONS = [("Giám đốc Sở", "Luật PCTN 2018, Điều 36 khoản 3")]


def load_rules():
    created = 0
    for valid_from, valid_to, asset, change, citation in RULES:
        created += create_missing(DeclarationRule, {"valid_from": valid_from}, {
            "valid_to": valid_to, "asset_threshold": asset, "change_threshold": change, "due_month": 12, "due_day": 31,
            "citation": citation})
    return created


def load_positions():
    return sum(create_missing(DeclaringPosition, {"title": title}, {"citation": citation}) for title, citation in POSITIONS)


LOADERS = [("quy định kê khai tài sản", load_rules), ("chức vụ phải kê khai", load_positions)]
