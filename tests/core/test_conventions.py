"""House rules every doctype must keep; a new model or admin that forgets one fails here."""

import ast
import inspect
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin

from papi_inspect.admin_base import VisibleAdmin

PROJECT_APPS = [*settings.DOCTYPE_APPS, *settings.CONSUMER_APPS]
APP_LABELS = ["papi_inspect"] + [app.rsplit(".", 1)[-1] for app in PROJECT_APPS]
# Personal messages and the answers kept for Idempotency-Key retries are not business records: no history.
NO_HISTORY = {"papi_inspect.notification", "papi_inspect.idempotentrequest"}


def project_models():
    for label in APP_LABELS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or model._meta.auto_created:
                continue
            yield model


def key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


@pytest.mark.parametrize("model", list(project_models()), ids=key)
def test_it_scopes_every_model_with_visible_to(model):
    assert callable(getattr(model.objects, "visible_to", None)), f"{key(model)} needs objects.visible_to(user)"


@pytest.mark.parametrize("model", [m for m in project_models() if key(m) not in NO_HISTORY], ids=key)
def test_it_keeps_history_of_every_model(model):
    assert hasattr(model, "history"), f"{key(model)} needs history = audit.history(...)"


@pytest.mark.parametrize("model", list(project_models()), ids=key)
def test_it_documents_every_model_in_one_line(model):
    assert model.__doc__ and not model.__doc__.startswith(f"{model.__name__}("), f"{key(model)} needs a docstring"


@pytest.mark.parametrize(
    "model", [m for m in project_models() if m in admin.site._registry and key(m) not in NO_HISTORY], ids=key
)
def test_it_builds_every_back_office_screen_on_visible_admin(model):
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, VisibleAdmin), f"{type(model_admin).__name__} must subclass VisibleAdmin"


@pytest.mark.parametrize(
    "app", [app for app in PROJECT_APPS if any(apps.get_app_config(app.rsplit(".", 1)[-1]).get_models())]
)
def test_it_describes_every_doctype_folder_in_a_readme(app):
    folder = Path(settings.BASE_DIR, *app.split("."))
    assert (folder / "README.md").exists()


def test_it_names_every_migration():
    for label in APP_LABELS:
        folder = Path(inspect.getfile(apps.get_app_config(label).module)).parent / "migrations"
        for migration in folder.glob("0*.py"):
            assert "_auto_" not in migration.name, migration


def test_it_saves_every_history_reason_with_its_author():
    """A reason without its author leaves history entries nobody signed: services call audit.save/delete(..., by=)."""
    offenders = []
    for folder in ("papi_inspect", "doctypes", "reports", "tablet"):
        for path in Path(settings.BASE_DIR, folder).rglob("*.py"):
            if path.name == "audit.py" or "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "with_reason":
                    offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}")
    assert offenders == []


def test_no_back_office_form_saves_a_model_directly(rf):
    """One rule path (issue 13): each admin declares its create service (or is marked reference data), and none
    overrides save_model/save_related/save_formset, where a direct save would skip the doctype's service."""
    from django.contrib import admin as django_admin
    from django.contrib.auth import get_user_model

    from papi_inspect.admin_base import VisibleAdmin

    request = rf.get("/admin/")
    request.user = get_user_model()(username="convention", is_superuser=True, is_staff=True, is_active=True)
    problems = []
    for model, model_admin in django_admin.site._registry.items():
        if not isinstance(model_admin, VisibleAdmin):
            continue
        name = type(model_admin).__name__
        for klass in type(model_admin).__mro__:
            if klass is VisibleAdmin:
                break
            for method in ("save_model", "save_related", "save_formset"):
                if method in klass.__dict__:
                    problems.append(f"{klass.__name__}.{method} saves around the service (declare create/update/save_lines)")
        if model_admin.has_add_permission(request) and not model_admin.has_service():
            problems.append(f"{name} adds {model.__name__} with no create service and is not marked reference_data")
    assert not problems, "\n".join(sorted(set(problems)))
