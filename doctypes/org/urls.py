"""Routes of the org doctype: its read-only API."""

from doctypes.org.api import StaffProfileViewSet, UnitViewSet


def register_api(router):
    router.register("units", UnitViewSet)
    router.register("staff", StaffProfileViewSet)
