"""Every formula and cross-table rule of report-forms.md section 4 holds on a generated department history."""

from reports.periods import resolve_period
from reports.synthetic import make_department_history
from reports.tables.build import TABLE_CODES, build_table, check_cross_tables, check_table


def test_the_rules_hold_on_generated_data(people):
    counts = make_department_history(years=2, seed=7, end_year=2025, per_year=60)
    assert counts["petitions"] == 120 and counts["violations"] > 0
    for kind in ("q1", "year"):
        tables = [build_table(code, period=resolve_period(kind, 2025), units=None) for code in TABLE_CODES]
        assert all(table.rows[-1].cells for table in tables)
        assert [problem for table in tables for problem in check_table(table)] == []
        assert check_cross_tables(tables) == []
    year = {table.code: table for table in tables}
    assert year["02/XLD"].rows[-1].cells["1"].value > 0 and year["01/TTr"].rows[-1].cells["6"].value > 0
