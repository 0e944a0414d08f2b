"""The back office speaks Vietnamese (our catalogue fills what Unfold and the libraries leave in
English), switches to English on request, and the committed catalogues are whole and compiled."""

import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

from doctypes.org.models import Unit
from tests.base import client_for

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
_spec = importlib.util.spec_from_file_location("i18n_catalogue", ROOT / "scripts" / "i18n_catalogue.py")
catalogue = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalogue)

# English that Unfold, Django's admin and simple-history showed on these pages before our catalogue
# existed, plus the everyday admin words a broken Vietnamese set-up would show.
ENGLISH_UI = [
    "Filters", "Apply Filters", "Show counts", "Reset filters", "Select action", "Select action to run",
    "Run", "Select all rows", "Select record", "Select all objects on this page for an action",
    "Search apps and models...", "Filter navigation items", "Type to search", "Go back", "Light", "Dark",
    "System", "No results found", "This page yielded into no results", "Object", "Comment", "Changed by",
    "Change reason", "Changes", "entry", "Search", "History", "Save", "Log out", "Dashboard", "Home",
]
ENGLISH_WORD = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH_UI) + r")(?![\w-])")
ATTRIBUTES = {"placeholder", "title", "aria-label", "alt", "value"}


class VisibleText(HTMLParser):
    """Text a user reads: text nodes and labelling attributes, without scripts and icon ligatures."""

    HIDDEN = {"script", "style", "svg"}

    def __init__(self):
        super().__init__()
        self.parts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        icon = "material-symbols" in (attrs.get("class") or "")
        if tag not in {"input", "img", "br", "hr", "meta", "link"}:
            self.stack.append(tag in self.HIDDEN or icon)
        if attrs.get("type") != "hidden":
            self.parts += [value.strip() for name, value in attrs.items() if name in ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag not in {"input", "img", "br", "hr", "meta", "link"} and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip() and not any(self.stack):
            self.parts.append(" ".join(data.split()))


def visible_text(response):
    assert response.status_code == 200, response.status_code
    parser = VisibleText()
    parser.feed(response.content.decode())
    return parser.parts


def english_msgids():
    """Every English msgid of the libraries we translate and of Django's admin and auth."""
    site = Path(django.__file__).parent
    sources = [catalogue.CATALOGUES["vi"]] + [
        site / "contrib" / part / "locale" / "en" / "LC_MESSAGES" / "django.po" for part in ("admin", "auth")
    ]
    msgids = {" ".join(entry.msgid.split()) for path in sources for entry in polib.pofile(str(path))}
    keep_as_is = {e.msgid for e in polib.pofile(str(catalogue.CATALOGUES["vi"])) if e.msgstr == e.msgid}
    return {msgid for msgid in msgids if any(c.isalpha() for c in msgid) and msgid not in keep_as_is}


def admin_pages(people):
    unit = Unit.objects.get(code="snnmt-vp")
    return {
        "index": "/admin/",
        "changelist": "/admin/org/unit/",
        "search without results": "/admin/org/unit/?q=khong-co-don-vi-nay",
        "change form": f"/admin/org/unit/{unit.pk}/change/",
        "history": f"/admin/org/unit/{unit.pk}/history/",
    }


def test_it_shows_no_english_ui_word_to_a_vietnamese_user(client, people):
    client = client_for(client, people.leader)
    english = english_msgids()
    for name, url in admin_pages(people).items():
        parts = visible_text(client.get(url))
        leftovers = [part for part in parts if part in english or ENGLISH_WORD.search(part)]
        assert not leftovers, f"{name} ({url}) shows English: {leftovers}"


def test_it_translates_unfold_and_simple_history_labels_into_vietnamese(client, people):
    client = client_for(client, people.leader)
    unit = Unit.objects.get(code="snnmt-vp")
    history = visible_text(client.get(f"/admin/org/unit/{unit.pk}/history/"))
    assert {"Người thay đổi", "Lý do thay đổi", "Đối tượng"} <= set(history)
    changelist = visible_text(client.get("/admin/org/unit/?q=khong-co-don-vi-nay"))
    assert {"Bộ lọc", "Áp dụng bộ lọc", "Không tìm thấy kết quả", "Xóa bộ lọc"} <= set(changelist)


def test_it_shows_english_labels_for_our_strings_after_switching(client, people):
    client = client_for(client, people.leader)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    assert response.status_code == 302
    pages = {name: visible_text(client.get(url)) for name, url in admin_pages(people).items()}
    assert "Units" in pages["index"] and "Đơn vị" not in pages["index"]  # sidebar: our msgid "Đơn vị"
    assert {"Filters", "Code", "Parent unit"} <= set(pages["changelist"])
    assert {"Changed by", "Change reason"} <= set(pages["history"])
    assert "Short name" in pages["change form"] and "trực thuộc" not in " ".join(pages["change form"]).lower()


def test_it_keeps_english_after_signing_in_again_with_the_language_cookie(client, people):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client = client_for(client, people.leader)
    assert "Units" in visible_text(client.get("/admin/"))


def test_it_prefers_our_translation_over_a_copied_english_one_in_django():
    with translation.override("vi"):
        assert translation.gettext("time cost") == "chi phí thời gian"  # Django's vi says "time cost"
        assert translation.gettext("Search") == "Tìm kiếm"  # Django's own, which we keep
        assert translation.ngettext("entry", "entries", 3) == "mục"  # one plural form in Vietnamese


def test_it_translates_the_admin_calendar_in_javascript(client, people):
    client = client_for(client, people.leader)
    script = client.get("/admin/jsi18n/").content.decode()
    assert "Ch\\u1ee7 nh\\u1eadt" in script or "Chủ nhật" in script  # Sunday


def test_it_translates_every_string_unfold_and_simple_history_use():
    """A new Unfold or simple-history version with new strings fails here until they are translated."""
    ours = {catalogue.key(e) for e in polib.pofile(str(catalogue.CATALOGUES["vi"])) if catalogue.is_done(e)}
    vietnamese = trans_real.translation("vi")
    missing = []
    for package in ("unfold", "simple_history", "axes"):
        for context, msgid, plural in catalogue.package_msgids(catalogue.site_packages() / package):
            lookup = f"{context}\x04{msgid}" if context else msgid
            said = vietnamese._catalog.get((lookup, 0) if plural else lookup)
            if (context, msgid, bool(plural)) not in ours and (not said or said == msgid):
                missing.append(msgid)
    assert not missing, f"run scripts/i18n_catalogue.py libraries and translate: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(catalogue.CATALOGUES))
def test_it_has_a_translation_for_every_msgid(name):
    po = polib.pofile(str(catalogue.CATALOGUES[name]))
    assert len(catalogue.active(po)) > 0
    assert [entry.msgid for entry in catalogue.untranslated(po)] == []


@pytest.mark.parametrize("name", sorted(catalogue.CATALOGUES))
def test_it_keeps_the_placeholders_in_every_translation(name):
    po = polib.pofile(str(catalogue.CATALOGUES[name]))
    for entry in catalogue.active(po):
        expected = set(catalogue.PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                assert set(catalogue.PLACEHOLDER.findall(text)) == expected, (entry.msgid, text)


@pytest.mark.parametrize("name", sorted(catalogue.CATALOGUES))
def test_it_commits_mo_files_that_match_their_po(name):
    """Compile in memory with polib and compare: a stale .mo means `i18n_catalogue.py compile`."""
    path = catalogue.CATALOGUES[name]
    po = polib.pofile(str(path))
    fresh = polib.mofile(po.to_binary())
    committed = polib.mofile(str(path.with_suffix(".mo")))
    assert catalogue.compiled(committed) == catalogue.compiled(fresh) == catalogue.compiled(po)
    assert committed.metadata["Plural-Forms"] == catalogue.PLURAL_FORMS[name.split("-")[0]]


def test_it_has_english_for_every_string_in_our_code():
    """A new `_("…")` in papi_inspect/, doctypes/ or reports/ fails here until the en catalogue has it."""
    english = {catalogue.key(e) for e in polib.pofile(str(catalogue.CATALOGUES["en"])) if catalogue.is_done(e)}
    missing = sorted(msgid for _context, msgid, _plural in catalogue.our_msgids() - english)
    assert not missing, f"run scripts/i18n_catalogue.py ours, translate, then compile: {missing}"
