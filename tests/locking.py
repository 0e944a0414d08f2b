"""Two editors in the back office: both open a record's change form, the first saves, the second is refused with
both versions shown and their typed text kept; each doctype's test_edit_conflict.py drives its forms with this."""

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable

from django.contrib.admin import site
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory

from doctypes.org.demo import ensure_staff_user
from papi_inspect.locking import VERSION_FIELD


class _FormReader(HTMLParser):
    """What a browser would send from the form `form_id`: inputs, checked boxes, selected options, text areas."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, []
        self.select, self.textarea = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (self.form_id(attrs) if callable(self.form_id) else attrs.get("id") == self.form_id):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if not name or "__prefix__" in name or "disabled" in attrs:
            if tag == "option" and self.select is not None:
                self._option(attrs)
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select":
            self.select = {"name": name, "multiple": "multiple" in attrs, "chosen": [], "first": None}
        elif tag == "textarea":
            self.textarea = [name, ""]

    def _option(self, attrs):
        value = attrs.get("value", "")
        if self.select["first"] is None:
            self.select["first"] = value
        if "selected" in attrs:
            self.select["chosen"].append(value)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            chosen = self.select["chosen"] or ([] if self.select["multiple"] or self.select["first"] is None else [self.select["first"]])
            self.data.extend((self.select["name"], value) for value in chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None


def form_data(response, form_id):
    """The POST data of the form `form_id` (an id, or a test on the form's attributes) on the page, as {name: [values]}."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return data


def change_url(record):
    opts = record._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{record.pk}/change/"


@dataclass
class Editing:
    """One edit form to test: how to make a record, the text field both editors change, and who they are."""

    model: type
    build: Callable  # people -> a saved record
    field: str
    first: str  # attribute names on `people` (or "<name>+" for a second person of that role and unit):
    second: str  # two different users allowed to change the record
    texts: tuple = ("Bản của người sửa thứ nhất: ông Trần Văn Một đã đối chiếu lại",
                    "Bản của người sửa thứ hai: bà Lê Thị Hai bổ sung chứng cứ")

    def __str__(self):
        return self.model._meta.label


def person(people, name):
    """`people.<name>`; with a trailing "+", a colleague of theirs: same role and unit, another person."""
    if not name.endswith("+"):
        return getattr(people, name)
    model = getattr(people, name[:-1])
    profile = model.staff_profile
    return ensure_staff_user(f"{model.username}2", full_name=f"{profile.full_name} Hai", position=profile.position,
                             unit=profile.unit, role=model.groups.get().name)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def two_editors(case, people, *, first_text, second_text):
    """Both open the form, the first saves `first_text`, the second `second_text`: returns (record, refused page,
    the second editor's client, their refused form data)."""
    record = case.build(people)
    url = change_url(record)
    first, second = signed_in(person(people, case.first)), signed_in(person(people, case.second))
    form_id = f"{record._meta.model_name}_form"
    opened_first, opened_second = first.get(url), second.get(url)
    assert opened_first.status_code == opened_second.status_code == 200, (opened_first.status_code, opened_second.status_code)
    data_first, data_second = form_data(opened_first, form_id), form_data(opened_second, form_id)
    assert data_first[VERSION_FIELD] == [str(record.version)], "the change form carries no version"
    data_first[case.field], data_second[case.field] = [first_text], [second_text]
    saved = first.post(url, data_first)
    assert saved.status_code == 302, _errors(saved)
    refused = second.post(url, data_second)
    return record, refused, second, form_data(refused, form_id) if refused.status_code == 200 else {}


def _errors(response):
    context = response.context
    if context and "adminform" in context:
        return context["adminform"].form.errors, [inline.formset.errors for inline in context.get("inline_admin_formsets", [])]
    return response.content.decode()[:2000]


def editable_admins():
    """Every registered admin of a doctype or core record whose change form someone may use."""
    return [admin for model, admin in site._registry.items()
            if model._meta.app_label not in NOT_DOCTYPES and not admin_is_read_only(admin)]


# Django's and the libraries' own records (accounts, roles, lockouts, tokens, tasks) are not doctypes: their
# changes are historised separately (papi_inspect.account_history) and none is a case someone writes up.
NOT_DOCTYPES = {"auth", "axes", "authtoken", "django_tasks_db", "sites", "contenttypes"}


def admin_is_read_only(admin):
    """An admin that never offers a change form: it refuses even a superuser."""
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(username="probe", is_superuser=True, is_staff=True, is_active=True)
    return not admin.has_change_permission(request)


def assert_second_editor_refused_then_free_to_choose(case, people):
    """The shared two-editor check: the second editor's save is refused with both versions; the stored record keeps the
    first editor's text; the second's text is still in the form, which now carries the stored version, so saving it
    again (having read both) goes through."""
    first_text, second_text = case.texts
    record, refused, second, data = two_editors(case, people, first_text=first_text, second_text=second_text)
    assert refused.status_code == 200, refused
    page = refused.content.decode()
    stored = type(record).objects.get(pk=record.pk)
    assert str(getattr(stored, case.field)) == first_text, "the first editor's save was lost"
    assert "edit-conflict" in page and first_text in page, "the stored version is not shown"
    assert person(people, case.first).staff_profile.full_name in page, "the refusal does not say who saved meanwhile"
    assert data[case.field] == [second_text], "the second editor's typed text was not kept"
    assert data["version_seen"] == [str(stored.version)]
    again = second.post(f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/", data)
    assert again.status_code == 302
    assert str(getattr(type(record).objects.get(pk=record.pk), case.field)) == second_text


def assert_two_api_editors(url, first, second, field, texts=Editing.texts):
    """Both read the record's ETag; the first PATCHes with it; the second, with the same ETag, gets 412 with the stored
    record and what they sent, and the stored record keeps the first editor's text. Returns the 412 answer."""
    first_text, second_text = texts
    clients = signed_in(first), signed_in(second)
    etags = [client.get(url)["ETag"] for client in clients]
    assert etags[0] == etags[1] and etags[0].strip('"').isdigit()
    saved = clients[0].patch(url, {field: first_text}, content_type="application/json", HTTP_IF_MATCH=etags[0])
    assert saved.status_code == 200, saved.content
    refused = clients[1].patch(url, {field: second_text}, content_type="application/json", HTTP_IF_MATCH=etags[1])
    assert refused.status_code == 412, refused.content
    error = refused.json()["error"]
    assert error["code"] == "precondition_failed" and first.staff_profile.full_name in error["message"]
    assert error["current"][field] == first_text and error["submitted"][field] == second_text
    assert clients[1].get(url).json()[field] == first_text
    return refused
