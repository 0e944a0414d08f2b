"""The declaration process: the year's duties from the staff list, receipt, publication, verification, discipline."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext

from doctypes.asset_declaration.access import may_keep_declarations
from doctypes.asset_declaration.models import DeclarationDuty, DeclarationRule, DeclaringPosition
from doctypes.org.models import StaffProfile
from papi_inspect.audit import save
from papi_inspect.permissions import agency_unit_ids, unit_of
from papi_inspect.records import check_not_before, check_not_future


def _require_keeper(by, unit=None):
    if not may_keep_declarations(by, unit):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở được ghi sổ kê khai tài sản, thu nhập của đơn vị này."))


def annual_due(year):
    """31/12 of `year` by the rule in force then (Luật PCTN 2018 Điều 36 khoản 2–3; the 2026 amendment keeps it)."""
    rule = DeclarationRule.objects.in_force_on(datetime.date(year, 12, 31))
    if rule is None:
        raise ValidationError({"year": gettext("Chưa có quy định kê khai tài sản áp dụng cho năm %(year)s.") % {"year": year}})
    return datetime.date(year, rule.due_month, rule.due_day)


def must_declare_yearly(profile, titles):
    """Holders of a listed position (Giám đốc Sở and above, Luật PCTN 2018 Điều 36 khoản 3) and inspectors
    (NĐ 130/2020/NĐ-CP Điều 10, Phụ lục III) declare every year."""
    return profile.position.strip().lower() in titles or bool(profile.inspector_rank)


@transaction.atomic
def create_year_duties(*, by, year):
    """The year's annual duties of the office's department, from its staff list; duties already there are kept."""
    _require_keeper(by)
    due = annual_due(year)
    titles = {title.strip().lower() for title in DeclaringPosition.objects.filter(active=True).values_list("title", flat=True)}
    profiles = StaffProfile.objects.filter(user__is_active=True).select_related("user", "unit")
    if not by.is_superuser:
        profiles = profiles.filter(unit_id__in=agency_unit_ids(by))
    existing = set(DeclarationDuty.objects.filter(year=year, kind=DeclarationDuty.Kind.ANNUAL).values_list("person_id", flat=True))
    created = []
    for profile in profiles.filter(Q(inspector_rank__gt="") | Q(position__gt="")):
        if profile.user_id in existing or not must_declare_yearly(profile, titles):
            continue
        created.append(save(DeclarationDuty(year=year, person=profile.user, unit=profile.unit, position=profile.position,
                                            source=DeclarationDuty.Source.STAFF_LIST, due_on=due),
                             "Lập danh sách kê khai từ danh sách cán bộ", by=by))
    return created


@transaction.atomic
def add_duty(*, by, person, year, kind=DeclarationDuty.Kind.ANNUAL, unit=None, position=""):
    """A duty added by hand: a person the staff list does not show (a supplementary or an appointment declaration)."""
    profile = getattr(person, "staff_profile", None)
    unit = unit or unit_of(person)
    if unit is None:
        raise ValidationError({"person": gettext("Cán bộ chưa có đơn vị công tác; hãy chọn đơn vị.")})
    _require_keeper(by, unit)
    if DeclarationDuty.objects.filter(person=person, year=year, kind=kind).exists():
        raise ValidationError({"person": gettext("Người này đã có trong danh sách kê khai năm %(year)s.") % {"year": year}})
    return save(DeclarationDuty(year=year, kind=kind, person=person, unit=unit, due_on=annual_due(year),
                                position=position or (profile.position if profile else "")),
                "Thêm người phải kê khai", by=by)


@transaction.atomic
def receive_declaration(duty, *, by, submitted_on):
    """The office received the declaration (Luật PCTN 2018 Điều 36); a late one is still received, and stays late."""
    _require_keeper(by, duty.unit)
    check_not_future(submitted_on, field="submitted_on", label=gettext("Ngày nhận bản kê khai"))
    duty.submitted_on = submitted_on
    return save(duty, "Nhận bản kê khai", by=by)


@transaction.atomic
def publish_declaration(duty, *, by, published_on, published_where):
    """The declaration made public at a meeting or on the notice board (Luật PCTN 2018 Điều 39)."""
    _require_keeper(by, duty.unit)
    if not duty.submitted_on:
        raise ValidationError({"published_on": gettext("Chưa nhận bản kê khai thì chưa công khai được.")})
    if published_where not in DeclarationDuty.PublishedWhere.values:
        raise ValidationError({"published_where": gettext("Chọn hình thức công khai.")})
    check_not_future(published_on, field="published_on", label=gettext("Ngày công khai"))
    check_not_before(published_on, duty.submitted_on, field="published_on", label=gettext("Ngày công khai"),
                     earlier_label=gettext("ngày nhận bản kê khai"))
    duty.published_on, duty.published_where = published_on, published_where
    return save(duty, "Công khai bản kê khai", by=by)


@transaction.atomic
def select_for_verification(duty, *, by, selected_on):
    """Chosen for verification (Luật PCTN 2018 Điều 41; the yearly random draw or a ground in khoản 1)."""
    _require_keeper(by, duty.unit)
    if not duty.submitted_on:
        raise ValidationError({"selected_on": gettext("Chưa nhận bản kê khai thì chưa xác minh được.")})
    check_not_future(selected_on, field="selected_on", label=gettext("Ngày được chọn xác minh"))
    duty.selected_on = selected_on
    return save(duty, "Chọn xác minh", by=by)


@transaction.atomic
def record_verification(duty, *, by, verified_on, result):
    """The verification's conclusion (Luật PCTN 2018 Điều 49): truthful or not."""
    _require_keeper(by, duty.unit)
    if not duty.selected_on:
        raise ValidationError({"verified_on": gettext("Bản kê khai chưa được chọn xác minh.")})
    if result not in DeclarationDuty.Result.values:
        raise ValidationError({"result": gettext("Chọn kết luận xác minh.")})
    check_not_future(verified_on, field="verified_on", label=gettext("Ngày kết luận xác minh"))
    check_not_before(verified_on, duty.selected_on, field="verified_on", label=gettext("Ngày kết luận xác minh"),
                     earlier_label=gettext("ngày được chọn xác minh"))
    duty.verified_on, duty.result = verified_on, result
    return save(duty, "Ghi kết luận xác minh", by=by)


@transaction.atomic
def record_discipline(duty, *, by, discipline, disciplined_on, measure):
    """Discipline for an untruthful declaration (Luật PCTN 2018 Điều 51 khoản 1) or another breach of asset control
    (late declaration, not publishing; Điều 51 khoản 2–3); an untruthful one needs the verification saying so."""
    _require_keeper(by, duty.unit)
    if discipline not in DeclarationDuty.Discipline.values:
        raise ValidationError({"discipline": gettext("Chọn căn cứ kỷ luật.")})
    if discipline == DeclarationDuty.Discipline.UNTRUTHFUL and duty.result != DeclarationDuty.Result.UNTRUTHFUL:
        raise ValidationError({"discipline": gettext("Chỉ kỷ luật do kê khai không trung thực khi kết luận xác minh "
                                                     "là không trung thực.")})
    if not (measure or "").strip():
        raise ValidationError({"discipline_measure": gettext("Ghi hình thức kỷ luật.")})
    check_not_future(disciplined_on, field="disciplined_on", label=gettext("Ngày quyết định kỷ luật"))
    duty.discipline, duty.disciplined_on, duty.discipline_measure = discipline, disciplined_on, measure.strip()
    return save(duty, "Ghi kỷ luật", by=by)
