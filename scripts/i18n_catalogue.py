"""Keep the translation catalogues whole: vi for what the libraries leave in English, en for ours.

Run from the project root, in this order, whenever strings or library versions change:

    .venv/bin/python scripts/i18n_catalogue.py ours       # our Vietnamese msgids -> locale/en (needs gettext)
    .venv/bin/python scripts/i18n_catalogue.py libraries  # library msgids with no vi translation -> locale/vi
    # ... fill in every empty msgstr (check lists them) ...
    .venv/bin/python scripts/i18n_catalogue.py compile    # .po -> .mo with polib (no gettext needed)
    .venv/bin/python scripts/i18n_catalogue.py check      # untranslated msgids, stale .mo; exit 1 if any

`ours` is `manage.py makemessages -l en --ignore=.venv --ignore=tests ...` without fuzzy guesses,
plus the `_()` calls inside f-strings that xgettext cannot see (their English is kept across runs).
`libraries` reads the gettext calls of Unfold (with contrib), simple-history, axes, drf-spectacular,
DRF and django-filter (Python and templates, no gettext tools), adds Django's own msgids (from its
en catalogues) and keeps those no installed vi catalogue translates: where Django or DRF already say
it in Vietnamese they keep the word. Both keep the msgstrs already written. Commit the .po AND the
.mo files: a fresh machine need not have gettext, and tests/core/test_i18n.py fails while a .mo lags.
"""

import argparse
import ast
import os
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "papi_inspect" / "locale"
CATALOGUES = {
    "vi": LOCALE / "vi" / "LC_MESSAGES" / "django.po",
    "vi-js": LOCALE / "vi" / "LC_MESSAGES" / "djangojs.po",  # the admin's date picker and selectors
    "en": LOCALE / "en" / "LC_MESSAGES" / "django.po",
}
PLURAL_FORMS = {"vi": "nplurals=1; plural=0;", "en": "nplurals=2; plural=(n != 1);"}
# Packages whose user-facing strings the vi catalogue completes.
LIBRARIES = ["unfold", "simple_history", "axes", "drf_spectacular", "rest_framework", "django_filters"]
# Django parts an installed app shows to users; their en catalogues list every msgid.
DJANGO_PARTS = ["conf", "contrib/admin", "contrib/auth", "contrib/contenttypes", "contrib/sessions"]
# Code a user never reads: system checks, management commands, migrations, tests.
SKIP_DIRS = {"management", "migrations", "tests", "checks"}
OUR_FOLDERS = ["papi_inspect", "doctypes", "reports"]
IGNORE_OURS = [".venv", "tests", "var", "staticfiles", "scripts", "benchmarks", "build", "*.egg-info"]
# %(name)s, %s, %d and {name} / {}: a translation must keep the same set.
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdrfi]|%[sdi]|\{[a-z_0-9]*(?::[^}]*)?\}")
# gettext function -> positions of (context, singular, plural) among its arguments
GETTEXT = {
    "_": (None, 0, None), "gettext": (None, 0, None), "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None), "ngettext": (None, 0, 1), "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None), "pgettext_lazy": (0, 1, None), "npgettext": (0, 1, 2), "npgettext_lazy": (0, 1, 2),
}


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")
    import django

    django.setup()


def site_packages():
    import django

    return Path(django.__file__).resolve().parent.parent


def key(entry):
    """Context, msgid and plurality: ngettext never finds a msgid a catalogue holds as singular."""
    return (entry.msgctxt or None, entry.msgid, bool(entry.msgid_plural))


def is_done(entry):
    if getattr(entry, "obsolete", False) or getattr(entry, "fuzzy", False):
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


# --- Reading a library's gettext calls ------------------------------------------------------
def gettext_calls(tree):
    """(context, msgid, plural) of every gettext call with literal arguments, f-strings included."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in GETTEXT:
            continue
        texts = []
        for index in GETTEXT[name]:
            arg = node.args[index] if index is not None and index < len(node.args) else None
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            texts.append(arg.value if literal else (None if index is None else False))
        if False not in texts and texts[1]:
            yield tuple(texts)


def template_msgids(source):
    """A template's msgids, read the way `makemessages` does: templatize, then parse each call."""
    from django.utils.translation.template import templatize

    code, found = templatize(source), set()
    for name in ("_", "gettext", "ngettext", "pgettext", "npgettext"):
        start = 0
        while (at := code.find(f" {name}(", start)) != -1:
            start, end = at + 1, at
            while (end := code.find(")", end + 1)) != -1:
                try:  # the call ends at the first ")" after which it parses
                    tree = ast.parse(code[at + 1 : end + 1], mode="eval")
                except SyntaxError:
                    continue
                found.update(gettext_calls(tree))
                break
    return found


