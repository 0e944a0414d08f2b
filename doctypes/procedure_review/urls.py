"""Routes of the procedure_review doctype: its API under /api/v1/."""

from doctypes.procedure_review.api import LateHandlingStatViewSet, ProcedureReviewViewSet, ProcedureViewSet


def register_api(router):
    router.register("procedures", ProcedureViewSet)
    router.register("procedure-reviews", ProcedureReviewViewSet)
    router.register("late-handling-stats", LateHandlingStatViewSet)
