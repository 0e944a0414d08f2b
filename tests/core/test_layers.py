"""The layers point down only: core ← org and the PAPI reference ← doctypes (in settings order) ← consumers.

Every import statement counts, at module level or inside a function, absolute or relative: an
import hidden in a function is still a dependency. A doctype may import the core and the doctypes
listed before it in `settings.DOCTYPE_APPS`, so a cycle between apps cannot form; the core imports no
project app; a consumer (reports, the tablet) may import anything below it, and no app imports a
consumer. Migrations are generated and left out.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

CORE = "papi_inspect"


def layer_ranks(doctype_apps, consumer_apps):
    """{dotted app: rank}; an import may only go to a lower rank (or stay inside its own app)."""
    ranks = {CORE: 0}
    ranks.update({app: index for index, app in enumerate(doctype_apps, start=1)})
    ranks.update({app: len(doctype_apps) + 1 for app in consumer_apps})
    return ranks


def app_of(module, ranks):
    """The project app a dotted module belongs to, or None for Django, libraries and the standard library."""
    for app in sorted(ranks, key=len, reverse=True):
        if module == app or module.startswith(app + "."):
            return app
    return None


def imported_modules(path, module):
    """(line, dotted names) of every import statement in a file, with relative imports made absolute.

    `from doctypes.x import services` may name a module, so both `doctypes.x` and `doctypes.x.services`
    are candidates; the statement is reported once.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield node.lineno, [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            yield node.lineno, [target] + [f"{target}.{alias.name}" for alias in node.names]


def layer_violations(root, ranks):
    """Each import in the project tree under `root` that goes up a layer or sideways into another app."""
    violations = []
    for app in ranks:
        folder = Path(root, *app.split("."))
        for path in sorted(folder.rglob("*.py")):
            relative = path.relative_to(root)
            if "migrations" in relative.parts:
                continue
            module = ".".join(relative.with_suffix("").parts)
            source = app_of(module, ranks)
            if source != app:  # a nested app's files are checked as that app
                continue
            for line, candidates in imported_modules(path, module):
                for target_module in candidates:
                    target = app_of(target_module, ranks)
                    if target is not None and target != source and ranks[target] >= ranks[source]:
                        violations.append(f"{relative}:{line} imports {target_module} ({source} → {target})")
                        break
    return sorted(violations)


PROJECT_RANKS = layer_ranks(settings.DOCTYPE_APPS, settings.CONSUMER_APPS)


def test_it_finds_no_import_going_up_a_layer_or_across_apps():
    assert layer_violations(settings.BASE_DIR, PROJECT_RANKS) == []


@pytest.fixture
def tree(tmp_path):
    """A miniature project with the real layer names; each test plants one import in it."""

    def plant(relative, source):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(tmp_path).parents:
            if str(parent) != ".":
                (tmp_path / parent / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")

    plant("papi_inspect/audit.py", "from django.db import models\n")
    plant("doctypes/org/models.py", "from papi_inspect.audit import history\n")
    plant("doctypes/inspection/models.py", "from doctypes.org.models import Unit\n")
    plant("doctypes/finding/models.py", "from doctypes.inspection.models import Inspection\n")
    plant("reports/tables.py", "from doctypes.finding.models import Finding\n")
    plant.root = tmp_path
    return plant


MINI_RANKS = layer_ranks(["doctypes.org", "doctypes.inspection", "doctypes.finding"], ["reports", "tablet"])


def test_a_tree_whose_imports_point_down_passes(tree):
    assert layer_violations(tree.root, MINI_RANKS) == []


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        ("papi_inspect/reference.py", "from doctypes.org.models import Unit\n", "papi_inspect → doctypes.org"),
        ("doctypes/org/demo.py", "def load():\n    from reports import tables\n", "doctypes.org → reports"),
        ("doctypes/inspection/planning.py", "import doctypes.finding.models\n", "doctypes.inspection → doctypes.finding"),
        ("doctypes/inspection/admin.py", "from doctypes.finding import services\n", "doctypes.inspection → doctypes.finding"),
        ("reports/views.py", "from tablet import api\n", "reports → tablet"),
        ("papi_inspect/sub/helpers.py", "from ...doctypes.org import models\n", "papi_inspect → doctypes.org"),
    ],
    ids=["core-up", "inside-a-function", "doctype-cycle", "module-named-in-from", "consumer-sideways", "relative"],
)
def test_a_planted_upward_import_fails(tree, relative, source, expected):
    tree(relative, source)
    violations = layer_violations(tree.root, MINI_RANKS)
    assert len(violations) == 1 and expected in violations[0], violations
