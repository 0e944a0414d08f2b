"""Linking a record to the PAPI dimensions or sub-dimensions it serves, by their stable codes."""

from doctypes.papi.models import Dimension


def link_papi(record, *codes, field="papi"):
    """Add the dimensions with these codes (e.g. "3.2", "4") to `record`'s PAPI links."""
    getattr(record, field).add(*Dimension.objects.filter(code__in=codes))
