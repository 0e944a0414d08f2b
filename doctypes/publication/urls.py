"""Routes of the publication doctype: its API under /api/v1/."""

from doctypes.publication.api import PublicationViewSet


def register_api(router):
    router.register("publications", PublicationViewSet)
