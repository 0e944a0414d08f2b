"""The resolution decision's legal text follows its instance and the complainant's area (Luật Khiếu nại 2011 Art. 32, 33, 41, 44)."""

import pytest

from doctypes.complaint_case.services import complaint as complaints
from tests.base import client_for
from tests.complaint_case.builders import days_ago, make_complaint
from tests.reports.test_report_reading import docx_text


def decided(people, *, level=1, is_remote=False):
    case = make_complaint(people.inspector, handler=people.inspector, level=level, is_remote=is_remote,
                          complainant_name="Ông Trần Văn Bình")
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    complaints.record_verification(case, by=people.inspector, verified_on=days_ago(10), result="Đã xác minh")
    if level == 2:  # a dialogue is mandatory at second instance (NĐ 124/2020 Art. 28)
        complaints.record_dialogue(case, by=people.inspector, held_on=days_ago(5), result="Giữ nguyên yêu cầu")
    return complaints.decide_complaint(case, by=people.inspector, decided_on=days_ago(2), decision_number="5/QĐ-SNNMT",
                                       result="upheld", conclusion="Không có cơ sở")


def decision(client, people, case):
    return docx_text(client_for(client, people.inspector).get(f"/cases/complaints/{case.pk}/decision.docx").content)


@pytest.mark.parametrize("remote, days", [(False, 30), (True, 45)])
def test_a_first_decision_takes_effect_after_the_second_complaint_window(client, people, remote, days):
    text = decision(client, people, decided(people, is_remote=remote))
    assert "có hiệu lực kể từ ngày ký" not in text
    assert f"Trong thời hạn {days} ngày, kể từ ngày nhận được Quyết định này" in text  # Art. 33
    assert f"có hiệu lực pháp luật sau {days} ngày, kể từ ngày ban hành, nếu người khiếu nại không khiếu nại lần hai" in text
    assert "- Ông Trần Văn Bình (người khiếu nại);" in text and "- Thủ trưởng cấp trên trực tiếp;" in text  # Art. 32
    assert "- Lưu: VT, hồ sơ." in text


def test_a_second_decision_goes_to_the_first_decider_and_the_inspectorate(client, people):
    text = decision(client, people, decided(people, level=2))
    assert "khởi kiện vụ án hành chính" in text and "khiếu nại lần hai đến" not in text
    assert "có hiệu lực pháp luật sau 30 ngày, kể từ ngày ban hành." in text  # Art. 44(2)
    for recipient in ("Người giải quyết khiếu nại lần đầu", "Người có quyền, nghĩa vụ liên quan",
                      "Cơ quan, tổ chức, cá nhân đã chuyển khiếu nại đến", "Thanh tra tỉnh"):  # Art. 41
        assert f"- {recipient};" in text
