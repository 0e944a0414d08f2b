"""Encrypted citizen identities: MultiFernet storage, keyed hashes for duplicates, key loading.

A denouncer's name and address are a state secret ("Mật", QĐ 774/QĐ-TTg; Luật Tố cáo 2018
Art. 9(1)(b), 47), so they are encrypted with keys kept apart from SECRET_KEY and never
compared in plain text: duplicates are found through an HMAC keyed from the newest key.
"""

import hashlib
import hmac
import json
import os
import unicodedata
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

IDENTITY_PARTS = ("name", "address", "id_number", "phone", "representative", "signature", "signature_type")
# Fields that must never be copied to history tables, forms, exports or API payloads.
IDENTITY_FIELDS = ("identity_cipher", "person_key")
# Never serialised by any endpoint: the encrypted identity and its keyed hashes.
HIDDEN_FIELDS = IDENTITY_FIELDS + ("matter_key",)
KEY_FILE_NAME = "identity.keys"
# A sealed text's ciphertext lives in "<field>_sealed" beside the field, which keeps only the redacted text.
SEALED_SUFFIX = "_sealed"


class IdentityKeyError(RuntimeError):
    """The identity keys are missing or do not open the stored data; the message says what to do."""


def key_file_path():
    """The key file: PAPI_IDENTITY_KEY_FILE, or (development only) identity.keys in the data dir."""
    configured = os.environ.get("PAPI_IDENTITY_KEY_FILE") or getattr(settings, "PAPI_IDENTITY_KEY_FILE", "")
    if configured:
        return Path(configured)
    return Path(settings.DATA_DIR) / KEY_FILE_NAME


def key_texts():
    """The configured keys as text, newest first, from PAPI_IDENTITY_KEYS or the key file.

    Production never invents a key: a silently generated key would make the data unreadable
    after the next deployment. Development and the demo generate a key file on first use.
    """
    raw = os.environ.get("PAPI_IDENTITY_KEYS") or getattr(settings, "PAPI_IDENTITY_KEYS", "")
    if raw:
        keys = [key.strip() for key in raw.split(",") if key.strip()]
    else:
        path = key_file_path()
        if not path.exists():
            explicit = os.environ.get("PAPI_IDENTITY_KEY_FILE") or getattr(settings, "PAPI_IDENTITY_KEY_FILE", "")
            if getattr(settings, "PRODUCTION", False) or explicit:
                raise IdentityKeyError(
                    f"Chưa có khóa mã hóa danh tính: đặt PAPI_IDENTITY_KEYS hoặc tạo tệp khóa {path}."
                )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(Fernet.generate_key().decode() + "\n", encoding="ascii")
            path.chmod(0o600)
        keys = [line.strip() for line in path.read_text(encoding="ascii").splitlines() if line.strip()]
    if not keys:
        raise IdentityKeyError("Danh sách khóa mã hóa danh tính rỗng (PAPI_IDENTITY_KEYS / PAPI_IDENTITY_KEY_FILE).")
    return keys


def load_keys():
    """Fernet objects for every configured key, newest first."""
    try:
        return [Fernet(key) for key in key_texts()]
    except (ValueError, TypeError) as exc:
        raise IdentityKeyError("Khóa mã hóa danh tính không hợp lệ (cần khóa Fernet 32 byte base64).") from exc


def _cipher():
    return MultiFernet(load_keys())


def _hmac_key():
    # Derived from the newest key so one secret is managed; rotation recomputes every hash.
    return hmac.new(key_texts()[0].encode(), b"papi-identity-hmac-v1", hashlib.sha256).digest()


def normalise(text):
    """Case-, accent- and space-insensitive form, so "Nguyễn  Văn A" and "nguyen van a" match."""
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def keyed_hash(*parts):
    """HMAC-SHA256 of normalised parts; equal people give equal hashes, the hash reveals nothing."""
    message = "|".join(normalise(part) for part in parts).encode()
    return hmac.new(_hmac_key(), message, hashlib.sha256).hexdigest()


def encrypt_identity(identity):
    """Ciphertext of an identity dict (only IDENTITY_PARTS are kept)."""
    clean = {part: (identity.get(part) or "").strip() for part in IDENTITY_PARTS if identity.get(part)}
    return _cipher().encrypt(json.dumps(clean, ensure_ascii=False).encode()).decode()


def decrypt_identity(token):
    """The identity dict behind `token`; a wrong key raises IdentityKeyError, never returns ciphertext."""
    if not token:
        return {}
    try:
        return json.loads(_cipher().decrypt(token.encode()))
    except InvalidToken as exc:
        raise IdentityKeyError(
            "Không giải mã được danh tính: khóa hiện tại không khớp với dữ liệu. Kiểm tra PAPI_IDENTITY_KEYS "
            "(khóa cũ phải còn trong danh sách cho đến khi chạy papi-inspect rotate-identity-keys)."
        ) from exc


