"""What each statutory report contains: its tables, narrative outline and title (TT 06/2025/TT-TTCP, Điều 4–5).

This is data, not code paths: a changed outline or a table added to a report is an edit here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

PERIOD_KINDS = ["q1", "q2", "q3", "q4", "h1", "m9", "year"]
NARRATIVE_PERIODS = {"q1", "h1", "m9", "year"}  # Q2–Q4 carry only the tables (TT 06/2025 Điều 4)


@dataclass(frozen=True)
class Section:
    """One editable narrative section under its printed heading."""

    key: str
    heading: str
    parent: str = ""  # the roman-numbered heading printed once above the first of its sections
    skip: frozenset = frozenset()  # the periods whose report leaves this section out (e.g. Mẫu 03 mục II each quarter)


@dataclass(frozen=True)
class ReportSpec:
    """A kind of report: which tables it attaches and which outline (Mẫu số) its narrative follows."""

    kind: str
    label: str
    title: str  # the subject line under "BÁO CÁO"
    outline: str
    tables: tuple
    sections: tuple
    symbol: str  # the document type ("BC"); the issuing agency follows it: "05/BC-SNNMT" (NĐ 30/2020 Phụ lục I)
    slug: str


_PCTN_RESULTS = "I. KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG, LÃNG PHÍ, TIÊU CỰC"

# Mẫu số 03 (TT 06/2025/TT-TTCP): the periodic report (Q1, 6 months, 9 months, year) and the annual topic report
# share the outline and the three tables; Q2–Q4 carry only the tables (Điều 4), and "hằng Quý không báo cáo" mục II.
ANTI_CORRUPTION = ReportSpec(
    kind="anti_corruption",
    label=_("Báo cáo công tác phòng, chống tham nhũng, lãng phí, tiêu cực"),
    title="Kết quả công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
    outline="Mẫu số 03",
    tables=("01/PCTN", "02/PCTN", "03/PCTN"),
    sections=(
        Section("situation", "1. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện các quy định về phòng, chống tham "
                "nhũng, lãng phí, tiêu cực", _PCTN_RESULTS),
        Section("prevention", "2. Kết quả thực hiện các biện pháp phòng ngừa tham nhũng, lãng phí, tiêu cực", _PCTN_RESULTS),
        Section("detection", "3. Kết quả phát hiện, xử lý tham nhũng, lãng phí, tiêu cực", _PCTN_RESULTS),
        Section("enterprises", "4. Kết quả phòng, chống tham nhũng, lãng phí, tiêu cực trong doanh nghiệp, tổ chức khu "
                "vực ngoài nhà nước", _PCTN_RESULTS),
        Section("society", "5. Phát huy vai trò của xã hội trong phòng, chống tham nhũng, lãng phí, tiêu cực",
                _PCTN_RESULTS),
        Section("international", "6. Hợp tác quốc tế về phòng, chống tham nhũng", _PCTN_RESULTS),
        Section("corruption_situation", "II. ĐÁNH GIÁ TÌNH HÌNH THAM NHŨNG, LÃNG PHÍ, TIÊU CỰC",
                skip=frozenset({"q1", "q2", "q3", "q4"})),
        Section("assessment", "III. ĐÁNH GIÁ CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG, LÃNG PHÍ, TIÊU CỰC"),
        Section("next_tasks", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP; KIẾN NGHỊ, ĐỀ XUẤT"),
    ),
    symbol="BC",
    slug="pctn",
)

INSPECTION = ReportSpec(
    kind="inspection",
    label=_("Báo cáo định kỳ công tác thanh tra"),
    title="Kết quả công tác thanh tra",
    outline="Mẫu số 01",
    tables=("01/TTr", "02/TTr", "03/TTr"),
    sections=(
        Section("opening", "Khái quát tình hình, chương trình, kế hoạch thanh tra"),
        Section("results", "I. KẾT QUẢ THỰC HIỆN"),
        Section("assessment", "II. NHẬN XÉT, ĐÁNH GIÁ"),
        Section("next_tasks", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TIẾP THEO"),
        Section("proposals", "IV. KIẾN NGHỊ, ĐỀ XUẤT"),
    ),
    symbol="BC",
    slug="thanh-tra",
)

KNTC = ReportSpec(
    kind="kntc",
    label=_("Báo cáo định kỳ công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo"),
    title="Kết quả công tác tiếp công dân, xử lý đơn thư, giải quyết khiếu nại, tố cáo",
    outline="Mẫu số 02",
    tables=("01/TCD", "02/XLD", "03/GQKN", "04/GQTC", "05/KQTH", "06/QLKNTC"),
    sections=(
        Section("situation", "I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO"),
        Section("results", "II. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO"),
        Section("assessment", "III. NHẬN XÉT, ĐÁNH GIÁ"),
        Section("forecast", "IV. DỰ BÁO TÌNH HÌNH"),
        Section("next_tasks", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP"),
        Section("proposals", "VI. KIẾN NGHỊ, ĐỀ XUẤT"),
    ),
    symbol="BC",
    slug="kntc",
)

SPECS = {spec.kind: spec for spec in (ANTI_CORRUPTION, INSPECTION, KNTC)}
# The CLI's words for the periodic areas.
AREAS = {"inspection": INSPECTION.kind, "kntc": KNTC.kind}


def spec_for(kind):
    return SPECS[kind]


def has_narrative(spec, period_kind):
    """Periodic reports have a narrative for Q1, 6 months, 9 months and the year; Q2–Q4 only the tables (Điều 4)."""
    return period_kind in NARRATIVE_PERIODS


def sections_for(spec, period_kind):
    """The outline's sections this period's report carries, in print order (none for Q2–Q4)."""
    if not has_narrative(spec, period_kind):
        return ()
    return tuple(section for section in spec.sections if period_kind not in section.skip)
