"""The dialogue register's numbers: the dashboard panel counts what its list shows, and the PAPI 3 figures equal
plain SQL counts over dialogues of several units, another agency's, and dates inside and outside the period."""

import pytest

from doctypes.dialogue import services
from doctypes.dialogue.models import Commitment, Dialogue
from doctypes.papi.figures import collect_figures
from reports.dashboard.panels import register_panels
from tests.base import client_for
from tests.dialogue.builders import days_ago, make_dialogue, sql_count, unit


@pytest.fixture
def dialogue_world(people):
    first = make_dialogue(people, "snnmt-ccthuyloi", held=100, commitments=[
        ("Nạo vét kênh N5", "snnmt-ccthuyloi", 80), ("Công bố lịch lấy nước", "snnmt-ccthuyloi", 90)])
    make_dialogue(people, "snnmt-cckiemlam", held=40, topic="Chi trả khoán bảo vệ rừng", commitments=[
        ("Rà soát hộ nhận khoán", "snnmt-cckiemlam", 10), ("Bố trí kinh phí", "snnmt-khtc", -30)])
    make_dialogue(people, "snnmt-cccnty", held=300, topic="Tiêm phòng dịch tả lợn", commitments=[
        ("Cấp vắc xin bổ sung", "snnmt-cccnty", 280)])
    for commitment, done in zip(first.commitments.order_by("id"), (85, 70)):
        services.record_result(commitment, by=people.inspector, done_on=days_ago(done), result="Đã thực hiện")
    old = Commitment.objects.get(content="Cấp vắc xin bổ sung")
    services.record_result(old, by=people.inspector, done_on=days_ago(285), result="Đã cấp")
    # Another agency's dialogue, recorded there: never counted for this department.
    other = Dialogue.objects.create(held_on=days_ago(20), leader=people.outsider, unit=unit("stc-vp"), topic="Đối thoại thuế",
                                    participant_count=99)
    Commitment.objects.create(dialogue=other, content="Trả lời doanh nghiệp", owner_unit=unit("stc-vp"), due_on=days_ago(10),
                              done_on=days_ago(12), result="Xong")
    return first


def test_the_papi_3_figures_are_the_plain_sql_counts(people, dialogue_world):
    units = dialogue_world.unit.agency().family_ids()
    start, end = days_ago(120), days_ago(0)
    marks = ", ".join(["%s"] * len(units))
    expected = {
        "dialogues_held": sql_count(
            f"SELECT COUNT(*) FROM dialogue_dialogue WHERE unit_id IN ({marks}) AND held_on BETWEEN %s AND %s AND kind = 'citizens'",
            [*units, start, end]),
        "dialogue_participants": sql_count(
            f"SELECT COALESCE(SUM(participant_count), 0) FROM dialogue_dialogue WHERE unit_id IN ({marks}) "
            "AND held_on BETWEEN %s AND %s", [*units, start, end]),
        "dialogue_commitments_on_time": sql_count(
            f"SELECT COUNT(*) FROM dialogue_commitment WHERE owner_unit_id IN ({marks}) AND done_on BETWEEN %s AND %s "
            "AND done_on <= due_on", [*units, start, end]),
    }
    assert expected == {"dialogues_held": 2, "dialogue_participants": 80, "dialogue_commitments_on_time": 1}
    figures = collect_figures(units, start, end)
    assert {row["key"]: row["value"] for row in figures["3"] if row["source"] == "dialogue"} == expected


@pytest.mark.parametrize("who", ["inspector", "unit_head", "leader", "office_clerk"])
def test_the_dashboard_panel_counts_what_its_list_shows(client, people, dialogue_world, who):
    user = getattr(people, who)
    rows = [row for row in register_panels(user) if str(row["title"]) == "Cam kết sau đối thoại với người dân"]
    assert len(rows) == 1
    client_for(client, user)
    for state in ("done", "due", "overdue"):
        figure = rows[0][state]
        response = client.get(figure.url)
        assert response.status_code == 200
        assert response.context["cl"].result_count == figure.value, (who, state)
    if who == "inspector":
        assert (rows[0]["done"].value, rows[0]["due"].value, rows[0]["overdue"].value) == (3, 1, 1)
    if who == "unit_head":  # the irrigation office's own commitments only
        assert (rows[0]["done"].value, rows[0]["due"].value, rows[0]["overdue"].value) == (2, 0, 0)
