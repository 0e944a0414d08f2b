"""Create the demo users (one per role, plus an outsider) and the demo dataset (safe to repeat)."""

from django.core.management.base import BaseCommand

from papi_inspect.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu và tài khoản dùng thử."

    def handle(self, *args, **options):
        users = load_demo()
        self.stdout.write("Tài khoản dùng thử (mật khẩu: %s):" % DEMO_PASSWORD)
        for user in users:
            profile = user.staff_profile
            roles = ", ".join(user.groups.values_list("name", flat=True))
            self.stdout.write(f"  {user.username:<16} {profile.full_name:<22} {roles:<22} {profile.unit.name}")
