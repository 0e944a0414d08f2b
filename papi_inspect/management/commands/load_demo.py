"""Create the demo users (one per role, plus an outsider) and the demo dataset (safe to repeat)."""

from django.conf import settings
from django.core.management.base import CommandError

from papi_inspect.command_errors import OneLineErrorCommand
from papi_inspect.demo import DEMO_PASSWORD, load_demo


class Command(OneLineErrorCommand):
    help = "Nạp dữ liệu mẫu và tài khoản dùng thử."

    def handle(self, *args, **options):
        # The demo accounts share a published password: on a real server they would be open doors.
        if settings.PRODUCTION:
            raise CommandError(
                "Không nạp dữ liệu mẫu khi PAPI_ENV=production: các tài khoản dùng thử có mật khẩu công khai.",
                returncode=2,
            )
        users = load_demo()
        self.stdout.write("Tài khoản dùng thử (mật khẩu: %s):" % DEMO_PASSWORD)
        for user in users:
            profile = user.staff_profile
            roles = ", ".join(user.groups.values_list("name", flat=True))
            self.stdout.write(f"  {user.username:<16} {profile.full_name:<22} {roles:<22} {profile.unit.name}")
