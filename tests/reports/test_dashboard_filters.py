"""The list filters behind the dashboard agree with the deadline engine, the models and what a user may see."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.utils import timezone

from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.finding.models import Action
from papi_inspect.admin_filters import CURRENT_DUE, HandlerFilter, current_due
from papi_inspect.deadlines import deadline_status
from tests.base import client_for
from tests.complaint_case.builders import make_complaint, make_denunciation, make_petition
from tests.finding.builders import make_action, make_finding

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def sql_due(record):
    model = type(record)
    return model.objects.annotate(due_now=current_due(model)).values_list("due_now", flat=True).get(pk=record.pk)


def test_it_computes_the_current_deadline_in_sql_as_each_model_does_in_python(people):
    by = people.chief_inspector
    records = [make_petition(by), make_complaint(by), make_denunciation(by)]
    ComplaintCase.objects.filter(pk=records[1].pk).update(resolve_due=datetime.date(2026, 2, 6))
    Denunciation.objects.filter(pk=records[2].pk).update(resolve_due=datetime.date(2026, 3, 9))
    for record in records:
        model = type(record)
        for status in model.Status.values:
            model.objects.filter(pk=record.pk).update(status=status)
            record.refresh_from_db()
            assert sql_due(record) == record.current_due, (model.__name__, status)
    action = make_action(make_finding())
    for status in Action.Status.values:
        Action.objects.filter(pk=action.pk).update(status=status)
        action.refresh_from_db()
        done = status in (Action.Status.VERIFIED, Action.Status.CLOSED)  # finding/admin.py's deadline column
        assert sql_due(action) == (None if done else action.due_on), status
    assert set(CURRENT_DUE) == {"complaint_case.petition", "complaint_case.complaintcase", "complaint_case.denunciation",
                                "finding.action"}


def test_it_filters_deadline_status_exactly_as_the_engine_labels_it(client, people):
    today = timezone.localdate()
    petitions = []
    for offset in range(-3, 16):  # crosses at least two weekends, whatever today is
        petition = make_petition(people.chief_inspector, matter=f"Vụ việc hạn {offset}")
        Petition.objects.filter(pk=petition.pk).update(process_due=today + datetime.timedelta(days=offset))
        petitions.append(petition)
    closed = make_petition(people.chief_inspector, matter="Đơn đã xử lý")
    Petition.objects.filter(pk=closed.pk).update(status=Petition.Status.PROCESSED)
    client = client_for(client, people.leader)
    expected = {}
    for petition in Petition.objects.filter(pk__in=[p.pk for p in petitions]):
        expected.setdefault(str(deadline_status(petition.process_due)), set()).add(petition.pk)
    expected["none"] = {closed.pk}
    assert {"overdue", "due_soon", "on_time"} <= set(expected)
    for value, pks in expected.items():
        response = client.get(f"/admin/complaint_case/petition/?deadline={value}")
        assert response.status_code == 200
        assert set(response.context["cl"].queryset.values_list("pk", flat=True)) == pks, value


def test_it_offers_only_the_handlers_of_records_the_user_may_see(client, people):
    unit = people.unit_staff.staff_profile.unit
    make_petition(people.chief_inspector, handler=people.inspector)
    make_petition(people.chief_inspector, handler=people.unit_staff, unit=unit, matter="Phản ánh của đơn vị")
    for user, shown, hidden in ((people.leader, {people.inspector, people.unit_staff}, set()),
                                (people.unit_staff, {people.unit_staff}, {people.inspector})):
        response = client_for(client, user).get("/admin/complaint_case/petition/")
        spec = next(s for s in response.context["cl"].filter_specs if isinstance(s, HandlerFilter))
        offered = {value for value, _label in spec.lookup_choices}
        assert {str(u.pk) for u in shown} <= offered
        assert not {str(u.pk) for u in hidden} & offered
        assert HandlerFilter.NOBODY in offered


def test_it_filters_by_handler_and_by_nobody(client, people):
    assigned = make_petition(people.chief_inspector, handler=people.inspector)
    nobody = make_petition(people.chief_inspector, matter="Chưa giao ai")
    client = client_for(client, people.leader)
    for value, pk in ((people.inspector.pk, assigned.pk), (HandlerFilter.NOBODY, nobody.pk)):
        queryset = client.get(f"/admin/complaint_case/petition/?handler={value}").context["cl"].queryset
        assert list(queryset.values_list("pk", flat=True)) == [pk]
    for model in (ComplaintCase, Denunciation):
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/?handler={HandlerFilter.NOBODY}&deadline=overdue"
        assert client.get(url).status_code == 200
