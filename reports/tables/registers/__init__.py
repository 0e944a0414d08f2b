"""The frames and sources the evidence registers add to the statistical tables, one module per register.

Each module here defines `FRAMES` ({name: callable(period, units) -> DataFrame}, the columns `model`, `pk`,
`label`, `unit_id` as in frames.py) and `SOURCES` ({key: Source}); a form's layout names the keys. They are
merged once, when sources.py loads, so a register adds its figures without editing the shared tables.
"""

import pkgutil
from importlib import import_module


def register_modules():
    return [import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]


def merged(attribute):
    """{key: value} of `attribute` over every register module; a key defined twice is a programming error."""
    result = {}
    for module in register_modules():
        for key, value in getattr(module, attribute, {}).items():
            if key in result:
                raise RuntimeError(f"{key} is defined by two register modules")
            result[key] = value
    return result
