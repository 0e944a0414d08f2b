"""Denouncer identity: encrypted at rest, keyed hashes, rotation, logged reveal (Luật Tố cáo 2018 Art. 9(1)(b), 47)."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection

from doctypes.complaint_case.access import may_reveal
from doctypes.complaint_case.models import Denunciation, IdentityAccessLog
from doctypes.complaint_case.services.identity import reveal_identity
from papi_inspect import identity as crypto
from tests.complaint_case.builders import DENOUNCER, make_denunciation, make_petition


def raw_row(case):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM complaint_case_denunciation WHERE id = %s", [case.pk])
        return " ".join(str(value) for value in cursor.fetchone())


def test_it_stores_the_identity_encrypted_art_47(people):
    case = make_denunciation(people.inspector)
    row = raw_row(case)
    for value in DENOUNCER.values():
        assert value not in row
    assert Denunciation.objects.filter(identity_cipher__contains="Hoàng").count() == 0


def test_it_keeps_the_identity_out_of_the_history_table(people):
    case = make_denunciation(people.inspector)
    record = case.history.first()
    assert not hasattr(record, "identity_cipher") and not hasattr(record, "person_key")


def test_it_reveals_to_the_assigned_handler_with_a_reason_and_logs_it(people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    identity = reveal_identity(case, by=people.inspector, reason="Cần liên hệ để bổ sung chứng cứ")
    assert identity["name"] == DENOUNCER["name"]
    log = IdentityAccessLog.objects.get()
    assert log.user == people.inspector and log.granted and log.record_id == case.pk
    assert DENOUNCER["name"] not in log.record_label


def test_it_reveals_to_the_chief_inspector(people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    assert reveal_identity(case, by=people.chief_inspector, reason="Kiểm tra hồ sơ trước khi ký")["phone"] == DENOUNCER["phone"]


@pytest.mark.parametrize("who", ["leader", "unit_head", "unit_staff", "office_clerk", "outsider", "admin"])
def test_it_refuses_a_reveal_to_anyone_else_and_logs_the_attempt(people, who):
    case = make_denunciation(people.inspector, handler=people.inspector)
    user = getattr(people, who)
    assert not may_reveal(user, case)
    with pytest.raises(PermissionDenied):
        reveal_identity(case, by=user, reason="Muốn biết người tố cáo là ai")
    assert IdentityAccessLog.objects.get(user=user).granted is False


def test_it_refuses_a_reveal_without_a_reason(people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    with pytest.raises(ValidationError):
        reveal_identity(case, by=people.inspector, reason="  ")
    assert not IdentityAccessLog.objects.exists()


def test_it_gives_a_clear_error_with_a_wrong_key_never_ciphertext(people, monkeypatch):
    case = make_denunciation(people.inspector, handler=people.inspector)
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    with pytest.raises(crypto.IdentityKeyError, match="Không giải mã được danh tính"):
        reveal_identity(case, by=people.inspector, reason="Kiểm tra khóa sau khi đổi")


def test_it_gives_a_clear_error_with_a_missing_key_file(people, monkeypatch, tmp_path):
    monkeypatch.delenv("PAPI_IDENTITY_KEYS")
    monkeypatch.setenv("PAPI_IDENTITY_KEY_FILE", str(tmp_path / "none.keys"))
    with pytest.raises(crypto.IdentityKeyError, match="Chưa có khóa"):
        crypto.encrypt_identity({"name": "x"})


def test_it_generates_a_development_key_file_under_the_data_dir_on_first_use(monkeypatch, settings, tmp_path):
    monkeypatch.delenv("PAPI_IDENTITY_KEYS")
    settings.DATA_DIR = tmp_path
    token = crypto.encrypt_identity({"name": "Thử"})
    assert (tmp_path / "identity.keys").exists()
    assert crypto.decrypt_identity(token) == {"name": "Thử"}


def test_it_refuses_to_invent_a_key_in_production(monkeypatch, settings, tmp_path):
    monkeypatch.delenv("PAPI_IDENTITY_KEYS")
    settings.DATA_DIR, settings.PRODUCTION = tmp_path, True
    with pytest.raises(crypto.IdentityKeyError):
        crypto.encrypt_identity({"name": "x"})


def test_it_rotates_every_identity_to_the_newest_key(people, monkeypatch, identity_keys):
    case = make_denunciation(people.inspector, handler=people.inspector)
    petition = make_petition(people.inspector)
    old_cipher, old_person_key = case.identity_cipher, petition.person_key
    new_key = Fernet.generate_key().decode()
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", f"{new_key},{identity_keys}")
    call_command("rotate_identity_keys")
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", new_key)  # the old key is gone now
    case.refresh_from_db()
    petition.refresh_from_db()
    assert case.identity_cipher != old_cipher
    assert reveal_identity(case, by=people.inspector, reason="Kiểm tra sau khi xoay khóa")["name"] == DENOUNCER["name"]
    assert petition.person_key != old_person_key and petition.person_key == crypto.person_key_for(
        {"name": "Nguyễn Văn Khiếu", "id_number": "024080000001"})


def test_it_refuses_to_rotate_when_a_record_does_not_open(people, monkeypatch):
    make_denunciation(people.inspector)
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as error:
        call_command("rotate_identity_keys")
    assert error.value.returncode == 2


def test_it_reads_keys_from_the_key_file_named_by_papi_identity_key_file(monkeypatch, tmp_path):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    key_file = tmp_path / "keys"
    key_file.write_text(f"{old}\n")
    monkeypatch.delenv("PAPI_IDENTITY_KEYS")
    monkeypatch.setenv("PAPI_IDENTITY_KEY_FILE", str(key_file))
    token = crypto.encrypt_identity({"name": "Tệp khóa"})
    key_file.write_text(f"{new}\n{old}\n")  # newest first: old data still opens
    assert crypto.decrypt_identity(token)["name"] == "Tệp khóa"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + b"\x00" * 32


def test_it_keeps_the_scanned_signature_encrypted_and_shows_it_only_on_reveal_art_47(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.base import client_for

    case = make_denunciation(people.inspector, handler=people.inspector)
    url = f"/api/v1/denunciations/{case.pk}/"
    client_for(client, people.leader)
    assert client.post(url + "signature/", {"file": SimpleUploadedFile("ky.png", PNG)}).status_code == 403
    client_for(client, people.inspector)
    bad = client.post(url + "signature/", {"file": SimpleUploadedFile("ky.png", b"not an image")})
    assert bad.status_code == 400
    assert client.post(url + "signature/", {"file": SimpleUploadedFile("ky.png", PNG)}).status_code == 201
    case.refresh_from_db()
    assert b"PNG" not in case.identity_cipher.encode() and "iVBOR" not in case.identity_cipher
    assert "iVBOR" not in client.get(url).content.decode()
    shown = client.post(url + "reveal/", {"reason": "Đối chiếu chữ ký trong đơn"}, content_type="application/json")
    assert shown.json()["identity"]["signature"].startswith("data:image/png;base64,iVBOR")
    assert shown.json()["identity"]["name"] == DENOUNCER["name"]