def package_msgids(package_dir):
    found = set()
    for path in sorted(Path(package_dir).rglob("*")):
        if not path.is_file() or SKIP_DIRS.intersection(path.relative_to(package_dir).parts):
            continue
        if path.suffix == ".py":
            found.update(gettext_calls(ast.parse(path.read_text(encoding="utf-8"))))
        elif path.suffix in {".html", ".txt"} and "trans" in (text := path.read_text(encoding="utf-8")):
            found.update(template_msgids(text))
    return found


def our_msgids():
    """Keys of every gettext call in our own code (papi_inspect/, doctypes/, reports/)."""
    return {(context, msgid, bool(plural)) for folder in OUR_FOLDERS for context, msgid, plural in package_msgids(ROOT / folder)}


def translated_in_vi(domain="django"):
    """Keys every installed vi catalogue (Django's and the apps', not ours) already translates."""
    from django.apps import apps

    dirs = [site_packages() / "django" / "conf"] + [Path(config.path) for config in apps.get_app_configs()]
    done = set()
    for base in dirs:
        mo = base / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.mo"
        if mo.exists() and (base / "locale").resolve() != LOCALE.resolve():
            # Some of Django's vi "translations" merely copy the English ("time cost"): not done.
            done.update(key(e) for e in polib.mofile(str(mo)) if is_done(e) and e.msgstr != e.msgid)
    return done


def library_msgids():
    """{key: POEntry} of every library and Django msgid that no installed vi catalogue translates."""
    found = {}
    for package in LIBRARIES:
        for context, msgid, plural in sorted(package_msgids(site_packages() / package), key=str):
            entry = polib.POEntry(msgctxt=context, msgid=msgid, msgid_plural=plural or "", comment=package)
            found.setdefault(key(entry), entry)
    for part in DJANGO_PARTS:
        source = site_packages() / "django" / part / "locale" / "en" / "LC_MESSAGES" / "django.po"
        for entry in polib.pofile(str(source)):
            entry.comment = f"django/{part}"
            found.setdefault(key(entry), entry)
    skip = translated_in_vi()
    return {k: entry for k, entry in found.items() if k not in skip and entry.msgid}


def admin_js_msgids():
    """The admin's JavaScript strings (calendar, selectors) that Django's vi djangojs leaves out."""
    source = site_packages() / "django" / "contrib" / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
    skip = translated_in_vi("djangojs")
    return {key(entry): entry for entry in polib.pofile(str(source)) if key(entry) not in skip and entry.msgid}


# --- Writing the catalogues ----------------------------------------------------------------
def tidy_header(po, language):
    """Replace makemessages' placeholder header (and its fuzzy flag) with ours."""
    po.header = "papi_inspect translation catalogue. Refresh: scripts/i18n_catalogue.py"
    po.metadata_is_fuzzy = False
    po.metadata = {
        "Project-Id-Version": "papi_inspect",
        "PO-Revision-Date": po.metadata.get("POT-Creation-Date", "2026-11-28 00:00+0700"),
        "Last-Translator": "papi_inspect",
        "Language-Team": "papi_inspect",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[language],
    }


def format_flags(msgid):
    """The flag `msgfmt -c` needs to check that a translation keeps the placeholders."""
    if PLACEHOLDER.search(msgid) and "%" in msgid:
        return ["python-format"]
    return ["python-brace-format"] if PLACEHOLDER.search(msgid) else []


