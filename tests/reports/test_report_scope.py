"""A report is the agency's: every drafting role gets the same figures, those SQL finds, Chi cục cases included."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from doctypes.complaint_case.models import Petition
from doctypes.org.models import Unit
from reports.services import lifecycle as services
from tests.complaint_case.builders import inspectorate, make_complaint, make_petition
from tests.reports.test_tables_kntc import processed

D = datetime.date
DRAFTERS = ("chief_inspector", "inspector", "office_chief", "office_clerk")


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def arrange(people):
    """Petitions at the inspectorate (a denunciation the office may not read), at the office and at a Chi cục."""
    by = people.chief_inspector
    office, chi_cuc = Unit.objects.get(code="snnmt-vp"), Unit.objects.get(code="snnmt-ccthuyloi")
    processed(make_petition(by, received_on=D(2025, 3, 2), matter="Khiếu nại bồi thường của ông Trần Văn Bình"), by,
              kind="complaint")
    processed(make_petition(by, received_on=D(2025, 3, 3), matter="Tố cáo cán bộ Lê Văn Cường nhận tiền"), by,
              kind="denunciation", anti_corruption=True)
    clerk, head = people.office_clerk, people.unit_head
    processed(make_petition(clerk, received_on=D(2025, 3, 4), matter="Kiến nghị của bà Hoa về lịch tiếp dân", unit=office),
              clerk, kind="request", outcome="file")
    for day in (5, 6, 7):
        processed(make_petition(head, received_on=D(2025, 3, day), matter=f"Khiếu nại về cống thủy lợi số {day}",
                                unit=chi_cuc), head, kind="complaint")
    make_petition(head, received_on=D(2025, 4, 1), matter="Đơn chưa xử lý của ông Phan Văn Dũng", unit=chi_cuc)
    make_complaint(head, received_on=D(2025, 5, 2), unit=chi_cuc)
    make_complaint(by, received_on=D(2025, 5, 3), unit=inspectorate())


def figures(version):
    """Every cell value of every table, keyed by (form, row, column): what the state would read."""
    return {(table["code"], row["label"], code): cell["value"]
            for table in version.data["tables"] for row in table["rows"] for code, cell in row["cells"].items()}


def petitions_in_year_by_sql():
    """02/XLD column 1 recomputed without the application: the department's petitions of the 2025 report year."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {Petition._meta.db_table} p JOIN {Unit._meta.db_table} u ON u.id = p.unit_id "
            "WHERE u.code LIKE 'snnmt%%' AND p.merged_into_id IS NULL AND p.received_on BETWEEN %s AND %s",
            [D(2024, 12, 15), D(2025, 12, 14)])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_every_drafter_generates_the_same_figures_and_sql_agrees(people):
    arrange(people)
    # The roles do not see the same records on screen: the office reads neither denunciations nor the inspectorate's.
    seen = {who: Petition.objects.visible_to(getattr(people, who)).count() for who in DRAFTERS}
    assert len(set(seen.values())) > 1, seen
    report = services.get_or_create_report("kntc", "year", 2025, by=people.chief_inspector)
    versions = [services.generate_version(report, by=getattr(people, who)) for who in DRAFTERS]
    assert [version.number for version in versions] == [1, 2, 3, 4]
    first = figures(versions[0])
    for who, version in zip(DRAFTERS[1:], versions[1:]):
        assert figures(version) == first, who
    assert first[("02/XLD", "Tổng cộng", "1")] == petitions_in_year_by_sql() == 7
    # The Chi cục is a row of its own, and its complaint case is counted in 03/GQKN.
    assert first[("02/XLD", "Chi cục Thủy lợi", "1")] == 4
    assert (first[("03/GQKN", "Tổng cộng", "1")], first[("03/GQKN", "Tổng cộng", "2")]) == (4, 2)
    assert first[("03/GQKN", "Chi cục Thủy lợi", "2")] == 1


@pytest.mark.django_db
def test_another_agency_generates_its_own_report_with_none_of_ours(people):
    arrange(people)
    report = services.get_or_create_report("kntc", "year", 2025, by=people.chief_inspector)
    ours = figures(services.generate_version(report, by=people.chief_inspector))
    theirs = services.build_snapshot(services.get_or_create_report("kntc", "year", 2025, by=people.chief_inspector,
                                                                    agency=Unit.objects.get(code="stc")))
    assert ours[("02/XLD", "Tổng cộng", "1")] == 7
    totals = [row["cells"]["1"]["value"] for table in theirs["tables"] if table["code"] == "02/XLD"
              for row in table["rows"] if row["label"] == "Tổng cộng"]
    assert totals == [0]
