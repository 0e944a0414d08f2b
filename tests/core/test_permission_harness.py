"""The permission harness: every admin screen, export and autocomplete, API list, /cases/ and tablet page and file,
as every role, on the demo data.

The expected visibility is not a second hand-written table that could drift from the code: it is
what each model's `visible_to(user)` and the user's permission grants say. The harness checks every
screen against it, and searches every response, every spreadsheet, the generated reports, every table of
the database (history included), the log and the mail for a denouncer's identity planted in the demo data.
"""

import io
import logging
import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib import admin
from django.core import mail
from django.db import models
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook

from papi_inspect.demo import load_demo
from papi_inspect.identity import encrypt_identity
from papi_inspect.models import Attachment
from papi_inspect.urls import router
from tests.base import client_for

ROLES = ("leader", "chief_inspector", "inspector", "office_clerk", "unit_head", "unit_staff", "admin", "outsider")
PLANTED = {"name": "Quxwelbor Zanthipa", "id_number": "038195012345", "phone": "0963141592",
           "address": "Thôn Zanthipa Hạ, xã Quxwelbor"}
ROW_ID = re.compile(r'name="_selected_action" value="(\d+)"')


@dataclass
class Seen:
    """What one role met on one path, when it differs from what visible_to and the grants say."""

    who: str
    path: str
    problem: str


LETTER = (f"Tôi là {PLANTED['name']}, CCCD {PLANTED['id_number']}, số điện thoại {PLANTED['phone']}, ở "
          f"{PLANTED['address']}. Tôi tố cáo ông Trần Văn Bị, cán bộ địa chính, nhận 50 triệu đồng.")


def plant_identity(people):
    """A denouncer whose identity must never show on a read path (Luật Tố cáo 2018 Art. 9(1)(b), 47): in a demo
    denunciation's identity, and in the letter of a new denunciation petition that names its author, as real ones do."""
    from doctypes.complaint_case.models import Denunciation
    from doctypes.complaint_case.services import petition as petitions
    from doctypes.org.models import Unit

    case = Denunciation.objects.exclude(identity_cipher="").order_by("pk").first()
    Denunciation.objects.filter(pk=case.pk).update(identity_cipher=encrypt_identity(dict(PLANTED)))
    petitions.register_petition(by=people.inspector, received_on=case.received_on, channel="post", matter="Tố cáo nhận tiền",
                                unit=Unit.objects.get(code="snnmt-ttr"), handler=people.inspector, identity=dict(PLANTED),
                                content_kind="denunciation", summary=LETTER)
    return case


def admin_models():
    """(model, its admin) for every model of a project app in the back office, skipping Django's own."""
    return [(model, model_admin) for model, model_admin in admin.site._registry.items()
            if hasattr(model.objects, "visible_to")]


def may_view(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def check_admin(client, who, user, model, sample, seen):
    """The changelist lists only visible rows; a record outside the user's rows opens nowhere."""
    opts = model._meta
    try:
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    except NoReverseMatch:
        return []
    responses = []
    response = client.get(changelist)
    responses.append((changelist, response))
    visible = set(model.objects.visible_to(user).values_list("pk", flat=True))
    if not may_view(user, model):
        if response.status_code not in (302, 403):
            seen.append(Seen(who, changelist, f"answered {response.status_code} without a view permission"))
        return responses
    if response.status_code != 200:
        seen.append(Seen(who, changelist, f"answered {response.status_code} with a view permission"))
        return responses
    listed = {int(pk) for pk in ROW_ID.findall(response.content.decode())}
    if listed - visible:
        seen.append(Seen(who, changelist, f"lists rows outside visible_to: {sorted(listed - visible)[:5]}"))
    if listed:
        responses.append(check_export(client, who, changelist, visible, listed, seen))
    if sample is not None:
        for view in ("change", "history"):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[sample.pk])
            detail = client.get(url)
            responses.append((url, detail))
            if sample.pk not in visible and detail.status_code == 200:
                seen.append(Seen(who, url, "opens a record outside visible_to"))
            if sample.pk in visible and detail.status_code != 200:
                seen.append(Seen(who, url, f"answered {detail.status_code} on a visible record"))
    return responses


