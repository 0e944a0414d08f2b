"""Routes of the anticorruption doctype: its API under /api/v1/."""

from doctypes.anticorruption import api


def register_api(router):
    router.register("anticorruption-sessions", api.OutreachSessionViewSet)
    router.register("anticorruption-documents", api.PreventionDocumentViewSet)
    router.register("job-rotations", api.JobRotationViewSet)
    router.register("conflicts-of-interest", api.ConflictOfInterestViewSet)
    router.register("gift-handovers", api.GiftHandoverViewSet)
    router.register("conduct-disciplines", api.ConductDisciplineViewSet)