def encrypt_text(text):
    """Ciphertext of a free text that names a protected person (a letter's content, a file's description)."""
    return _cipher().encrypt(text.encode()).decode() if text else ""


def decrypt_text(token):
    """The text behind `token`; a wrong key raises IdentityKeyError."""
    if not token:
        return ""
    try:
        return _cipher().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise IdentityKeyError("Không giải mã được nội dung đã niêm phong: khóa hiện tại không khớp với dữ liệu.") from exc


def encrypt_bytes(data):
    """The bytes of an original file of a protected record, encrypted for the disk."""
    return _cipher().encrypt(data)


def decrypt_bytes(data):
    try:
        return _cipher().decrypt(data)
    except InvalidToken as exc:
        raise IdentityKeyError("Không giải mã được tệp đã mã hóa: khóa hiện tại không khớp với dữ liệu.") from exc


def forget_replaced_text():
    """After plain text was replaced by its sealed form: checkpoint SQLite's write-ahead log and truncate it, so the
    old pages (which held the plain text) leave the -wal file too; secure_delete has zeroed them in the database.
    Best effort: a reader holding an old snapshot makes SQLite keep the log until the next checkpoint."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def sealed_fields(model):
    """Names of the model's "<field>_sealed" ciphertext columns (never in history, forms, API or exports)."""
    return tuple(field.name for field in model._meta.concrete_fields if field.name.endswith(SEALED_SUFFIX))


def person_key_for(identity):
    """Keyed hash of the person (name plus ID number) used to flag likely duplicates."""
    if not identity.get("name"):
        return ""
    return keyed_hash(identity.get("name", ""), identity.get("id_number", ""))


class ProtectedIdentity(models.Model):
    """Abstract: an encrypted identity plus its keyed hash; nothing readable is stored."""

    # papi_inspect.attachments keeps no uploaded file name on these records (it may name the person).
    neutral_attachment_names = True

    identity_cipher = models.TextField(_("danh tính (mã hóa)"), blank=True, default="", editable=False)
    person_key = models.CharField(_("khóa so trùng"), max_length=64, blank=True, default="", db_index=True, editable=False)

    class Meta:
        abstract = True

    def set_identity(self, identity):
        """Encrypt and store `identity`; call inside a service before saving."""
        identity = {key: value for key, value in (identity or {}).items() if value}
        self.identity_cipher = encrypt_identity(identity) if identity else ""
        self.person_key = person_key_for(identity)

    @property
    def has_identity(self):
        return bool(self.identity_cipher)


def rotate_all(models_with_identity):
    """Re-encrypt every identity, every sealed text and every encrypted file with the newest key and recompute
    each identity's hash; returns the number of identities."""
    cipher, count = _cipher(), 0
    for model in models_with_identity:
        for pk, token in model.objects.exclude(identity_cipher="").values_list("pk", "identity_cipher"):
            try:
                plain = json.loads(cipher.decrypt(token.encode()))
                new_token = cipher.rotate(token.encode()).decode()
            except InvalidToken as exc:
                raise IdentityKeyError(
                    f"{model._meta.verbose_name} #{pk}: không giải mã được bằng các khóa hiện có; không đổi gì."
                ) from exc
            # update() bypasses history on purpose: the identity never enters history tables.
            model.objects.filter(pk=pk).update(identity_cipher=new_token, person_key=person_key_for(plain))
            count += 1
    from papi_inspect.models import Attachment

    for model in (*models_with_identity, Attachment):
        _rotate_sealed_texts(model, cipher)
    _rotate_files(cipher)
    return count


def _rotate_sealed_texts(model, cipher):
    for name in sealed_fields(model):
        for pk, token in model.objects.exclude(**{name: ""}).values_list("pk", name):
            try:
                model.objects.filter(pk=pk).update(**{name: cipher.rotate(token.encode()).decode()})
            except InvalidToken as exc:
                raise IdentityKeyError(f"{model._meta.verbose_name} #{pk}: không giải mã được {name}; không đổi gì.") from exc


def _rotate_files(cipher):
    from papi_inspect.models import Attachment

    for attachment in Attachment.objects.filter(encrypted=True):
        path = Path(attachment.file.path)
        try:
            rotated = cipher.rotate(path.read_bytes())
        except InvalidToken as exc:
            raise IdentityKeyError(f"Tệp #{attachment.pk}: không giải mã được bằng các khóa hiện có.") from exc
        # Write beside and rename, so a crash leaves either the old or the new ciphertext, never half.
        spare = path.with_name(path.name + ".rotating")
        spare.write_bytes(rotated)
        spare.chmod(0o600)
        spare.replace(path)