def check_export(client, who, changelist, visible, listed, seen):
    """"Xuất Excel" over the whole list (select across): no more rows than the user may see."""
    response = client.post(changelist, {"action": "export_to_excel", "select_across": "1", "index": "0",
                                        "_selected_action": [str(pk) for pk in sorted(listed)[:1]]})
    url = f"{changelist} (Xuất Excel)"
    if response.status_code != 200 or not response.get("Content-Disposition", "").startswith("attachment"):
        seen.append(Seen(who, url, f"answered {response.status_code} without a spreadsheet"))
        return url, response
    rows = list(load_workbook(io.BytesIO(response.content), read_only=True).active.iter_rows(values_only=True))
    if len(rows) - 1 > len(visible):
        seen.append(Seen(who, url, f"exports {len(rows) - 1} rows, {len(visible)} visible"))
    cells = "\n".join(str(value) for row in rows for value in row if value is not None)
    return url, SimpleResponse(cells.encode())


@dataclass
class SimpleResponse:
    """A generated file's text, searched like a page."""

    content: bytes


def check_page(client, who, url, visible, seen):
    """A front-office page or a file: opens when the record is visible, never when it is not."""
    response = client.get(url)
    if visible and response.status_code != 200:
        seen.append(Seen(who, url, f"answered {response.status_code} on a visible record"))
    if not visible and response.status_code == 200:
        seen.append(Seen(who, url, "opens a record outside visible_to"))
    content = b"" if response.streaming else response.content
    return url, SimpleResponse(content)


def front_and_files(client, who, user, seen):
    """/cases/ (list and each kind's last record) and the last file of every record type."""
    from doctypes.complaint_case.views.front import KINDS

    responses = [check_page(client, who, "/cases/?scope=all", True, seen)]
    for kind, model in KINDS.items():
        sample = model.objects.order_by("-pk").first()
        visible = model.objects.visible_to(user).filter(pk=sample.pk).exists()
        responses.append(check_page(client, who, f"/cases/{kind}/{sample.pk}/", visible, seen))
    for content_type in Attachment.objects.values_list("content_type", flat=True).distinct():
        attachment = Attachment.objects.filter(content_type=content_type).order_by("-pk").first()
        visible = Attachment.objects.visible_to(user).filter(pk=attachment.pk).exists()
        responses.append(check_page(client, who, f"/files/{attachment.pk}/", visible, seen))
    return responses


def check_page_hidden(client, who, url, visible, seen):
    """A page that may refuse even a visible record (the tablet is for field work): never opens a hidden one."""
    response = client.get(url)
    if not visible and response.status_code == 200:
        seen.append(Seen(who, url, "opens a record outside visible_to"))
    return url, SimpleResponse(b"" if response.streaming else response.content)


def tablet_pages(client, who, user, seen):
    """The tablet's home, queue and the last inspection's and check's pages."""
    from doctypes.discipline_check.models import DisciplineCheck
    from doctypes.inspection.models import Inspection

    responses = [check_page_hidden(client, who, url, True, seen) for url in ("/tablet/", "/tablet/queue/")]
    for model, path in ((Inspection, "inspections"), (DisciplineCheck, "checks")):
        sample = model.objects.order_by("-pk").first()
        visible = model.objects.visible_to(user).filter(pk=sample.pk).exists()
        responses.append(check_page_hidden(client, who, f"/tablet/{path}/{sample.pk}/", visible, seen))
    return responses


def autocompletes(client, who, user, seen):
    """Every autocomplete of the back office offers only records the user may see."""
    responses = []
    for model, model_admin in admin_models():
        for field_name in model_admin.autocomplete_fields:
            remote = model._meta.get_field(field_name).remote_field.model
            opts = model._meta
            url = (f"/admin/autocomplete/?app_label={opts.app_label}&model_name={opts.model_name}"
                   f"&field_name={field_name}&term=")
            response = client.get(url)
            responses.append((url, response))
            # Accounts (Django's User) have no visible_to: their scoping by agency is the choices' rule, not this one.
            if response.status_code == 200 and hasattr(remote.objects, "visible_to"):
                offered = {int(item["id"]) for item in response.json()["results"]}
                visible = set(remote.objects.visible_to(user).values_list("pk", flat=True))
                if offered - visible:
                    seen.append(Seen(who, url, f"offers records outside visible_to: {sorted(offered - visible)[:5]}"))
    return responses


def generated_reports(people):
    """The year's statutory reports as the chief inspector generates them: (name, their text)."""
    from django.utils import timezone

    from reports.services import lifecycle as reports
    from tests.reports.test_report_reading import docx_text, xlsx_text

    year, texts = timezone.localdate().year, []
    for kind in ("kntc", "anti_corruption"):
        report = reports.get_or_create_report(kind, "year", year, by=people.chief_inspector)
        version = reports.generate_version(report, by=people.chief_inspector)
        texts.append((f"{kind} {year} .docx/.xlsx", docx_text(version.docx.read()) + xlsx_text(version.xlsx.read())))
    return texts


