"""API of the case register: read through visible_to; POST enters a case (with people and recoveries) through
record_case; PATCH corrects its own fields; POST /import/ takes last year's sheet."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from doctypes.org.models import Unit
from doctypes.pctn_case import services
from doctypes.pctn_case.access import may_keep_cases
from doctypes.pctn_case.importer import PctnCaseImporter
from doctypes.pctn_case.models import PctnCase, PctnCasePerson, PctnRecovery
from papi_inspect.api import VisibleReadOnlyViewSet
from papi_inspect.api_import import SheetImportActionMixin
from papi_inspect.api_locking import EditableViewSetMixin
from papi_inspect.choices import ScopedModelSerializer, ScopedSlugRelated


class PersonSerializer(ScopedModelSerializer):
    class Meta:
        model = PctnCasePerson
        fields = ["id", "label", "role", "head_responsible", "discipline", "disciplined_on", "prosecuted_on", "sentence",
                  "sentenced_on"]


class RecoverySerializer(ScopedModelSerializer):
    class Meta:
        model = PctnRecovery
        fields = ["id", "recorded_on", "measure", "amount", "land"]


class PctnCaseSerializer(ScopedModelSerializer):
    unit = ScopedSlugRelated(slug_field="code", queryset=Unit.objects.all())
    people = PersonSerializer(many=True, required=False)
    recoveries = RecoverySerializer(many=True, required=False)
    in_inspectorate = serializers.BooleanField(read_only=True)

    class Meta:
        model = PctnCase
        fields = ["id", "code", "title", "unit", "detected_on", "channel", "kind", "non_state", "non_state_organisation",
                  "violation", "inspection", "denunciation", "amount_detected", "land_detected", "prosecuted_on", "tried_on",
                  "handled_on", "whistleblowers_protected", "whistleblowers_retaliated", "retaliators_handled",
                  "whistleblowers_rewarded", "summary", "papi_dimensions", "plan_tasks", "in_inspectorate", "people",
                  "recoveries"]
        read_only_fields = ["code"]


class PctnCaseViewSet(SheetImportActionMixin, EditableViewSetMixin, VisibleReadOnlyViewSet):
    queryset = PctnCase.objects.select_related("unit").prefetch_related("people", "recoveries")
    serializer_class = PctnCaseSerializer
    filterset_fields = ["channel", "kind", "non_state", "unit"]
    search_fields = ["code", "title"]
    http_method_names = ["get", "post", "patch", "head", "options"]
    importer = PctnCaseImporter()
    # Dates and amounts move through record_case and the back-office form, where the case's rules are checked.
    edit_fields = ["title", "summary"]

    def may_edit(self, user, case):
        return may_keep_cases(user, case.unit)

    @extend_schema(request=PctnCaseSerializer, responses={201: PctnCaseSerializer})
    def create(self, request):
        data = PctnCaseSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        case = services.record_case(by=request.user, **values)
        return Response(PctnCaseSerializer(case).data, status=status.HTTP_201_CREATED)
