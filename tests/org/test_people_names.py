"""People are named as the office names them, never by their login: in lists, history and choices."""

import datetime

import pytest
from django.urls import reverse

from doctypes.procedure_review import services
from doctypes.procedure_review.models import Procedure
from tests.base import client_for

pytestmark = pytest.mark.django_db


def test_a_list_names_the_reviewer_by_full_name_not_login(client, people):
    procedure = Procedure.objects.create(code="9.999001", name="Thủ tục thử", field="Thử", processing_days=5)
    services.review_procedure(procedure, by=people.office_clerk, reviewed_on=datetime.date(2026, 11, 2))
    page = client_for(client, people.office_chief).get(reverse("admin:procedure_review_procedurereview_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Phạm Văn Phòng" in text
    assert ">vanphong<" not in text


def test_an_account_without_a_name_still_shows_its_login(django_user_model):
    assert str(django_user_model(username="may-chu-sao-luu")) == "may-chu-sao-luu"
    assert str(django_user_model(username="x", first_name="Nguyễn Văn Hùng")) == "Nguyễn Văn Hùng"