def stored_anywhere():
    """(table, column) of every text column of every table, history included, that holds a planted value."""
    found = []
    for model in apps.get_models():
        columns = [field.name for field in model._meta.concrete_fields if isinstance(field, (models.CharField, models.TextField))]
        for column in columns:
            for value in PLANTED.values():
                if model._base_manager.filter(**{f"{column}__icontains": value}).exists():
                    found.append((model._meta.db_table, column, value))
    return found


def api_lists():
    """(prefix, model) of every API list route of the router."""
    return [(prefix, viewset.queryset.model) for prefix, viewset, _basename in router.registry
            if getattr(viewset, "queryset", None) is not None and hasattr(viewset.queryset.model.objects, "visible_to")]


def check_api(client, who, user, prefix, model, sample, seen):
    """The API list gives only visible rows; a record outside them is a 404."""
    url = f"/api/v1/{prefix}/"
    response = client.get(url, {"page_size": 1000})
    responses = [(url, response)]
    if response.status_code == 403 and not may_view(user, model):
        return responses  # the API asks for the model's view grant as the back office does
    if response.status_code != 200:
        seen.append(Seen(who, url, f"answered {response.status_code}"))
        return responses
    body = response.json()
    rows = body.get("results", body) if isinstance(body, dict) else body
    listed = {row["id"] for row in rows if isinstance(row, dict) and "id" in row}
    visible = set(model.objects.visible_to(user).values_list("pk", flat=True))
    if listed - visible:
        seen.append(Seen(who, url, f"lists rows outside visible_to: {sorted(listed - visible)[:5]}"))
    if sample is not None and sample.pk not in visible:
        detail_url = f"{url}{sample.pk}/"
        detail = client.get(detail_url)
        responses.append((detail_url, detail))
        if detail.status_code != 404:
            seen.append(Seen(who, detail_url, f"answered {detail.status_code} on a record outside visible_to"))
    return responses


def leaked_identity(text):
    return [value for value in PLANTED.values() if value in text]


@pytest.mark.django_db
def test_every_screen_and_api_list_keeps_to_visible_to_and_hides_the_denouncer(client, people, monkeypatch, caplog):
    from cryptography.fernet import Fernet

    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)
    caplog.set_level(logging.DEBUG)
    load_demo()
    plant_identity(people)
    # The last record of each model is the sample: the demo makes some for every unit, so most roles
    # see some rows and not others.
    samples = {model: model.objects.order_by("-pk").first() for model, _ in admin_models()}
    samples.update({model: model.objects.order_by("-pk").first() for _, model in api_lists()})
    seen, requests = [], 0
    for who in ROLES:
        user = getattr(people, who)
        client_for(client, user)
        responses = []
        for model, _model_admin in admin_models():
            responses += check_admin(client, who, user, model, samples[model], seen)
        for prefix, model in api_lists():
            responses += check_api(client, who, user, prefix, model, samples[model], seen)
        responses += front_and_files(client, who, user, seen)
        responses += tablet_pages(client, who, user, seen)
        responses += autocompletes(client, who, user, seen)
        for url, response in responses:
            for value in leaked_identity(response.content.decode("utf-8", errors="ignore")):
                seen.append(Seen(who, url, f"shows the planted identity {value!r}"))
        requests += len(responses)
    seen += [Seen("report", name, f"prints {value!r}") for name, text in generated_reports(people)
             for value in leaked_identity(text)]
    # Stored only as ciphertext: no table (the history tables included) holds it, nor the log, nor the mail.
    seen += [Seen("database", table, f"{column} holds {value!r}") for table, column, value in stored_anywhere()]
    seen += [Seen("log", record.name, f"shows {value!r}") for record in caplog.records
             for value in leaked_identity(record.getMessage())]
    seen += [Seen("mail", message.subject, f"shows {value!r}") for message in mail.outbox
             for value in leaked_identity(message.subject + message.body)]
    assert not seen, "\n".join(f"{s.who}: {s.path}: {s.problem}" for s in seen[:40])
    # The sweep really ran: every model in the back office and every API list, for every role.
    assert len(admin_models()) >= 20 and len(api_lists()) >= 15
    assert requests > 8 * (len(admin_models()) + len(api_lists()))
