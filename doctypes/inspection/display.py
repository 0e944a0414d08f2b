"""Deadline status text for list columns, from the shared deadline engine."""

from papi_inspect.deadlines import DeadlineStatus, deadline_status


def status_label(due, *, done=False):
    """"Trong hạn / Sắp đến hạn / Quá hạn" for an open item, or an empty string."""
    if done or due is None:
        return ""
    return DeadlineStatus(deadline_status(due)).label
