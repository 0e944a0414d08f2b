"""The report lifecycle: create for a period, pre-fill, generate a version (data + .docx + .xlsx), freeze.

Rules: TT 06/2025/TT-TTCP Điều 4–6 (which tables and narrative, the cut-off of each period, read
from fixtures/report_periods.json); Điều 8 (the head signs: leadership, or the chief inspector
when delegated, freezes). A frozen version is the signed record and never changes; regenerating
makes a new version from the records as they are then.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from doctypes.org.people import default_signer
from papi_inspect.audit import save
from papi_inspect.permissions import Role, unit_of
from papi_inspect.state_documents import agency_abbreviation, place_of, signature_for
from reports.access import may_draft, may_freeze
from reports.catalogue import ANTI_CORRUPTION, INSPECTION, KNTC, SPECS, has_narrative, sections_for
from reports.models import Report, ReportVersion
from reports.periods import resolve_period
from reports.render.docx import render_docx
from reports.render.xlsx import render_xlsx
from reports.services import manual as services_manual
from reports.services import narrative as services_narrative
from reports.snapshot import facts_data, plain, table_data
from reports.tables.build import build_table, check_cross_tables, check_table
from reports.tables.pctn import FACT_LABELS, anti_corruption_facts

# The head signs the report (or a deputy for him), so he is not among its recipients (NĐ 30/2020 Art. 15).
DEFAULT_RECIPIENTS = "UBND tỉnh\nThanh tra tỉnh\nLưu: VT, TTr"


def _visible(report, user):
    return Report.objects.visible_to(user).filter(pk=report.pk).exists()


def period_of(report):
    return resolve_period(report.period_kind, report.year)


def agency_of(user):
    unit = unit_of(user)
    return unit.agency() if unit else None


def _check_request(kind, period_kind, year):
    if kind not in SPECS:
        raise ValidationError(_('Loại báo cáo không hợp lệ: %(kind)s. Các loại: %(items)s.') % {"kind": f"{kind!r}", "items": ', '.join(SPECS)})
    try:
        return resolve_period(period_kind, year)
    except ValueError as error:
        raise ValidationError(str(error)) from error


def get_or_create_report(kind, period_kind, year, *, by, agency=None):
    """The agency's report for (kind, period); a new one is pre-filled from the period's records."""
    if not may_draft(by):
        raise PermissionDenied(_("Chỉ Thanh tra Sở và Văn phòng Sở được lập báo cáo."))
    period = _check_request(kind, period_kind, year)
    agency = agency or agency_of(by)
    if agency is None:
        raise ValidationError(_("Tài khoản không thuộc cơ quan nào; hãy chọn cơ quan báo cáo."))
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(owner=agency, kind=kind, period_kind=period_kind, year=year).first()
        if report:
            return report
        signer = default_signer(agency, Role.LEADERSHIP, position_prefix="Phó Giám đốc")
        signature = signature_for(signer, recipients=[])
        report = Report(owner=agency, kind=kind, period_kind=period_kind, year=year, place=place_of(agency),
                        signer_authority=signature.authority, signer_name=signature.name,
                        recipients=DEFAULT_RECIPIENTS, created_by=by)
        report.narrative = prefill(report, period) if has_narrative(report.spec, period_kind) else {}
        report.full_clean()
        save(report, "Lập báo cáo", by=by)
    return report


def prefill(report, period):
    """Sentences with the period's counts for the sections the records support (services_narrative)."""
    units = report.owner.family_ids()
    if report.kind == ANTI_CORRUPTION.kind:
        return services_narrative.anti_corruption(anti_corruption_facts(period, units), period)
    tables = [build_table(code, period=period, units=units) for code in report.spec.tables]
    writer = services_narrative.inspection if report.kind == INSPECTION.kind else services_narrative.kntc
    return writer(tables, period)


def update_narrative(report, sections, *, by):
    """Save the drafter's text of the narrative sections (unknown section keys are refused)."""
    if not may_draft(by) or not _visible(report, by):
        raise PermissionDenied(_("Bạn không có quyền sửa nội dung báo cáo này."))
    known = {section.key for section in sections_for(report.spec, report.period_kind)}
    unknown = set(sections) - known
    if unknown:
        raise ValidationError(_('Mục không có trong đề cương: %(items)s.') % {"items": ', '.join(sorted(unknown))})
    with transaction.atomic():
        report.narrative = {**report.narrative, **{key: str(text) for key, text in sections.items()}}
        save(report, "Sửa nội dung báo cáo", by=by, update_fields=["narrative"])
    return report


