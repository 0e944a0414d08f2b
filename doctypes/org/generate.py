"""Generator (papi-inspect generate): the departments of the chosen scale, each with its units and a working login."""

import datetime

from django.contrib.auth import get_user_model

from doctypes.org.models import StaffProfile, Unit, forget_unit_tree
from papi_inspect.generate import SCALES
from papi_inspect.permissions import Role

UNIT_KINDS = [Unit.Kind.INSPECTORATE, Unit.Kind.OFFICE] + [Unit.Kind.DIVISION] * 4 + [Unit.Kind.SUB_DEPARTMENT] * 3 + [Unit.Kind.SERVICE_UNIT]
DEPARTMENT_NAMES = ["Tài chính", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Nội vụ", "Tư pháp", "Công Thương",
                    "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Dân tộc và Tôn giáo"]


def _staff(world, agency, inspectorate):
    """One login per department that the generated rows name as officer, recorder and handler."""
    from django.contrib.auth.models import Group

    username = f"gen-{agency.code}"[:150]
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = get_user_model().objects.create(username=username, first_name=f"Cán bộ {agency.short_name or agency.code}",
                                               is_staff=True, email=f"{username}@example.invalid")
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=str(Role.INSPECTOR)))
        StaffProfile.objects.create(user=user, unit=inspectorate, full_name=user.first_name, position="Thanh tra viên")
    return user


def _new_department(world, province, number):
    code = f"gen{world.seed}-p{province.pk}-s{number:02d}"
    agency = Unit.objects.filter(code=code).first()
    if agency is None:
        name = f"Sở {DEPARTMENT_NAMES[number % len(DEPARTMENT_NAMES)]} {number}"
        agency = Unit.objects.create(code=code, name=name, short_name=f"S{number:02d}", kind=Unit.Kind.DEPARTMENT,
                                     parent=province, valid_from=datetime.date(2000, 1, 1))
        Unit.objects.bulk_create([
            Unit(code=f"{code}-u{index}", name=f"{kind.label} {index} – {name}", kind=kind, parent=agency,
                 valid_from=datetime.date(2000, 1, 1))
            for index, kind in enumerate(UNIT_KINDS)])
        forget_unit_tree()  # bulk_create sends no post_save
    return agency


def _provinces(world, count):
    provinces = [Unit.objects.get(code="ubnd-bac-ninh")]
    for number in range(1, count):
        code = f"gen{world.seed}-tinh{number:02d}"
        province = Unit.objects.filter(code=code).first() or Unit.objects.create(
            code=code, name=f"UBND tỉnh {number}", kind=Unit.Kind.PROVINCE, valid_from=datetime.date(2000, 1, 1))
        provinces.append(province)
    return provinces


def generate(world):
    provinces, departments, _units = SCALES[world.scale]
    agencies = [Unit.objects.get(code="snnmt")]
    for index, province in enumerate(_provinces(world, provinces)):
        first = 1 if index == 0 else 0  # the reference department counts as the first of the first province
        agencies += [_new_department(world, province, number) for number in range(first, departments)]
    for agency in agencies:
        units = list(Unit.objects.filter(parent=agency).order_by("code"))
        inspectorate = next(unit for unit in units if unit.kind == Unit.Kind.INSPECTORATE)
        office = next(unit for unit in units if unit.kind == Unit.Kind.OFFICE)
        world.agencies.append((agency, units, inspectorate, office, _staff(world, agency, inspectorate)))
    world.made["org.Unit (departments)"] = len(agencies)
