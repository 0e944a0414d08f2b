"""Routes of the pctn_case doctype: its API under /api/v1/."""

from doctypes.pctn_case.api import PctnCaseViewSet


def register_api(router):
    router.register("pctn-cases", PctnCaseViewSet)
