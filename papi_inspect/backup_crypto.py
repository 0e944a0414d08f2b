"""Passphrase encryption of a backup stream: scrypt-derived key, AES-256-GCM in authenticated 1 MiB chunks.

Streaming, so a backup of many gigabytes of letters and photos never sits in memory. Each chunk's nonce
holds its number and whether it is the last, so a reordered, altered or cut-off archive does not open.
"""

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"PAPIBAK1"
CHUNK = 1024 * 1024
# scrypt N=2^17, r=8, p=1: OWASP's floor for a passphrase-derived key (about 128 MiB and half a second).
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 17, 8, 1
_FINAL = 0x80000000


class BackupDecryptionError(ValueError):
    """Wrong passphrase, or an archive that was altered, cut off or is not a papi_inspect backup."""


def _key(passphrase, salt, log2_n, r, p):
    kdf = Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(prefix, number, final):
    return prefix + struct.pack(">I", number) + (b"\x01" if final else b"\x00")


class EncryptingWriter:
    """A write-only file object: what is written to it lands encrypted in `target`. close() seals the end."""

    def __init__(self, target, passphrase):
        salt, self._prefix = os.urandom(16), os.urandom(7)
        self._header = MAGIC + salt + bytes([SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P]) + self._prefix
        self._aead = AESGCM(_key(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
        self._target, self._buffer, self._number, self.closed = target, bytearray(), 0, False
        target.write(self._header)

    def write(self, data):
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), final=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _emit(self, plain, *, final):
        sealed = self._aead.encrypt(_nonce(self._prefix, self._number, final), plain, self._header)
        self._target.write(struct.pack(">I", len(sealed) | (_FINAL if final else 0)) + sealed)
        self._number += 1

    def flush(self):
        pass

    def close(self):
        if not self.closed:
            self._emit(bytes(self._buffer), final=True)
            self._buffer.clear()
            self.closed = True


class DecryptingReader:
    """A read-only file object over an encrypted archive; raises BackupDecryptionError on any mismatch."""

    def __init__(self, source, passphrase):
        header = source.read(len(MAGIC) + 16 + 3 + 7)
        if len(header) < len(MAGIC) + 26 or not header.startswith(MAGIC):
            raise BackupDecryptionError("Tệp không phải bản sao lưu papi_inspect.")
        salt, params, self._prefix = header[8:24], header[24:27], header[27:34]
        self._header, self._source = header, source
        self._aead = AESGCM(_key(passphrase, salt, *params))
        self._buffer, self._number, self._done = bytearray(), 0, False

    def _next_chunk(self):
        length_bytes = self._source.read(4)
        if len(length_bytes) < 4:
            raise BackupDecryptionError("Bản sao lưu bị cắt cụt (thiếu phần cuối).")
        (length,) = struct.unpack(">I", length_bytes)
        final, length = bool(length & _FINAL), length & ~_FINAL
        sealed = self._source.read(length)
        try:
            plain = self._aead.decrypt(_nonce(self._prefix, self._number, final), sealed, self._header)
        except InvalidTag:
            raise BackupDecryptionError("Sai mật khẩu, hoặc bản sao lưu đã bị sửa hay hỏng.") from None
        self._number += 1
        if final:
            if self._source.read(1):
                raise BackupDecryptionError("Bản sao lưu có dữ liệu thừa sau phần cuối.")
            self._done = True
        self._buffer += plain

    def read(self, size=-1):
        while not self._done and (size < 0 or len(self._buffer) < size):
            self._next_chunk()
        if size < 0:
            size = len(self._buffer)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data
