"""The `papi-inspect` console command: the few verbs administrators run, over Django's commands."""

import os
import sys

# verb -> (Django command, default arguments, one-line help)
VERBS = {
    "serve": ("runserver", ["127.0.0.1:8000"], "Chạy máy chủ web (http://127.0.0.1:8000), việc chạy nền và các việc hằng ngày."),
    "migrate": ("migrate", [], "Cập nhật cơ sở dữ liệu và nạp dữ liệu tham chiếu."),
    "demo": ("load_demo", [], "Nạp dữ liệu mẫu và tài khoản dùng thử."),
    "deadline": ("deadline", [], "Tính hạn: deadline RULE START_DATE [--complex] [--remote] [--extensions N]."),
    "createsuperuser": ("createsuperuser", [], "Tạo tài khoản quản trị tối cao."),
    "report": ("report", [], "Tạo báo cáo: report anti-corruption|inspection|kntc [--period q1|h1|m9|year] --year NĂM --out TỆP.docx."),
    "run-daily-jobs": ("run_daily_jobs", [], "Chạy các việc hằng ngày (nhắc hạn…) một lần; --every-day-at GIỜ: mỗi ngày."),
    "backup": ("backup", [], "Sao lưu CSDL, tệp riêng và khóa danh tính vào một tệp mã hóa: backup --out TỆP|THƯ_MỤC."),
    "generate": ("generate", [], "Sinh dữ liệu giả lập để đo hiệu năng: generate --scale department|province|national [--seed N]."),
    "restore": ("restore", [], "Khôi phục từ bản sao lưu: restore TỆP [--force]."),
}


def _usage():
    lines = ["Cách dùng: papi-inspect LỆNH [tham số]", "", "Lệnh:"]
    lines += [f"  {verb:<16} {help_text}" for verb, (_, _, help_text) in VERBS.items()]
    lines.append("  (mọi lệnh khác được chuyển cho manage.py)")
    return "\n".join(lines)


def _database_problem(error):
    """One line naming what is wrong with the database, instead of a traceback."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    where = db.get("HOST") or db.get("NAME")
    return f"Lỗi cơ sở dữ liệu ({db['ENGINE'].rsplit('.', 1)[-1]} tại {where}): {str(error).strip().splitlines()[0]}"


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(_usage())
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")

    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as error:
        print(f"Lỗi cấu hình: {error}", file=sys.stderr)
        return 2

    from django.core.management import call_command, execute_from_command_line
    from django.db import OperationalError, connection

    verb, rest = argv[0], argv[1:]
    # Verbs are spelled with hyphens (send-reminders); Django command modules use underscores.
    command, defaults, _ = VERBS.get(verb, (verb.replace("-", "_"), [], ""))
    try:
        if verb != "serve":
            connection.ensure_connection()
        if verb == "migrate":
            call_command("migrate", *rest, interactive=False)
            call_command("load_reference")
            return 0
        if verb == "serve":
            from papi_inspect.scheduler import start_in_background, start_task_worker

            start_in_background()
            start_task_worker()  # the django-tasks database worker: reports and large exports
            # No autoreloader: it would fork a second process and run the daily jobs twice.
            rest = [*(rest or defaults), "--noreload"]
        execute_from_command_line(["papi-inspect", command, *(rest or defaults)])
    except OperationalError as error:
        print(_database_problem(error), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
