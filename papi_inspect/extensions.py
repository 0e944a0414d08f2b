"""The core's extension points: the optional modules each project app provides, in settings order.

The core never imports a doctype; it asks each app for `urls`, `roles`, `sidebar`, `reference` and
`demo` modules by name, so the layers point down only.
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings


def project_apps():
    """The doctypes in layer order, then the consumers (reports, the tablet)."""
    return [*settings.DOCTYPE_APPS, *settings.CONSUMER_APPS]


def extension_modules(name):
    """`<app>.<name>` for every project app that has such a module."""
    modules = []
    for app in project_apps():
        dotted = f"{app}.{name}"
        if find_spec(dotted) is not None:
            modules.append(import_module(dotted))
    return modules
