"""A management command whose refusals reach the terminal as one Vietnamese line and an exit code."""

from django.core.management.base import BaseCommand, CommandError


class OneLineErrorCommand(BaseCommand):
    """Django would print "CommandError: …"; an administrator gets "Lỗi: …" alone, with the error's exit code.

    From call_command (tests, other code) the CommandError is raised as usual.
    """

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if not getattr(self, "_called_from_command_line", False):
                raise
            self.stderr.write(f"Lỗi: {error}")
            raise SystemExit(error.returncode)
