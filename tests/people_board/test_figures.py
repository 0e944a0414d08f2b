"""The board's numbers: the dashboard panel counts what its list shows, and the PAPI figures equal plain SQL counts
over realistic records (several units, another agency's board, dates inside and outside the period)."""

import pytest

from doctypes.papi.figures import collect_figures
from doctypes.people_board import services
from doctypes.people_board.models import Board, BoardMeeting, Recommendation
from reports.dashboard.panels import register_panels
from tests.base import client_for
from tests.people_board.builders import days_ago, make_board, make_recommendation, sql_count, unit


@pytest.fixture
def board_world(people):
    """Two boards of the department and one of another agency; recommendations met on time, late, open and overdue."""
    board, centre = make_board(people), make_board(people, "snnmt-ttkn")
    for held, which in ((100, board), (40, board), (10, centre), (300, board)):
        services.record_meeting(by=people.office_clerk, board=which, held_on=days_ago(held), content="Họp giám sát")
    answered = [("snnmt-ccthuyloi", 90, 60, 65), ("snnmt-ccthuyloi", 80, 50, 30), ("snnmt-khtc", 70, 40, 45),
                ("snnmt-cckiemlam", 60, 30, None), ("snnmt-ttkn", 20, -20, None), ("snnmt-vp", 350, 330, 300)]
    for owner, made, due, done in answered:
        recommendation = make_recommendation(people, board if owner != "snnmt-ttkn" else centre, owner, made=made, due=due,
                                             content=f"Kiến nghị gửi {owner} ngày {days_ago(made):%d/%m}")
        if done is not None:
            services.record_result(recommendation, by=people.office_clerk, done_on=days_ago(done), result="Đã trả lời bà Lụa")
    # Another agency's board, recorded there: never counted for this department.
    other = Board.objects.create(unit=unit("stc-vp"), term_from=days_ago(400), term_to=days_ago(-300))
    BoardMeeting.objects.create(board=other, held_on=days_ago(30), content="Họp Ban TTND Sở Tài chính")
    Recommendation.objects.create(board=other, made_on=days_ago(50), content="Kiến nghị Sở Tài chính", owner_unit=unit("stc-vp"),
                                  due_on=days_ago(40), done_on=days_ago(45), result="Xong")
    return board


def test_the_papi_figures_are_the_plain_sql_counts(people, board_world):
    units = board_world.unit.agency().family_ids()
    start, end = days_ago(120), days_ago(0)
    marks = ", ".join(["%s"] * len(units))
    expected = {
        "people_board_meetings": sql_count(
            "SELECT COUNT(*) FROM people_board_boardmeeting m JOIN people_board_board b ON b.id = m.board_id "
            f"WHERE b.unit_id IN ({marks}) AND m.held_on BETWEEN %s AND %s", [*units, start, end]),
        "people_board_recommendations": sql_count(
            f"SELECT COUNT(*) FROM people_board_recommendation WHERE owner_unit_id IN ({marks}) AND made_on BETWEEN %s AND %s",
            [*units, start, end]),
        "people_board_answered_on_time": sql_count(
            f"SELECT COUNT(*) FROM people_board_recommendation WHERE owner_unit_id IN ({marks}) "
            "AND done_on BETWEEN %s AND %s AND done_on <= due_on", [*units, start, end]),
    }
    assert expected == {"people_board_meetings": 3, "people_board_recommendations": 5, "people_board_answered_on_time": 2}
    figures = collect_figures(units, start, end)
    shown = {row["key"]: row["value"] for rows in figures.values() for row in rows if row["source"] == "people_board"}
    assert shown == expected
    assert {row["key"] for row in figures["1"]} >= {"people_board_meetings", "people_board_recommendations"}
    assert "people_board_answered_on_time" in {row["key"] for row in figures["3"]}


@pytest.mark.parametrize("who", ["office_clerk", "unit_head", "leader", "outsider"])
def test_the_dashboard_panel_counts_what_its_list_shows(client, people, board_world, who):
    user = getattr(people, who)
    rows = [row for row in register_panels(user) if str(row["title"]) == "Kiến nghị của Ban Thanh tra nhân dân"]
    assert len(rows) == 1
    client_for(client, user)
    for state in ("done", "due", "overdue"):
        figure = rows[0][state]
        response = client.get(figure.url)
        assert response.status_code == 200
        assert response.context["cl"].result_count == figure.value, (who, state)
    if who == "office_clerk":
        assert (rows[0]["done"].value, rows[0]["due"].value, rows[0]["overdue"].value) == (4, 1, 1)
    if who == "outsider":  # their own agency's recommendation only, none of this department's
        assert (rows[0]["done"].value, rows[0]["due"].value, rows[0]["overdue"].value) == (1, 0, 0)
