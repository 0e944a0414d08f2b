"""Named people for every test, created once per test database, and small builders."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model

from doctypes.org.demo import ensure_staff_user
from doctypes.org.models import Unit
from papi_inspect.permissions import Role

PASSWORD = "Mật-khẩu-thử-2026"

# attribute -> (username, full name, position, unit code, role)
PEOPLE = {
    "leader": ("lanhdao", "Nguyễn Lãnh Đạo", "Phó Giám đốc Sở", "snnmt", Role.LEADERSHIP),
    "chief_inspector": ("chanhtt", "Trần Chánh Thanh", "Chánh Thanh tra", "snnmt-ttr", Role.CHIEF_INSPECTOR),
    "inspector": ("thanhtra", "Lê Thanh Tra", "Thanh tra viên", "snnmt-ttr", Role.INSPECTOR),
    "office_clerk": ("vanphong", "Phạm Văn Phòng", "Chuyên viên", "snnmt-vp", Role.OFFICE_CLERK),
    "office_chief": ("chanhvp", "Hoàng Chánh Văn", "Chánh Văn phòng", "snnmt-vp", Role.OFFICE_CHIEF),
    "unit_head": ("truongdv", "Đỗ Trưởng Đơn", "Chi cục trưởng", "snnmt-ccthuyloi", Role.UNIT_HEAD),
    "unit_staff": ("canbo", "Vũ Cán Bộ", "Chuyên viên", "snnmt-ccthuyloi", Role.UNIT_STAFF),
    "admin": ("quantri", "Bùi Quản Trị", "Quản trị hệ thống", "snnmt-vp", Role.SYSTEM_ADMIN),
    "outsider": ("ngoai", "Ngô Người Ngoài", "Chuyên viên Sở Tài chính", "stc-vp", Role.UNIT_STAFF),
}


def create_people():
    for username, full_name, position, unit_code, role in PEOPLE.values():
        ensure_staff_user(
            username,
            full_name=full_name,
            position=position,
            unit=Unit.objects.get(code=unit_code),
            role=role,
            password=PASSWORD,
        )


def load_people():
    users = {user.username: user for user in get_user_model().objects.filter(username__in=[p[0] for p in PEOPLE.values()])}
    return SimpleNamespace(**{name: users[spec[0]] for name, spec in PEOPLE.items()})


def client_for(client, user):
    """A test client signed in as `user` (force_login: axes needs a request for real logins)."""
    client.force_login(user)
    return client
