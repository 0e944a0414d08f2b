"""Two editors of one complaint case over the API (ETag, If-Match, 412 with both versions, PATCH) and on /cases/
(a step taken from a stale page is refused, the typed text stays)."""

from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from doctypes.complaint_case.models import ComplaintCase
from doctypes.complaint_case.services import complaint as complaints
from tests.complaint_case.builders import days_ago, make_complaint

MINE = "Quyết định số 12/QĐ-UBND ngày 03/3/2026 của Chủ tịch UBND xã, do ông Phạm Văn Khiếu nêu"
THEIRS = "Quyết định số 12/QĐ-UBND (bản đính chính của bà Lê Thị Hai)"


def api(user):
    client = Client()
    client.force_login(user)
    return client


def patch(client, case, data, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return client.patch(f"/api/v1/complaints/{case.pk}/", data, content_type="application/json", **headers)


def test_the_answer_carries_the_etag_and_an_edit_sent_with_it_is_saved(people):
    case = make_complaint(people.inspector, handler=people.inspector)
    inspector = api(people.inspector)
    read = inspector.get(f"/api/v1/complaints/{case.pk}/")
    assert read["ETag"] == f'"{case.version}"' and read.json()["version"] == case.version
    edited = patch(inspector, case, {"complained_act": MINE}, etag=read["ETag"])
    assert edited.status_code == 200, edited.content
    assert edited["ETag"] == f'"{case.version + 1}"' and edited.json()["complained_act"] == MINE
    stored = ComplaintCase.objects.get(pk=case.pk)
    assert stored.complained_act == MINE and stored.history.first().history_change_reason == "Cập nhật qua API"


def test_the_second_of_two_api_editors_gets_412_with_both_versions_and_changes_nothing(people):
    case = make_complaint(people.inspector, handler=people.inspector)
    inspector, chief = api(people.inspector), api(people.chief_inspector)
    etag = inspector.get(f"/api/v1/complaints/{case.pk}/")["ETag"]
    assert chief.get(f"/api/v1/complaints/{case.pk}/")["ETag"] == etag
    assert patch(inspector, case, {"complained_act": MINE}, etag=etag).status_code == 200
    refused = patch(chief, case, {"complained_act": THEIRS}, etag=etag)
    assert refused.status_code == 412
    error = refused.json()["error"]
    assert error["code"] == "precondition_failed" and "Lê Thanh Tra" in error["message"]
    assert error["current"]["complained_act"] == MINE and error["submitted"]["complained_act"] == THEIRS
    assert ComplaintCase.objects.get(pk=case.pk).complained_act == MINE


def test_a_step_sent_with_a_stale_etag_is_refused_and_one_without_if_match_is_taken(people):
    case = make_complaint(people.inspector, handler=people.inspector)
    inspector, chief = api(people.inspector), api(people.chief_inspector)
    etag = chief.get(f"/api/v1/complaints/{case.pk}/")["ETag"]
    assert patch(inspector, case, {"subject": "Khiếu nại quyết định thu hồi đất (đã sửa tên vụ việc)"}, etag=etag).status_code == 200
    url = f"/api/v1/complaints/{case.pk}/accept/"
    stale = chief.post(url, {"accepted_on": str(days_ago(30))}, content_type="application/json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and stale.json()["error"]["current"]["status"] == "received"
    assert ComplaintCase.objects.get(pk=case.pk).status == ComplaintCase.Status.RECEIVED
    # Without If-Match (the tablet, older clients) the step is taken; it raises the version like any change.
    taken = chief.post(url, {"accepted_on": str(days_ago(30))}, content_type="application/json")
    assert taken.status_code == 200 and taken["ETag"] == f'"{taken.json()["version"]}"'
    assert int(etag.strip('"')) < taken.json()["version"]


def test_only_those_who_work_on_the_case_may_patch_it(people):
    case = make_complaint(people.inspector, handler=people.inspector)
    assert patch(api(people.leader), case, {"complained_act": THEIRS}).status_code == 403
    assert patch(api(people.outsider), case, {"complained_act": THEIRS}).status_code in (403, 404)
    not_an_etag = patch(api(people.inspector), case, {"complained_act": THEIRS}, etag="phiên-bản-cũ")
    assert not_an_etag.status_code == 412 and not_an_etag.json()["error"]["code"] == "precondition_failed"
    assert ComplaintCase.objects.get(pk=case.pk).complained_act == "Quyết định số 12/QĐ-UBND"


def test_the_schema_describes_the_patch_body_if_match_and_the_412(people):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    record = schema["paths"]["/api/v1/complaints/{id}/"]
    body = record["patch"]["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][body]["properties"]) == {"subject", "complained_act", "complainant_name"}
    assert "ETag" in record["get"]["responses"]["200"]["headers"]
    for operation in (record["patch"], schema["paths"]["/api/v1/complaints/{id}/accept/"]["post"]):
        assert "412" in operation["responses"]
        assert any(parameter["name"] == "If-Match" for parameter in operation["parameters"])


def test_a_step_from_a_stale_cases_page_is_refused_and_keeps_what_was_typed(people):
    case = make_complaint(people.inspector, handler=people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    url = f"/cases/complaints/{case.pk}/"
    inspector, chief = api(people.inspector), api(people.chief_inspector)
    page_inspector, page_chief = inspector.get(url).content.decode(), chief.get(url).content.decode()
    version = ComplaintCase.objects.get(pk=case.pk).version
    assert f'name="version_seen" value="{version}"' in page_inspector and f'name="version_seen" value="{version}"' in page_chief
    step = f"/cases/complaints/{case.pk}/step/verify/"
    mine = {"verified_on": days_ago(10).strftime("%Y-%m-%d"), "result": "Ông Phạm Văn Khiếu trình bày đúng", "version_seen": version}
    theirs = {"verified_on": days_ago(9).strftime("%Y-%m-%d"), "result": "Bà Lê Thị Hai: cần xác minh thêm", "version_seen": version}
    assert inspector.post(step, mine).status_code == 302
    refused = chief.post(step, theirs)
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Lê Thanh Tra" in text and "Bà Lê Thị Hai: cần xác minh thêm" in text
    stored = ComplaintCase.objects.get(pk=case.pk)
    assert stored.verification_result == "Ông Phạm Văn Khiếu trình bày đúng" and stored.status == ComplaintCase.Status.VERIFIED
    assert f'name="version_seen" value="{stored.version}"' in text  # resending, having read the page, is a choice

