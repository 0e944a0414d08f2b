"""API of the leaders' dialogues: dialogues (create with commitments, Excel import) and commitments (steps)."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from doctypes.complaint_case.models import ComplaintCase, Petition
from doctypes.dialogue import services
from doctypes.dialogue.importer import DialogueImporter
from doctypes.dialogue.models import Commitment, Dialogue
from doctypes.dialogue.steps import COMMITMENT_STEPS
from doctypes.org.models import Unit
from doctypes.papi.models import Task
from papi_inspect.api_import import SheetImportActionMixin
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_records import ServiceViewSet, StepViewSetMixin
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated
from papi_inspect.duties import DutyFieldsMixin


class CommitmentSerializer(DutyFieldsMixin, ScopedModelSerializer):
    owner_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Commitment
        fields = ["id", "dialogue", "content", "owner_unit", "due_on", "result", "done_on", "deadline_status", "follow_ups"]


class DialogueSerializer(ScopedModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    leader_name = serializers.CharField(source="leader.staff_profile.full_name", read_only=True, default="")
    # Codes only: a petition's or case's text may name the citizen.
    complaint_cases = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    petitions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    commitments = CommitmentSerializer(many=True, read_only=True)

    class Meta:
        model = Dialogue
        fields = ["id", "kind", "held_on", "leader", "leader_name", "unit", "topic", "place", "participant_count",
                  "participants", "result", "complaint_cases", "petitions", "commitments"]
        read_only_fields = ["leader"]


class CommitmentInput(serializers.Serializer):
    content = serializers.CharField()
    owner_unit = ScopedRelated(queryset=Unit.objects.all())
    due_on = serializers.DateField()


class DialogueInput(serializers.Serializer):
    held_on = serializers.DateField()
    leader = ScopedRelated(queryset=get_user_model().objects.all())
    unit = ScopedRelated(queryset=Unit.objects.all())
    topic = serializers.CharField()
    place = serializers.CharField(required=False, allow_blank=True, default="")
    participant_count = serializers.IntegerField(min_value=0, required=False, default=0)
    participants = serializers.CharField(required=False, allow_blank=True, default="")
    result = serializers.CharField(required=False, allow_blank=True, default="")
    complaint_cases = ScopedRelated(queryset=ComplaintCase.objects.all(), many=True, required=False, default=list)
    petitions = ScopedRelated(queryset=Petition.objects.all(), many=True, required=False, default=list)
    commitments = CommitmentInput(many=True, required=False, default=list)
    plan_tasks = ScopedRelated(queryset=Task.objects.all(), many=True, required=False, default=list)


class DialogueViewSet(SheetImportActionMixin, ServiceViewSet):
    queryset = Dialogue.objects.select_related("unit", "leader__staff_profile").prefetch_related(
        "complaint_cases", "petitions", "commitments__owner_unit", "commitments__follow_ups")
    serializer_class = DialogueSerializer
    create_input = DialogueInput
    importer = DialogueImporter()
    filterset_fields = ["kind", "unit", "held_on", "leader"]
    search_fields = ["topic", "place", "participants", "result"]

    def create_record(self, user, data):
        return services.hold_dialogue(by=user, **data)


class CommitmentViewSet(StepViewSetMixin, VisibleReadOnlyViewSet):
    """Commitments are made on their dialogue; here they are read and moved by their steps (follow-up, result)."""

    queryset = Commitment.objects.select_related("owner_unit").prefetch_related("follow_ups")
    serializer_class = CommitmentSerializer
    workflow = COMMITMENT_STEPS
    filterset_fields = ["dialogue", "owner_unit", "due_on", "done_on"]
    search_fields = ["content", "result", "owner_unit__name"]
