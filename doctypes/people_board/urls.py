"""Routes of the people_board doctype: its API under /api/v1/."""

from doctypes.people_board.api import BoardViewSet, MeetingViewSet, RecommendationViewSet, TrainingViewSet


def register_api(router):
    router.register("people-boards", BoardViewSet)
    router.register("people-board-meetings", MeetingViewSet)
    router.register("people-board-recommendations", RecommendationViewSet)
    router.register("people-board-trainings", TrainingViewSet)
