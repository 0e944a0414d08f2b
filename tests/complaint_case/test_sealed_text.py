"""A letter names its author: the free text of a protected record is sealed like the identity (Luật Tố cáo 2018 Art. 9, 47)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from doctypes.complaint_case.models import Denunciation, IdentityAccessLog, Petition
from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services.identity import reveal_text
from papi_inspect.attachments import attach_file, read_attachment
from papi_inspect.identity import rotate_all
from papi_inspect.models import Attachment
from tests.base import client_for
from tests.complaint_case.builders import days_ago, inspectorate, make_denunciation
from tests.complaint_case.paths import body_text, read_paths

PERSON = {"name": "Quxwelbor Thị Zanthipa", "id_number": "038195012345", "phone": "0963141592",
          "address": "Số 17 ngõ 42 phố Lò Đúc, phường Phạm Đình Hổ"}
LETTER = ("Tôi là Quxwelbor Thị Zanthipa, CCCD 038 195 012 345, số điện thoại +84 963 141 592, ở so 17 ngo 42 pho Lo Duc. "
          "Tôi tố cáo ông Trần Văn Bị, cán bộ địa chính, nhận 50 triệu đồng. Bà Zanthipa xin giữ bí mật.")
PLANTED = ["Zanthipa", "Quxwelbor", "ZANTHIPA", "963 141 592", "038 195 012 345", "so 17 ngo 42"]
ROLES = ("leader", "chief_inspector", "inspector", "admin", "office_clerk", "unit_staff")


def register(people, **overrides):
    options = {"by": people.inspector, "received_on": days_ago(3), "channel": "post", "matter": "Tố cáo nhận tiền cấp phép",
               "unit": inspectorate(), "handler": people.inspector, "identity": dict(PERSON), "content_kind": "denunciation",
               "summary": LETTER}
    options.update(overrides)
    return services.register_petition(**options)


def raw_rows(table, pk_column, pk):
    """Every column of the stored rows, read with SQL as anyone with the database file would."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE {pk_column} = %s", [pk])
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def assert_clean(text, where, *, echoed=""):
    """No planted string in `text`; a search page echoes what was typed (`echoed`), so that one is looked for in the rows."""
    for secret in PLANTED:
        if echoed and secret.lower() == echoed.lower():
            continue
        assert secret.lower() not in text.lower(), f"{where} shows {secret!r}"


def test_the_summary_is_stored_sealed_and_redacted_nowhere_plain(people):
    petition = register(people)
    assert_clean(raw_rows("complaint_case_petition", "id", petition.pk), "petition row")
    assert_clean(raw_rows("complaint_case_historicalpetition", "id", petition.pk), "history table")
    stored = Petition.objects.get(pk=petition.pk)
    # Everyone reads the redacted text; the denounced official and the amount stay readable.
    assert "ông Trần Văn Bị, cán bộ địa chính, nhận 50 triệu đồng" in stored.summary
    assert petition.pseudonym in stored.summary and stored.summary_sealed
    assert stored.full_text("summary") == LETTER


def test_the_handler_reads_the_full_text_through_a_logged_reveal_and_leadership_may_not(people):
    petition = register(people)
    text = reveal_text(petition, by=people.inspector, reason="Liên hệ người tố cáo để bổ sung tài liệu")
    assert text["fields"]["summary"] == LETTER
    entry = IdentityAccessLog.objects.get(user=people.inspector)
    assert entry.granted and entry.record_id == petition.pk and entry.reason.startswith("Xem nội dung đầy đủ")
    with pytest.raises(PermissionDenied):
        reveal_text(petition, by=people.leader, reason="Lãnh đạo muốn đọc đơn gốc")
    assert IdentityAccessLog.objects.filter(user=people.leader, granted=False).count() == 1


