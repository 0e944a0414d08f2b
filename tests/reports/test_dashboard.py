"""The leadership dashboard: figures per role, each link opening a list that counts the same, no identity leaks."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest
from cryptography.fernet import Fernet
from django.utils import timezone

from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.discipline_check import services as check_services
from doctypes.finding import services as finding_services
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from reports.dashboard import figures
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, make_complaint, make_denunciation, make_petition
from tests.discipline_check.builders import make_check
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.builders import advance, make_inspection

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r'<a class="papi-figure" href="([^"]+)" data-measure="([^"]+)">([^<]+)</a>')


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def _due(model, record, **dates):
    model.objects.filter(pk=record.pk).update(**dates)


@pytest.fixture
def world(people):
    """Cases with known deadlines, inspections at two steps, a finding with money and an action, a check."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    by = people.chief_inspector
    unit = Unit.objects.get(code="snnmt-ccthuyloi")
    cases = {
        "petition_overdue": make_petition(by, handler=people.inspector),
        "petition_soon": make_petition(by, matter="Đề nghị cấp lại sổ đỏ"),
        "petition_unit": make_petition(by, unit=unit, handler=people.unit_staff, matter="Phản ánh kênh tưới"),
        "complaint_soon": make_complaint(by, handler=people.inspector),
        "complaint_on_time": make_complaint(by, handler=people.inspector, subject="Khiếu nại mức bồi thường"),
        "denunciation_overdue": make_denunciation(by, handler=people.inspector),
    }
    _due(Petition, cases["petition_overdue"], process_due=today - 5 * day)
    _due(Petition, cases["petition_soon"], process_due=today)
    _due(Petition, cases["petition_unit"], process_due=today - day)
    _due(ComplaintCase, cases["complaint_soon"], accept_due=today + day)
    _due(ComplaintCase, cases["complaint_on_time"], accept_due=today + 30 * day)
    _due(Denunciation, cases["denunciation_overdue"], initial_due=today - 2 * day)

    advance(make_inspection(title="Thanh tra quản lý đê điều"), Inspection.Step.FIELDWORK)
    make_inspection(title="Thanh tra công tác tài chính", subject="snnmt-khtc")
    finding = make_finding()
    violation = make_violation(finding, amount_to_recover=Decimal(20_000_000))
    action = make_action(finding, violation=violation, due_on=today - 10 * day)
    finding_services.report_action_progress(action, by=people.unit_staff, reported_on=today, note="Đã nộp một phần",
                                            amount_recovered=Decimal(5_000_000))
    check = make_check()
    items = list(check.template.items.order_by("order"))
    check_services.record_results(check, by=people.office_clerk, results=[
        (items[0], "pass", "", None), (items[1], "fail", "Không đeo thẻ", None), (items[3], "pass", "", None),
    ])
    return cases


def page_figures(client, user):
    response = client_for(client, user).get("/admin/")
    assert response.status_code == 200
    page = response.content.decode()
    return page, [(unescape(url), measure, int(text.replace(".", "").replace(",", "")))
                  for url, measure, text in FIGURE.findall(page)]


def list_measure(client, url, measure):
    response = client.get(url)
    assert response.status_code == 200, url
    changelist = response.context["cl"]
    if measure == "count":
        return changelist.result_count
    field = measure.split(":", 1)[1]
    rows = changelist.queryset
    if field == "outstanding":
        return int(sum(row.amount_to_recover - row.amount_recovered for row in rows))
    return int(sum(getattr(row, field) for row in rows))


@pytest.mark.parametrize("who", ["leader", "chief_inspector", "inspector", "unit_staff", "unit_head", "office_clerk", "outsider"])
def test_it_links_every_figure_to_a_list_that_shows_the_same_number(client, people, world, who):
    user = getattr(people, who)
    page, shown = page_figures(client, user)
    assert "papi-dashboard" in page  # our admin/index.html won over Unfold's
    assert shown, "the dashboard shows no figure"
    for url, measure, value in shown:
        assert "?e=1" not in url
        assert list_measure(client, url, measure) == value, (who, url)
    if who != "outsider":
        assert any(value for _url, _measure, value in shown)


