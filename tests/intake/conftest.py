"""Identity keys for the intake tests: a fresh Fernet key, never the development key file."""

import pytest
from cryptography.fernet import Fernet

TEST_KEY = Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", TEST_KEY)
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)
    return TEST_KEY