def merge_library_msgids(path, wanted):
    """Add new library msgids to a vi catalogue; drop those no library uses any more."""
    po = polib.pofile(str(path), wrapwidth=100) if path.exists() else polib.POFile(wrapwidth=100)
    tidy_header(po, "vi")
    have = {key(entry): entry for entry in po if not entry.obsolete}
    for k, entry in sorted(wanted.items(), key=lambda item: (item[0][0] or "", item[0][1])):
        if k not in have:
            po.append(polib.POEntry(
                msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural, comment=entry.comment,
                msgstr="", msgstr_plural={0: ""} if entry.msgid_plural else {},
                flags=[flag for flag in entry.flags if flag.endswith("-format")] or format_flags(entry.msgid),
            ))
    po[:] = [entry for entry in po if not entry.obsolete and key(entry) in wanted]
    po.save(str(path))
    print(f"{path.relative_to(ROOT)}: {len(wanted)} msgids, {len(untranslated(po))} untranslated")


def refresh_libraries():
    setup_django()
    merge_library_msgids(CATALOGUES["vi"], library_msgids())
    merge_library_msgids(CATALOGUES["vi-js"], admin_js_msgids())


def refresh_ours():
    setup_django()
    from django.core.management import call_command
    from django.core.management.commands.makemessages import Command

    class MakeMessages(Command):
        # A guessed ("fuzzy") English for a new Vietnamese msgid is more often wrong than right.
        msgmerge_options = [*Command.msgmerge_options, "--no-fuzzy-matching"]

    before = polib.pofile(str(CATALOGUES["en"])) if CATALOGUES["en"].exists() else []
    known = {key(entry): entry for entry in before if is_done(entry)}
    os.chdir(ROOT)
    call_command(MakeMessages(), locale=["en"], ignore_patterns=IGNORE_OURS, no_obsolete=True, verbosity=1)
    po = polib.pofile(str(CATALOGUES["en"]), wrapwidth=100)
    tidy_header(po, "en")
    have = {key(entry) for entry in po}
    for context, msgid, plural in sorted(our_msgids() - have, key=str):  # xgettext skips f-strings
        po.append(polib.POEntry(msgctxt=context, msgid=msgid, msgid_plural=plural or "", msgstr="",
                                msgstr_plural={0: "", 1: ""} if plural else {}, flags=format_flags(msgid)))
    for entry in po.fuzzy_entries():
        entry.flags.remove("fuzzy")
        entry.msgstr, entry.previous_msgid = "", None
        entry.msgstr_plural = {index: "" for index in entry.msgstr_plural}
    for entry in untranslated(po):  # msgids makemessages cannot see keep the English written before
        if key(entry) in known:
            entry.msgstr, entry.msgstr_plural = known[key(entry)].msgstr, dict(known[key(entry)].msgstr_plural)
    po.save()
    print(f"{CATALOGUES['en'].relative_to(ROOT)}: {len(active(po))} msgids, {len(untranslated(po))} untranslated")


def active(po):
    return [entry for entry in po if not entry.obsolete]


def untranslated(po):
    return [entry for entry in active(po) if not is_done(entry)]


def compiled(entries):
    """{key: (msgstr, {n: msgstr})}: what a .mo holds, to compare a .po with its .mo."""
    return {
        key(e): (e.msgstr, {int(n): text for n, text in e.msgstr_plural.items()})
        for e in entries
        if e.msgid and is_done(e)
    }


def mo_is_current(po_path):
    """The committed .mo holds exactly the translations of its .po."""
    mo_path = po_path.with_suffix(".mo")
    return mo_path.exists() and compiled(polib.mofile(str(mo_path))) == compiled(polib.pofile(str(po_path)))


def check():
    problems = 0
    for name, path in CATALOGUES.items():
        po = polib.pofile(str(path))
        missing = untranslated(po)
        print(f"{name}: {len(active(po))} msgids, {len(missing)} untranslated")
        for entry in missing:
            print(f"  {'(fuzzy) ' if entry.fuzzy else ''}{entry.msgid!r}")
        if not mo_is_current(path):
            print(f"  {path.with_suffix('.mo').relative_to(ROOT)} is stale: run `compile`")
            problems += 1
        problems += len(missing)
    return 1 if problems else 0


def compile_catalogues():
    for path in CATALOGUES.values():
        po = polib.pofile(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
        print(f"{path.with_suffix('.mo').relative_to(ROOT)}: {len(po.translated_entries())} translations")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["ours", "libraries", "check", "compile"])
    action = parser.parse_args(argv).action
    if action == "ours":
        refresh_ours()
    elif action == "libraries":
        refresh_libraries()
    elif action == "compile":
        compile_catalogues()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
