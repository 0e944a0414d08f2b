"""Routes of the finding doctype: its API under /api/v1/."""

from doctypes.finding.api import ActionViewSet, FindingViewSet, ViolationViewSet


def register_api(router):
    router.register("findings", FindingViewSet)
    router.register("violations", ViolationViewSet)
    router.register("follow-up-actions", ActionViewSet)
