"""`papi-inspect deadline RULE START_DATE`: the due date first, its citation, the skipped days, exit 2 on bad input."""

import io

import pytest
from django.core.management import CommandError, call_command


def deadline(*args):
    out = io.StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_it_prints_the_iso_due_date_first_then_the_citation_and_the_tet_days_skipped():
    """complaint.accept (Luật Khiếu nại 2011 Art. 27) from 4/2/2026 ends in Tết, so on Monday 23/2 (BLDS Art. 148(5))."""
    lines = deadline("complaint.accept", "2026-02-04")
    assert lines[0] == "2026-02-23"
    assert "Căn cứ: Luật Khiếu nại 2011, Điều 27" in lines
    assert "  2026-02-17 Tết Nguyên Đán" in lines
    assert lines[lines.index("Ngày nghỉ bỏ qua:") + 1] == "  2026-02-14 Thứ Bảy"
    assert lines[-1] == "  2026-02-22 Chủ nhật"


@pytest.mark.django_db
def test_it_says_when_no_day_was_skipped():
    lines = deadline("complaint.accept", "2026-03-02")
    assert lines[0] == "2026-03-12"
    assert lines[-1] == "Ngày nghỉ bỏ qua: không có"


@pytest.mark.django_db
def test_it_applies_complex_remote_and_extensions_options():
    """Luật Khiếu nại 2011 Art. 28 (60 days, complex and remote) and Luật Tố cáo 2018 Art. 24 (7 -> 10 working days)."""
    lines = deadline("complaint.resolve", "2026-03-02", "--complex", "--remote")
    assert lines[0] == "2026-05-04"
    assert "(60 ngày; phức tạp, vùng sâu, vùng xa)" in lines[1]
    lines = deadline("denunciation.initial", "2026-03-02", "--extensions", "1")
    assert lines[0] == "2026-03-16"
    assert "(10 ngày làm việc; gia hạn 1 lần)" in lines[1]


@pytest.mark.django_db
def test_it_marks_an_unconfirmed_rule_as_to_be_verified():
    lines = deadline("petition.process", "2026-03-02")
    assert lines[0] == "2026-03-16"
    assert "[cần xác minh]" in lines[2]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (("complaint.nothing", "2026-02-10"), "Không có quy tắc thời hạn mã 'complaint.nothing'"),
        (("denunciation.initial", "2018-12-31"), "không có hiệu lực vào ngày 31/12/2018"),
        (("complaint.accept", "10/02/2026"), "Ngày '10/02/2026' không hợp lệ"),
        (("complaint.accept", "20260210"), "dùng dạng YYYY-MM-DD"),
        (("denunciation.resolve", "2026-03-02", "--extensions", "3"), "tối đa 2 lần"),
    ],
)
def test_it_refuses_bad_input_with_exit_code_2_from_call_command(args, message):
    with pytest.raises(CommandError, match=message) as error:
        call_command("deadline", *args, stdout=io.StringIO())
    assert error.value.returncode == 2


# --- The real console command, against a real installation ----------------------------------


@pytest.fixture(scope="module")
def data_dir(demo_site):
    """A real installation, migrated with its reference data: the session's demo site (tests/core/conftest.py), so the
    console command is run against the same kind of database without migrating one more."""
    return demo_site


def run_cli(site, *args):
    return site.cli(*args, timeout=120)


def test_it_answers_through_the_console_command(data_dir):
    result = run_cli(data_dir, "deadline", "denunciation.initial", "2026-02-12")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "2026-03-02"
    assert "Căn cứ: Luật Tố cáo 2018, Điều 24" in lines
    assert "  2026-02-16 Giao thừa Tết Nguyên Đán" in lines


@pytest.mark.parametrize(
    "args, message",
    [
        (("complaint.nothing", "2026-02-10"), "Lỗi: Không có quy tắc thời hạn mã 'complaint.nothing'."),
        (
            ("denunciation.initial", "2018-12-31"),
            "Lỗi: Quy tắc 'denunciation.initial' không có hiệu lực vào ngày 31/12/2018 (hiệu lực: từ 01/01/2019).",
        ),
        (("complaint.accept", "2026-02-30"), "Lỗi: Ngày '2026-02-30' không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-02-10."),
        (("complaint.accept", "9999-12-31"), "Lỗi: Ngày 31/12/9999 quá xa: hạn xử lý vượt ra ngoài lịch."),
    ],
)
def test_it_exits_2_with_one_vietnamese_line_for_bad_input(data_dir, args, message):
    result = run_cli(data_dir, "deadline", *args)
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""


def test_it_exits_2_for_an_extension_count_that_is_not_a_number(data_dir):
    result = run_cli(data_dir, "deadline", "denunciation.resolve", "2026-03-02", "--extensions", "hai")
    assert result.returncode == 2
    assert "số lần gia hạn phải là số nguyên, không phải 'hai'" in result.stderr
