"""Finds the optional modules each doctype app provides (urls, roles, demo), in settings order."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings


def doctype_modules(name):
    """`doctypes.<app>.<name>` for every doctype app that has such a module."""
    modules = []
    for app in settings.DOCTYPE_APPS:
        dotted = f"{app}.{name}"
        if find_spec(dotted) is not None:
            modules.append(import_module(dotted))
    return modules