def test_it_shows_leadership_the_department_figures(people, world):
    deadlines = figures.deadlines(people.leader)
    totals = {model: tuple(f.value for f in pair) for model, pair in deadlines["totals"].items()}
    assert totals == {Petition: (2, 1), ComplaintCase: (0, 1), Denunciation: (1, 0)}
    inspector = people.inspector.pk
    assert [f.value for f in deadlines["by_handler"][inspector][Petition]] == [1, 0]
    assert [f.value for f in deadlines["by_handler"][None][Petition]] == [0, 1]  # the unassigned petition
    thuy_loi = Unit.objects.get(code="snnmt-ccthuyloi").pk
    assert [f.value for f in deadlines["by_unit"][thuy_loi][Petition]] == [1, 0]
    steps = {label: f.value for label, f in figures.inspections_by_step(people.leader)["rows"]}
    assert steps[Inspection.Step.FIELDWORK.label] == 1 and steps[Inspection.Step.PLANNED.label] == 1
    assert steps[Inspection.Step.REPORTED.label] == 1  # the finding's inspection
    follow_up = figures.follow_up(people.leader)
    assert follow_up["actions"]["outstanding"].value == 1 and follow_up["actions"]["overdue"].value == 1
    money = follow_up["money"]
    assert (money["due"].value, money["recovered"].value, money["remaining"].value) == (20_000_000, 5_000_000, 15_000_000)
    discipline = figures.discipline_by_unit(people.leader)["rows"]
    assert [(row["unit"], [f.value for f in row["results"]], row["pass_rate"]) for row in discipline] == [
        ("Chi cục Thủy lợi", [2, 1, 0], 67)
    ]


def test_it_shows_a_unit_only_its_own_numbers(people, world):
    deadlines = figures.deadlines(people.unit_staff)
    thuy_loi = Unit.objects.get(code="snnmt-ccthuyloi").pk
    assert set(deadlines["by_unit"]) == {thuy_loi}
    assert [f.value for f in deadlines["totals"][Petition]] == [1, 0]
    assert set(deadlines["by_handler"]) == {people.unit_staff.pk}
    cases = {block["model"]: block["total"].value for block in figures.cases_by_status(people.unit_staff)}
    assert cases == {Petition: 1, ComplaintCase: 0, Denunciation: 0}
    steps = figures.inspections_by_step(people.unit_staff)
    planned = {label: f.value for label, f in steps["rows"]}[Inspection.Step.PLANNED.label]
    assert steps["total"].value == 2 and planned == 0  # the two about Chi cục Thủy lợi, not the one of Phòng KH-TC


def test_it_shows_the_outsider_nothing_of_the_department(client, people, world):
    page, shown = page_figures(client, people.outsider)
    assert shown and all(value == 0 for _url, _measure, value in shown)
    for name in ("Chi cục Thủy lợi", "Lê Thanh Tra", "Vũ Cán Bộ", "Thanh tra Sở"):
        assert name not in page


def test_it_never_shows_a_denouncers_identity(client, people, world):
    for user in (people.leader, people.chief_inspector, people.inspector):
        page, _shown = page_figures(client, user)
        for value in DENOUNCER.values():
            assert value not in page
        assert world["denunciation_overdue"].pseudonym not in page


def test_it_draws_the_charts_with_the_vendored_chart_js_and_json_data(client, people, world):
    page, _shown = page_figures(client, people.leader)
    assert "/static/papi/vendor/chart.umd.min.js" in page and "/static/reports/dashboard.js" in page
    assert not re.search(r'<script[^>]+src="(https?:)?//', page)  # nothing from a CDN
    for chart_id in ("chart-petition", "chart-inspection", "chart-money", "chart-discipline"):
        assert f'<script id="{chart_id}" type="application/json">' in page
        assert f'data-papi-chart="{chart_id}"' in page


def test_it_renders_the_dashboard_in_a_bounded_number_of_queries(client, people, world, django_assert_max_num_queries):
    client = client_for(client, people.leader)
    with django_assert_max_num_queries(30):  # 24 at 10 years of synthetic records
        assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("username", ["giamdoc", "truongdonvi"])
def test_it_agrees_with_the_lists_on_the_whole_demo(client, db, username):
    from django.contrib.auth import get_user_model

    from papi_inspect.demo import load_demo

    load_demo()
    user = get_user_model().objects.get(username=username)
    _page, shown = page_figures(client, user)
    assert sum(1 for _url, _measure, value in shown if value) >= 10
    for url, measure, value in shown:
        assert list_measure(client, url, measure) == value, (username, url)
