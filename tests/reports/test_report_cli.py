"""`papi-inspect report …`: files written, progress on stderr, exit code 2 with Vietnamese words on bad input;
`papi-inspect serve` starts the django-tasks database worker."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from papi_inspect import cli, scheduler
from reports.models import Report
from tests.reports.test_report_anti_corruption import arrange, identity_keys  # noqa: F401  (fixture)
from tests.reports.test_report_reading import docx_indicator


def test_it_writes_the_annual_anti_corruption_report_with_a_progress_bar(people, tmp_path, capsys):
    arrange(people)
    out = tmp_path / "pctn-2025.docx"
    call_command("report", "anti-corruption", "--year", "2025", "--out", str(out))
    captured = capsys.readouterr()
    assert "Tạo báo cáo: 100%" in captured.err and "Hoàn thành" in captured.err
    assert docx_indicator(out.read_bytes(), "01/PCTN", "7") == "2"
    assert load_workbook(io.BytesIO(out.with_suffix(".xlsx").read_bytes())).sheetnames[0] == "01-PCTN"
    report = Report.objects.get(kind="anti_corruption", year=2025)
    assert report.created_by == people.chief_inspector and report.versions.count() == 1
    assert "phiên bản 1" in captured.out


def test_it_writes_a_periodic_report(people, tmp_path):
    out = tmp_path / "kntc.docx"
    call_command("report", "kntc", "--period", "m9", "--year", "2025", "--out", str(out), "--user", "vanphong")
    assert out.exists() and out.with_suffix(".xlsx").exists()
    assert Report.objects.get(kind="kntc", period_kind="m9").created_by == people.office_clerk


@pytest.mark.parametrize("argv, words", [
    (["budget", "--year", "2025", "--out", "x.docx"], "Loại báo cáo phải là một trong"),
    (["inspection", "--year", "2025", "--out", "x.docx"], "--period phải là một trong"),
    (["inspection", "--period", "q9", "--year", "2025", "--out", "x.docx"], "--period phải là một trong"),
    (["anti-corruption", "--period", "q7", "--year", "2025", "--out", "x.docx"], "--period phải là một trong"),
    (["kntc", "--period", "q1", "--year", "năm", "--out", "x.docx"], "--year phải là năm"),
    (["kntc", "--period", "q1", "--year", "2025"], "Thiếu --out"),
    (["kntc", "--period", "q1", "--year", "2025", "--out", "x.pdf"], "đuôi .docx"),
    (["kntc", "--period", "q1", "--year", "2025", "--out", "/khong/co/x.docx"], "không tồn tại"),
    (["kntc", "--period", "q1", "--year", "2025", "--out", "x.docx", "--user", "khongco"], "Không có tài khoản"),
    (["kntc", "--period", "q1", "--year", "2025", "--out", "x.docx", "--user", "canbo"], "Chỉ Thanh tra Sở"),
])
def test_bad_input_exits_2_with_a_vietnamese_message(people, tmp_path, monkeypatch, capsys, argv, words):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError) as error:
        call_command("report", *argv)
    assert error.value.returncode == 2 and words in str(error.value)
    # Through the console command too: exit status 2 and the words on stderr.
    with pytest.raises(SystemExit) as exited:
        cli.main(["report", *argv])
    assert exited.value.code == 2 and words in capsys.readouterr().err


def test_serve_starts_the_database_task_worker(monkeypatch):
    started = []

    class FakeProcess:
        def __init__(self, command, **kwargs):
            started.append(command)

        def poll(self):
            return 0

    monkeypatch.setattr(scheduler.subprocess, "Popen", FakeProcess)
    monkeypatch.delenv("PAPI_TASK_WORKER", raising=False)
    assert scheduler.start_task_worker() is not None
    assert started and started[0][1:4] == ["-m", "papi_inspect.cli", "db_worker"]
    monkeypatch.setenv("PAPI_TASK_WORKER", "0")
    assert scheduler.start_task_worker() is None and len(started) == 1