def test_every_role_reads_only_the_redacted_text_on_every_path(client, people):
    petition = register(people)
    case = make_denunciation(people.inspector, handler=people.inspector, identity=dict(PERSON),
                             subject="Bà Zanthipa (0963.141.592) tố cáo cán bộ nhận tiền khi cấp phép")
    checked = 0
    for who in ROLES:
        client_for(client, getattr(people, who))
        for record in (petition, case):
            for name, method, url, data in read_paths(record, search="Zanthipa"):
                response = client.post(url, data) if method == "post" else client.get(url)
                assert_clean(body_text(response), f"{who}: {name} {url}", echoed="Zanthipa" if "search" in name else "")
                if name == "admin search" and response.status_code == 200:
                    # Search runs on the redacted text: the name finds nothing, so not even a count leaks.
                    assert response.context["cl"].result_count == 0, f"{who}: {url}"
                checked += 1
        for api in ("/api/v1/petitions/?search=Zanthipa", "/api/v1/denunciations/?search=Zanthipa"):
            response = client.get(api)
            assert response.status_code != 200 or response.json()["count"] == 0
    assert checked == len(ROLES) * 16


def test_the_api_reveals_the_text_to_the_handler_only_and_logs_each_read(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, identity=dict(PERSON),
                             subject="Bà Zanthipa tố cáo cán bộ nhận tiền")
    url = f"/api/v1/denunciations/{case.pk}/reveal-text/"
    client_for(client, people.leader)
    assert client.post(url, {"reason": "Lãnh đạo cần đọc nội dung"}).status_code == 403
    client_for(client, people.inspector)
    assert client.post(url, {}).status_code == 400
    response = client.post(url, {"reason": "Đối chiếu nội dung tố cáo với hồ sơ"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert response.json()["text"]["subject"] == "Bà Zanthipa tố cáo cán bộ nhận tiền"
    assert list(IdentityAccessLog.objects.filter(record_id=case.pk).values_list("user__username", "granted")) == [
        ("thanhtra", True), ("lanhdao", False)]


def test_a_petition_classified_as_a_denunciation_later_is_sealed_and_its_history_scrubbed(people):
    petition = register(people, content_kind="")
    assert "Zanthipa" in Petition.objects.get(pk=petition.pk).summary  # not protected yet: an ordinary petition
    services.classify_petition(petition, by=people.inspector, content_kind="denunciation", eligible=True, within_competence=True)
    assert_clean(raw_rows("complaint_case_petition", "id", petition.pk), "petition row")
    assert_clean(raw_rows("complaint_case_historicalpetition", "id", petition.pk), "history table")
    assert Petition.objects.get(pk=petition.pk).full_text("summary") == LETTER


def test_an_edit_in_the_back_office_keeps_the_sealed_text_unless_the_text_changes(people):
    petition = Petition.objects.get(pk=register(people).pk)
    petition.many_signers = True
    petition.save()
    assert Petition.objects.get(pk=petition.pk).full_text("summary") == LETTER
    petition.summary = "Bổ sung: bà Zanthipa gửi thêm chứng cứ."
    petition.save()
    stored = Petition.objects.get(pk=petition.pk)
    assert stored.full_text("summary") == "Bổ sung: bà Zanthipa gửi thêm chứng cứ."
    assert "Zanthipa" not in stored.summary


def test_the_reception_desk_adds_a_petition_in_the_back_office_and_it_is_sealed(client, people):
    client_for(client, people.office_clerk)
    response = client.post("/admin/complaint_case/petition/add/", {
        "received_on": days_ago(1).strftime("%d/%m/%Y"), "channel": "post", "matter": "Tố cáo nhận tiền cấp phép",
        "summary": LETTER, "content_kind": "denunciation", "unit": str(people.office_clerk.staff_profile.unit_id),
        "identity_name": PERSON["name"], "identity_address": PERSON["address"], "identity_id_number": PERSON["id_number"], "identity_phone": PERSON["phone"],
    })
    assert response.status_code == 302, body_text(response)[-3000:]
    petition = Petition.objects.get(matter="Tố cáo nhận tiền cấp phép")
    assert_clean(raw_rows("complaint_case_petition", "id", petition.pk), "petition row")
    assert petition.full_text("summary") == LETTER
    # The clerk keeps a read-only view: the redacted text at most, never the letter.
    page = body_text(client.get(f"/admin/complaint_case/petition/{petition.pk}/change/"))
    assert_clean(page, "clerk's change page")


def test_the_inspector_reads_the_full_text_in_the_back_office_with_a_reason(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, identity=dict(PERSON),
                             subject="Bà Zanthipa tố cáo cán bộ nhận tiền")
    url = f"/admin/complaint_case/denunciation/{case.pk}/reveal-text/"
    client_for(client, people.leader)
    response = client.post(url, {"reason": "Lãnh đạo cần đọc nội dung"})
    assert response.status_code == 302 and IdentityAccessLog.objects.filter(granted=False).count() == 1
    client_for(client, people.inspector)
    change = body_text(client.get(f"/admin/complaint_case/denunciation/{case.pk}/change/"))
    assert url in change and "Zanthipa" not in change
    shown = body_text(client.post(url, {"reason": "Đối chiếu nội dung tố cáo với hồ sơ"}))
    assert "Bà Zanthipa tố cáo cán bộ nhận tiền" in shown and response["Cache-Control"]
    assert IdentityAccessLog.objects.filter(user=people.inspector, granted=True).count() == 1


def test_an_original_of_a_protected_record_is_ciphertext_on_disk_and_its_description_sealed(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector, identity=dict(PERSON))
    letter = f"Đơn tố cáo. {LETTER}".encode()
    attachment = attach_file(case, uploaded_file=SimpleUploadedFile("don.txt", letter), by=people.inspector,
                             description="Đơn viết tay của bà Zanthipa, ĐT 0963 141 592")
    with open(attachment.file.path, "rb") as handle:
        on_disk = handle.read()
    assert attachment.encrypted and b"Zanthipa" not in on_disk and "Zanthipa".encode() not in on_disk
    assert read_attachment(attachment) == letter
    assert_clean(raw_rows("papi_inspect_attachment", "id", attachment.pk), "attachment row")
    assert_clean(raw_rows("papi_inspect_historicalattachment", "id", attachment.pk), "attachment history")
    # The handler downloads the plain letter (logged); leadership gets no original.
    client_for(client, people.inspector)
    response = client.get(f"/files/{attachment.pk}/")
    assert b"".join(response.streaming_content) == letter
    client_for(client, people.leader)
    assert client.get(f"/files/{attachment.pk}/").status_code == 404
    for who in ROLES:
        client_for(client, getattr(people, who))
        assert_clean(body_text(client.get("/api/v1/attachments/")), f"{who}: attachments api")
    assert reveal_text(case, by=people.inspector, reason="Đối chiếu mô tả tệp gốc")["files"] == {
        attachment.pk: "Đơn viết tay của bà Zanthipa, ĐT 0963 141 592"}


def test_files_of_a_petition_become_ciphertext_when_it_is_classified_a_denunciation(people):
    petition = register(people, content_kind="")
    attachment = attach_file(petition, uploaded_file=SimpleUploadedFile("don.txt", LETTER.encode()), by=people.inspector,
                             description="Đơn của bà Zanthipa")
    assert not attachment.encrypted
    services.classify_petition(petition, by=people.inspector, content_kind="denunciation", eligible=True, within_competence=True)
    attachment.refresh_from_db()
    with open(attachment.file.path, "rb") as handle:
        assert b"Zanthipa" not in handle.read()
    assert attachment.encrypted and read_attachment(attachment) == LETTER.encode()
    assert_clean(raw_rows("papi_inspect_historicalattachment", "id", attachment.pk), "attachment history")


def test_key_rotation_reencrypts_sealed_texts_and_files(people, monkeypatch, identity_keys):
    from cryptography.fernet import Fernet

    case = make_denunciation(people.inspector, handler=people.inspector, identity=dict(PERSON), subject="Bà Zanthipa tố cáo")
    attachment = attach_file(case, uploaded_file=SimpleUploadedFile("don.txt", LETTER.encode()), by=people.inspector,
                             description="Đơn của bà Zanthipa")
    new_key = Fernet.generate_key().decode()
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", f"{new_key},{identity_keys}")
    rotate_all([Petition, Denunciation])
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", new_key)  # the old key removed: everything still opens
    stored = Denunciation.objects.get(pk=case.pk)
    assert stored.full_text("subject") == "Bà Zanthipa tố cáo"
    attachment = Attachment.objects.get(pk=attachment.pk)
    assert read_attachment(attachment) == LETTER.encode()
    assert reveal_text(stored, by=people.inspector, reason="Kiểm tra sau khi đổi khóa")["files"][attachment.pk] == "Đơn của bà Zanthipa"


def test_the_data_migration_seals_rows_stored_in_plain_text(people):
    from django.apps import apps

    from doctypes.complaint_case.sealing import seal_existing

    case = make_denunciation(people.inspector, handler=people.inspector, identity=dict(PERSON))
    # As before sealing existed: the letter in the plain column, nothing sealed.
    Denunciation.objects.filter(pk=case.pk).update(subject="Bà Zanthipa tố cáo", subject_sealed="")
    Denunciation.history.filter(id=case.pk).update(subject="Bà Zanthipa tố cáo")
    from django.db.models import Q

    seal_existing(apps, app_label="complaint_case", model_name="Denunciation", protected=Q(pk__isnull=False),
                  fields=("subject", "not_accepted_reason", "conclusion", "handling"))
    assert_clean(raw_rows("complaint_case_denunciation", "id", case.pk), "denunciation row")
    assert_clean(raw_rows("complaint_case_historicaldenunciation", "id", case.pk), "history table")
    assert Denunciation.objects.get(pk=case.pk).full_text("subject") == "Bà Zanthipa tố cáo"


def stored_image():
    """What a copy of the database would hold: SQLite's page image (free pages included), or on PostgreSQL every
    row of the doctype's tables as text."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return connection.connection.serialize()
    with connection.cursor() as cursor:
        rows = []
        for table in ("complaint_case_petition", "complaint_case_historicalpetition", "papi_inspect_attachment",
                      "papi_inspect_historicalattachment"):
            cursor.execute(f"SELECT t::text FROM {table} t")
            rows += [row[0] for row in cursor.fetchall()]
    return " ".join(rows).encode()


def test_the_database_keeps_no_plain_letter_after_sealing(people):
    """A petition first stored as an ordinary one, then classified a denunciation: no trace of the letter is left."""
    petition = register(people, content_kind="")
    services.classify_petition(petition, by=people.inspector, content_kind="denunciation", eligible=True, within_competence=True)
    data = stored_image()
    assert petition.code.encode() in data  # the image does hold the petition
    for secret in (b"ZANTHIPA", b"QUXWELBOR", b"963 141 592", b"038 195 012 345"):
        assert secret not in data.upper()


def test_a_save_of_a_partly_loaded_record_keeps_the_sealed_text(people):
    petition = register(people)
    partial = Petition.objects.only("id", "code", "pseudonym", "identity_cipher", "content_kind", "anonymous",
                                    "many_signers").get(pk=petition.pk)
    partial.many_signers = True
    partial.save(update_fields=["many_signers"])
    assert Petition.objects.get(pk=petition.pk).full_text("summary") == LETTER


def test_a_case_opened_from_a_petition_seals_the_petitions_full_matter(people):
    from doctypes.complaint_case.services import denunciation as denunciations

    petition = register(people, matter="Bà Zanthipa tố cáo cán bộ địa chính")
    services.classify_petition(petition, by=people.inspector, content_kind="denunciation", eligible=True, within_competence=True)
    services.record_petition_outcome(petition, by=people.inspector, outcome="accept", decided_on=days_ago(1))
    case = denunciations.denunciation_from_petition(Petition.objects.get(pk=petition.pk), by=people.inspector,
                                                    unit=inspectorate(), handler=people.inspector, denounced="Ông Trần Văn Bị")
    stored = Denunciation.objects.get(pk=case.pk)
    assert "Zanthipa" not in stored.subject and stored.full_text("subject") == "Bà Zanthipa tố cáo cán bộ địa chính"
