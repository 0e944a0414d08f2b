"""Routes of the dialogue doctype: its API under /api/v1/."""

from doctypes.dialogue.api import CommitmentViewSet, DialogueViewSet


def register_api(router):
    router.register("dialogues", DialogueViewSet)
    router.register("dialogue-commitments", CommitmentViewSet)
