"""Routes of the papi doctype: its read-only API."""

from doctypes.papi.api import DimensionViewSet


def register_api(router):
    router.register("papi-dimensions", DimensionViewSet)
