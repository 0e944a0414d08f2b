"""A lean changelist row: short class names on each cell, styled once in static/papi_inspect/admin/lean.css.

unfold writes ~26 Tailwind classes (≈430 bytes) on every cell and ≈550 bytes on every row's checkbox, so a
100-row list was 871 KB of HTML of which 627 KB were class attributes (issue 15). The cell classes come from
module-level lists in unfold's list template tags; `apply()` (run when papi_inspect.admin_base is imported) replaces their contents with
one short class each that lean.css gives the same look (table cells from the `lg` width, labelled cards below).
tests/reports/test_list_query_counts.py checks that a list row carries the short classes, so an unfold upgrade that
renames the lists is noticed.
"""

import re

ROW_CELL = "pi-cell"
# Runs of blank lines and indentation between two tags (the templates' layout): a third of a list page's bytes.
# One whitespace character is kept, so inline elements keep their space; text inside elements is not touched.
BETWEEN_TAGS = re.compile(rb">\s{2,}<")
CHECKBOX_CELL = "action-checkbox pi-check-cell"


def apply():
    from unfold.templatetags import unfold_list

    unfold_list.ROW_CLASSES[:] = [ROW_CELL]
    unfold_list.CHECKBOX_CLASSES[:] = CHECKBOX_CELL.split()
    if not getattr(unfold_list.result_headers, "once_per_list", False):
        unfold_list.result_headers = headers_once(unfold_list.result_headers)


def headers_once(result_headers):
    """unfold's items_for_result builds every column header again for each row (only to read its label): half
    of a 50-row page's time. The headers of one changelist are the same for all its rows, so build them once."""

    def once(cl):
        headers = getattr(cl, "_lean_headers", None)
        if headers is None:
            headers = cl._lean_headers = list(result_headers(cl))
        return iter([dict(header) for header in headers])  # a copy each time: callers may annotate them

    once.once_per_list = True
    return once


def collapse_whitespace(response):
    """Post-render callback of a changelist: the whitespace between tags reduced to one newline."""
    if response.get("Content-Type", "").startswith("text/html"):
        response.content = BETWEEN_TAGS.sub(b">\n<", response.content)
    return response