def build_snapshot(report, progress=None):
    """The exact data of one version, as JSON: header, narrative, tables with their records, facts, checks."""
    progress = progress or (lambda percent, message: None)
    spec, period = report.spec, period_of(report)
    units = report.owner.family_ids()
    tables = []
    steps = len(spec.tables) + (1 if spec is ANTI_CORRUPTION else 0)
    for index, code in enumerate(spec.tables):
        progress(5 + int(60 * index / steps), f"Đang tính biểu {code}")
        tables.append(build_table(code, period=period, units=units, manual=services_manual.typed_figures(report, code)))
    facts = {}
    if spec is ANTI_CORRUPTION:
        progress(5 + int(60 * len(spec.tables) / steps), "Đang tổng hợp số liệu phòng, chống tham nhũng")
        facts = facts_data(anti_corruption_facts(period, units))
        for key, item in facts.items():
            item["label"] = str(FACT_LABELS[key])
    problems = [problem for table in tables for problem in check_table(table)] + check_cross_tables(tables)
    narrative = has_narrative(spec, report.period_kind)
    agency = report.owner
    phrase = period.label.removeprefix("Báo cáo ").strip()
    return {
        "format": 1,
        "draft": True,  # until frozen: the files say "DỰ THẢO"; freezing renders them again without it
        "report": {"id": report.pk, "kind": report.kind, "label": str(spec.label), "outline": spec.outline,
                   "period_kind": report.period_kind, "year": report.year, "slug": report.slug},
        "period": {**plain(period), "line": f"Số liệu tính từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"},
        "header": {
            "parent_agency": agency.parent.name if agency.parent_id else agency.name,
            "issuing_agency": agency.name,
            "number": report.number, "symbol": f"{spec.symbol}-{agency_abbreviation(agency)}",
            "place": report.place or place_of(agency),
            "date": timezone.localdate().isoformat(), "doc_type": "Báo cáo", "subject": f"{spec.title} {phrase}",
        },
        "signature": {"authority": report.signer_authority, "name": report.signer_name,
                      "recipients": [line.strip().rstrip(";") for line in report.recipients.splitlines() if line.strip()]},
        "has_narrative": narrative,
        "sections": [{"key": s.key, "heading": s.heading, "parent": s.parent, "text": report.narrative.get(s.key, "")}
                     for s in sections_for(spec, report.period_kind)],
        "tables": [table_data(table) for table in tables],
        "facts": facts,
        "checks": problems,
    }


def generate_version(report, *, by, progress=None):
    """A new version: snapshot the records now, render both files from the snapshot alone, store all three."""
    if not may_draft(by) or not _visible(report, by):
        raise PermissionDenied(_("Bạn không có quyền tạo báo cáo này."))
    progress = progress or (lambda percent, message: None)
    data = build_snapshot(report, progress)
    progress(70, "Đang soạn tệp Word")
    docx = render_docx(data)
    progress(85, "Đang soạn tệp Excel")
    xlsx = render_xlsx(data)
    progress(95, "Đang lưu phiên bản")
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()
        number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = ReportVersion(report=report, number=number, data=data, created_by=by)
        version.docx.save(version.file_name("docx"), ContentFile(docx), save=False)
        version.xlsx.save(version.file_name("xlsx"), ContentFile(xlsx), save=False)
        save(version, "Tạo phiên bản báo cáo", by=by)
    progress(100, "Hoàn thành")
    return version


def freeze_version(version, *, by):
    """Freeze (chốt) a version: its file and data become the report of record and can no longer change."""
    if not may_freeze(by) or not _visible(version.report, by):
        raise PermissionDenied(_("Chỉ Lãnh đạo Sở hoặc Chánh Thanh tra được chốt báo cáo."))
    with transaction.atomic():
        locked = ReportVersion.objects.select_for_update().get(pk=version.pk)
        if locked.is_frozen:
            raise ValidationError(_("Phiên bản này đã được chốt."))
        if locked.data.get("checks"):
            # A submission whose columns do not add up is sent back (TT 06/2025 "Hướng dẫn cách ghi biểu"):
            # the records are corrected and a new version generated first.
            raise ValidationError([_("Số liệu chưa khớp quy tắc cộng của biểu; sửa hồ sơ rồi tạo phiên bản mới:")]
                                  + list(locked.data["checks"]))
        locked.frozen_by, locked.frozen_at = by, timezone.now()
        # The signed files: the same snapshot rendered again, without the "DỰ THẢO" mark.
        locked.data = {**locked.data, "draft": False}
        for extension, render in (("docx", render_docx), ("xlsx", render_xlsx)):
            field = getattr(locked, extension)
            field.delete(save=False)
            field.save(locked.file_name(extension), ContentFile(render(locked.data)), save=False)
        save(locked, "Chốt báo cáo", by=by)
        report = locked.report
        report.status = Report.Status.FROZEN
        save(report, f"Chốt phiên bản {locked.number}", by=by, update_fields=["status"])
    return locked


def period_choices():
    """(kind, label) of the reports and their allowed periods, for forms and the CLI (TT 06/2025 Điều 4: every
    area reports each quarter, 6 months, 9 months and the year)."""
    return {spec.kind: ["q1", "q2", "q3", "q4", "h1", "m9", "year"] for spec in (ANTI_CORRUPTION, INSPECTION, KNTC)}
