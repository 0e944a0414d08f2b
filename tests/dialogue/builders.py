"""Dialogues and commitments for the dialogue register's tests, recorded through the services."""

from doctypes.dialogue import services
from tests.people_board.builders import days_ago, sql_count, unit, workbook  # noqa: F401  (shared helpers)


def make_dialogue(people, code="snnmt-ccthuyloi", *, held=30, commitments=None, topic="Nạo vét kênh tưới N5 thôn Đồng Quan"):
    if commitments is None:
        commitments = [("Nạo vét kênh N5 trước mùa mưa cho hộ ông Nguyễn Văn Tám", "snnmt-ccthuyloi", 10)]
    return services.hold_dialogue(
        by=people.inspector, held_on=days_ago(held), leader=people.leader, unit=unit(code), topic=topic,
        place="Nhà văn hóa thôn Đồng Quan", participant_count=40, participants="Ông Nguyễn Văn Tám và 39 hộ dân",
        result="Thống nhất lịch nạo vét", commitments=[
            {"content": content, "owner_unit": unit(owner), "due_on": days_ago(due)} for content, owner, due in commitments])
