"""Code given to subprocesses as strings (`python -c "..."`) imports names that still exist.

Moving a module (as the layering did) cannot update an import written inside a string: the first CI
after the move failed on two such imports in the backup test and the crash-safety script. This test
parses every string literal in tests/, benchmarks/ and scripts/ that holds import statements and
checks that each imported project module and name is there.
"""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("papi_inspect", "doctypes", "reports", "tablet")


def imports_in_strings(folders=("tests", "benchmarks", "scripts")):
    """(file, line, module, name or None) of each project import found in a string literal that parses as code."""
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and "import " in node.value):
                    continue
                try:
                    code = ast.parse(node.value)
                except SyntaxError:
                    continue
                for statement in ast.walk(code):
                    if isinstance(statement, ast.ImportFrom) and (statement.module or "").startswith(PROJECT):
                        found += [(path, node.lineno, statement.module, alias.name) for alias in statement.names]
                    elif isinstance(statement, ast.Import):
                        found += [(path, node.lineno, alias.name, None) for alias in statement.names
                                  if alias.name.startswith(PROJECT)]
    return found


def test_there_are_such_strings_to_check():
    assert len(imports_in_strings()) >= 3


@pytest.mark.parametrize("path, line, module, name", imports_in_strings(),
                         ids=lambda value: str(value).rpartition("/")[2] if isinstance(value, Path) else None)
def test_each_import_in_a_code_string_resolves(path, line, module, name):
    imported = importlib.import_module(module)
    if name is not None and not hasattr(imported, name):
        importlib.import_module(f"{module}.{name}")  # a submodule: fails with ModuleNotFoundError if it is not there
