"""Logging filters: no search strings in access logs, no traceback for an ordinary 403 or 404."""

import logging
import re

# The query of a request line ("GET /cases/?q=Nguyễn HTTP/1.1"): a search names people. Up to " HTTP/…" when
# the line has one (a malformed request may carry raw spaces), else up to the next space or quote.
_QUERY = re.compile(r"\?(?:.*?(?=\sHTTP/\d)|[^\s\"]*)")


def strip_query(text):
    return _QUERY.sub("", text)


class DropQueryStrings(logging.Filter):
    """Removes the query string from request lines in the access and request logs (runserver's, Django's)."""

    loggers = ("django.server", "django.request")

    def filter(self, record):
        if not record.name.startswith(self.loggers):
            return True
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(strip_query(arg) if isinstance(arg, str) else arg for arg in record.args)
        elif isinstance(record.msg, str) and "?" in record.msg and not record.args:
            record.msg = strip_query(record.msg)
        return True


class OneLineClientErrors(logging.Filter):
    """A refused or missing page (4xx) is logged in one line; only server errors keep their traceback.

    Django logs "Forbidden (Permission denied): /admin/…" with the exception attached, which printed a
    55-line traceback for every admin 403 or 404, burying the real errors.
    """

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
