"""Procedure reviews and the import of late-handling statistics from the one-stop desk's Excel export."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from doctypes.procedure_review.access import may_review_procedures
from doctypes.procedure_review.models import LateHandlingStat, Procedure, ProcedureReview, ReviewProposal
from papi_inspect.audit import save
from papi_inspect.records import check_not_future

COLUMNS = ["Mã TTHC", "Từ ngày", "Đến ngày", "Tiếp nhận", "Đúng hạn", "Quá hạn"]


def require_office(by):
    if not may_review_procedures(by):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở được rà soát thủ tục hành chính."))


@transaction.atomic
def review_procedure(procedure, *, by, reviewed_on, summary="", proposals=(), status=ProcedureReview.Status.DRAFT):
    """Record a review with its proposals [(kind, content)] (TT 02/2017/TT-VPCP); a review is done on a day that has come."""
    require_office(by)
    check_not_future(reviewed_on, field="reviewed_on", label=_("Ngày rà soát"))
    for kind, content in proposals:
        if kind not in ReviewProposal.Kind.values or not content:
            raise ValidationError({"proposals": gettext('Đề xuất không hợp lệ: %(kind)s.') % {"kind": kind}})
    review = ProcedureReview(procedure=procedure, reviewed_on=reviewed_on, reviewer=by, summary=summary, status=status)
    save(review, "Rà soát thủ tục hành chính", by=by)
    for kind, content in proposals:
        save(ReviewProposal(review=review, kind=kind, content=content), "Thêm đề xuất", by=by)
    return review


@dataclass
class ImportPreview:
    """What an import would do: the rows read and, per row, what is wrong."""

    rows: list = field(default_factory=list)  # dicts ready to save
    errors: list = field(default_factory=list)  # (row number, message)

    @property
    def is_clean(self):
        return bool(self.rows) and not self.errors


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.datetime.strptime(value.strip(), "%d/%m/%Y").date()
        except ValueError:
            return None
    return None


def _as_count(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def preview_late_handling(uploaded_file):
    """Read the export; each bad row is reported with its number and nothing is saved."""
    preview = ImportPreview()
    try:
        sheet = load_workbook(uploaded_file, read_only=True, data_only=True).active
    except Exception:
        preview.errors.append((0, "Tệp không phải bảng tính Excel (.xlsx) đọc được."))
        return preview
    rows = list(sheet.iter_rows(values_only=True))
    if not rows or [str(c or "").strip() for c in rows[0][: len(COLUMNS)]] != COLUMNS:
        preview.errors.append((1, f"Dòng tiêu đề phải là: {', '.join(COLUMNS)}."))
        return preview
    procedures = {p.code: p for p in Procedure.objects.all()}
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        code, start, end, received, on_time, late = (list(row) + [None] * 6)[:6]
        problems = []
        procedure = procedures.get(str(code or "").strip())
        if procedure is None:
            problems.append(f"mã TTHC không có trong danh mục: {code}")
        start, end = _as_date(start), _as_date(end)
        if start is None or end is None:
            problems.append("ngày không hợp lệ (dd/mm/yyyy)")
        elif end < start:
            problems.append("đến ngày trước từ ngày")
        counts = [_as_count(v) for v in (received, on_time, late)]
        if None in counts:
            problems.append("số hồ sơ phải là số nguyên không âm")
        elif counts[1] + counts[2] > counts[0]:
            problems.append("đúng hạn + quá hạn lớn hơn số tiếp nhận")
        if problems:
            preview.errors.append((number, "; ".join(problems)))
        else:
            preview.rows.append({"procedure": procedure, "period_from": start, "period_to": end,
                                 "received": counts[0], "on_time": counts[1], "late": counts[2]})
    if not preview.rows and not preview.errors:
        preview.errors.append((0, "Tệp không có dòng dữ liệu nào."))
    return preview


@transaction.atomic
def import_late_handling(uploaded_file, *, by):
    """Import only a clean file: any bad row refuses the whole file; a period already imported is replaced."""
    require_office(by)
    preview = preview_late_handling(uploaded_file)
    if not preview.is_clean:
        raise ValidationError({"file": [f"Dòng {n}: {m}" for n, m in preview.errors]})
    saved = []
    for row in preview.rows:
        stat, _ = LateHandlingStat.objects.get_or_create(
            procedure=row["procedure"], period_from=row["period_from"], period_to=row["period_to"],
            defaults={"received": 0, "on_time": 0, "late": 0, "imported_by": by},
        )
        stat.received, stat.on_time, stat.late, stat.imported_by = row["received"], row["on_time"], row["late"], by
        save(stat, "Nhập thống kê từ bộ phận một cửa", by=by)
        saved.append(stat)
    return saved
