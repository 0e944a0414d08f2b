"""Demo people: one user per role plus an outsider from another agency, each with a staff profile."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from doctypes.org.models import StaffProfile, Unit
from papi_inspect.audit import save
from papi_inspect.demo import DEMO_PASSWORD
from papi_inspect.permissions import Role

# username, full name, position, unit code, role, inspector rank
DEMO_USERS = [
    ("giamdoc", "Nguyễn Văn Hùng", "Giám đốc Sở", "snnmt", Role.LEADERSHIP, ""),
    ("chanhthanhtra", "Trần Thị Mai", "Chánh Thanh tra", "snnmt-ttr", Role.CHIEF_INSPECTOR, "thanh_tra_vien_chinh"),
    ("thanhtravien", "Lê Minh Tuấn", "Thanh tra viên", "snnmt-ttr", Role.INSPECTOR, "thanh_tra_vien"),
    ("vanphong", "Phạm Thu Hà", "Chuyên viên Văn phòng", "snnmt-vp", Role.OFFICE_CLERK, ""),
    ("chanhvanphong", "Hoàng Văn Nam", "Chánh Văn phòng", "snnmt-vp", Role.OFFICE_CHIEF, ""),
    ("truongdonvi", "Đỗ Thị Lan", "Chi cục trưởng", "snnmt-ccthuyloi", Role.UNIT_HEAD, ""),
    ("canbodonvi", "Vũ Đức Anh", "Chuyên viên", "snnmt-ccthuyloi", Role.UNIT_STAFF, ""),
    ("quantri", "Bùi Quang Huy", "Quản trị hệ thống", "snnmt-vp", Role.SYSTEM_ADMIN, ""),
    ("ngoaidonvi", "Ngô Thị Hoa", "Chuyên viên (Sở Tài chính)", "stc-vp", Role.UNIT_STAFF, ""),
]


def ensure_staff_user(username, *, full_name, position, unit, role, inspector_rank="", password=None):
    """Create a staff login with its profile and role; an existing one is returned as it is."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is not None:
        return user
    user = user_model(username=username, is_staff=True, email=f"{username}@example.invalid")
    # Vietnamese names read family name first; keeping the whole name in first_name makes
    # get_full_name() show "Nguyễn Văn Hùng", not the Western "Hùng Nguyễn Văn".
    user.first_name = full_name
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=str(role)))
    profile = StaffProfile(user=user, unit=unit, full_name=full_name, position=position, inspector_rank=inspector_rank)
    save(profile, "Tạo tài khoản dùng thử", by=None)
    return user


def load(users):
    """Create the demo users (kept as they are if they exist) and add them to `users`, in README order."""
    for username, full_name, position, unit_code, role, rank in DEMO_USERS:
        users[username] = ensure_staff_user(
            username, full_name=full_name, position=position, unit=Unit.objects.get(code=unit_code), role=role,
            inspector_rank=rank, password=DEMO_PASSWORD,
        )
    _link_supervisors()


def _link_supervisors():
    """Each demo member of staff reports to the head of their unit (reminders escalate there)."""
    heads = {"snnmt-ttr": "chanhthanhtra", "snnmt-vp": "chanhvanphong", "snnmt-ccthuyloi": "truongdonvi"}
    for unit_code, head_username in heads.items():
        head = StaffProfile.objects.get(user__username=head_username)
        for profile in StaffProfile.objects.filter(unit__code=unit_code, supervisor__isnull=True).exclude(pk=head.pk):
            profile.supervisor = head
            save(profile, "Gán lãnh đạo trực tiếp", by=None)
