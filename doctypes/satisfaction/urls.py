"""Routes of the satisfaction doctype: its API under /api/v1/."""

from doctypes.satisfaction.api import SatisfactionResultViewSet


def register_api(router):
    router.register("satisfaction-results", SatisfactionResultViewSet)
