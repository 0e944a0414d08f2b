"""The demo department's annual anti-corruption figures come from its records: the 2026 inspection on anti-corruption."""

import datetime

import pytest
from cryptography.fernet import Fernet

from papi_inspect.demo import load_demo
from papi_inspect.permissions import agency_unit_ids
from reports.periods import resolve_period
from reports.tables.build import build_table
from tests.base import load_people


@pytest.mark.django_db
def test_the_demo_anti_corruption_inspection_and_its_violation_reach_01_and_02_pctn(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)
    load_demo()
    units, year = agency_unit_ids(load_people().chief_inspector), resolve_period("year", 2026)
    assert year.start <= datetime.date(2026, 3, 2) <= year.end
    indicators = {row.key: row.cells["SỐ LIỆU"].value for row in build_table("01/PCTN", period=year, units=units).rows}
    assert indicators["7"] >= 1 and indicators["8"] >= 1
    cases = build_table("02/PCTN", period=year, units=units)
    assert cases.rows[-1].cells[cases.columns[0].code].value >= 1
    assert any("18" in str(cell.value) for row in cases.rows[:-1] for cell in row.cells.values())
