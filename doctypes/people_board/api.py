"""API of the people's inspection board: boards, meetings, recommendations (steps, Excel import) and training."""

from rest_framework import serializers

from doctypes.org.models import Unit
from doctypes.papi.models import Task
from doctypes.people_board import services
from doctypes.people_board.importer import RecommendationImporter
from doctypes.people_board.models import Board, BoardMeeting, BoardMember, BoardTraining, Recommendation
from doctypes.people_board.steps import RECOMMENDATION_STEPS
from papi_inspect.api_import import SheetImportActionMixin
from papi_inspect.api_records import ServiceViewSet
from papi_inspect.choices import ScopedModelSerializer, ScopedRelated
from papi_inspect.duties import DutyFieldsMixin


class MemberSerializer(ScopedModelSerializer):
    class Meta:
        model = BoardMember
        fields = ["id", "full_name", "role", "from_on", "to_on"]


class BoardSerializer(ScopedModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Board
        fields = ["id", "unit", "term_from", "term_to", "note", "members"]


class MemberInput(serializers.Serializer):
    full_name = serializers.CharField()
    role = serializers.ChoiceField(choices=BoardMember.Role.choices, default=BoardMember.Role.MEMBER)
    from_on = serializers.DateField(required=False, allow_null=True, default=None)
    to_on = serializers.DateField(required=False, allow_null=True, default=None)


class BoardInput(serializers.Serializer):
    unit = ScopedRelated(queryset=Unit.objects.all())
    term_from = serializers.DateField()
    term_to = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    members = MemberInput(many=True, required=False, default=list)
    plan_tasks = ScopedRelated(queryset=Task.objects.all(), many=True, required=False, default=list)


class BoardViewSet(ServiceViewSet):
    queryset = Board.objects.select_related("unit").prefetch_related("members")
    serializer_class = BoardSerializer
    create_input = BoardInput
    filterset_fields = ["unit"]
    search_fields = ["unit__name", "note", "members__full_name"]

    def create_record(self, user, data):
        return services.set_up_board(by=user, **data)


class MeetingSerializer(ScopedModelSerializer):
    class Meta:
        model = BoardMeeting
        fields = ["id", "board", "held_on", "content"]


class MeetingInput(serializers.Serializer):
    board = ScopedRelated(queryset=Board.objects.all())
    held_on = serializers.DateField()
    content = serializers.CharField()
    plan_tasks = ScopedRelated(queryset=Task.objects.all(), many=True, required=False, default=list)


class MeetingViewSet(ServiceViewSet):
    queryset = BoardMeeting.objects.all()
    serializer_class = MeetingSerializer
    create_input = MeetingInput
    filterset_fields = ["board", "held_on"]
    search_fields = ["content"]

    def create_record(self, user, data):
        return services.record_meeting(by=user, **data)


class RecommendationSerializer(DutyFieldsMixin, ScopedModelSerializer):
    owner_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Recommendation
        fields = ["id", "board", "made_on", "content", "owner_unit", "due_on", "result", "done_on", "deadline_status", "follow_ups"]


class RecommendationInput(serializers.Serializer):
    board = ScopedRelated(queryset=Board.objects.all())
    made_on = serializers.DateField()
    content = serializers.CharField()
    owner_unit = ScopedRelated(queryset=Unit.objects.all())
    due_on = serializers.DateField()
    plan_tasks = ScopedRelated(queryset=Task.objects.all(), many=True, required=False, default=list)


class RecommendationViewSet(SheetImportActionMixin, ServiceViewSet):
    queryset = Recommendation.objects.select_related("owner_unit").prefetch_related("follow_ups")
    serializer_class = RecommendationSerializer
    create_input = RecommendationInput
    workflow = RECOMMENDATION_STEPS
    importer = RecommendationImporter()
    filterset_fields = ["board", "owner_unit", "due_on", "done_on"]
    search_fields = ["content", "result", "owner_unit__name"]

    def create_record(self, user, data):
        return services.record_recommendation(by=user, **data)


class TrainingSerializer(ScopedModelSerializer):
    class Meta:
        model = BoardTraining
        fields = ["id", "board", "held_on", "topic", "organiser", "attendees"]


class TrainingInput(serializers.Serializer):
    board = ScopedRelated(queryset=Board.objects.all())
    held_on = serializers.DateField()
    topic = serializers.CharField()
    organiser = serializers.CharField(required=False, allow_blank=True, default="")
    attendees = ScopedRelated(queryset=BoardMember.objects.all(), many=True, required=False, default=list)
    plan_tasks = ScopedRelated(queryset=Task.objects.all(), many=True, required=False, default=list)


class TrainingViewSet(ServiceViewSet):
    queryset = BoardTraining.objects.prefetch_related("attendees")
    serializer_class = TrainingSerializer
    create_input = TrainingInput
    filterset_fields = ["board", "held_on"]
    search_fields = ["topic", "organiser"]

    def create_record(self, user, data):
        return services.record_training(by=user, **data)
