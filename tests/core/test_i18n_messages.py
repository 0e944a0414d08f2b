"""Every refusal a user reads goes through gettext (issue 13, item 10): no literal string is passed to
ValidationError or PermissionDenied (nor as the `message=` of a precondition helper), so English mode shows English."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
FOLDERS = ["papi_inspect", "doctypes", "reports", "tablet"]
SKIPPED = {"migrations", "management", "tests"}  # never read by a user of the screens or the API
TARGETS = {"ValidationError", "PermissionDenied", "DjangoValidationError", "DjangoPermissionDenied"}


def _callee(call):
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _literals(node):
    """Literal strings reaching the message: the argument itself, dict values, list items, both arms of an if."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(ch.isalpha() for ch in node.value):
        yield node
    elif isinstance(node, ast.JoinedStr):
        yield node
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _literals(value)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            yield from _literals(item)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.BinOp):  # "a" + "b" both; _("… %(x)s") % {...}: the values are data, not text
        yield from _literals(node.left)
        if not isinstance(node.op, ast.Mod):
            yield from _literals(node.right)


def untranslated_messages(source, name="<source>"):
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        messages = node.args[:1] if _callee(node) in TARGETS else []
        # The services' precondition helpers (require_status, _require…) take the refusal as `message=`.
        if "require" in (_callee(node) or ""):
            messages += [keyword.value for keyword in node.keywords if keyword.arg == "message"]
        for message in messages:
            found += [f"{name}:{literal.lineno}: {ast.unparse(literal)[:70]}" for literal in _literals(message)]
    return found


def test_the_walk_finds_a_literal_and_passes_a_translated_one():
    assert untranslated_messages('raise ValidationError({"x": "Sai ngày."})')
    assert untranslated_messages('raise PermissionDenied(f"Không được {x}")')
    assert untranslated_messages('_require(case, message="Chỉ khi đã thụ lý.")')
    assert not untranslated_messages('raise ValidationError({"x": _("Sai ngày.")})')
    assert not untranslated_messages('raise ValidationError(_("Còn %(n)s mục.") % {"n": 3})')


def test_no_refusal_is_a_plain_literal():
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if SKIPPED & set(path.relative_to(ROOT).parts):
                continue
            found += untranslated_messages(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, f"{len(found)} messages not through gettext:\n" + "\n".join(found)
