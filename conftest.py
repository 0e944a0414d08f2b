"""pytest set-up: reference data and the named people exist once per test database."""

import pytest

from tests.base import create_people, load_people


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from importlib import import_module

    from django.apps import apps

    from papi_inspect.reference import load_reference

    with django_db_blocker.unblock():
        # The test database is built from the models (pytest.ini: --no-migrations): replaying every migration's state
        # cost ~30 s of CPU per run. The one data migration with reference rows is applied here; the migrations
        # themselves run for real in the installations of tests/core/conftest.py and `makemigrations --check`.
        import_module("doctypes.papi.migrations.0003_provinces").add_provinces(apps, None)
        load_reference()
        create_people()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # Argon2 is deliberately slow; tests check the production hasher separately.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",  # the named people were created with it
    ]
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _fresh_reference_caches():
    # The calendar, the deadline rules and the unit tree are cached per process and refreshed on save; a test's rollback
    # undoes a save without a signal, so every test starts from what the database holds.
    from doctypes.org.models import forget_unit_tree
    from papi_inspect.calendar import forget_calendar
    from papi_inspect.deadlines import forget_rules

    for forget in (forget_calendar, forget_rules, forget_unit_tree):
        forget()
    yield
    for forget in (forget_calendar, forget_rules, forget_unit_tree):
        forget()


@pytest.fixture
def people(db):
    return load_people()
