"""Reference data of the organisation: the unit tree with its validity periods and mergers (fixtures/units.json)."""

from doctypes.org.models import Unit
from papi_inspect.reference import create_missing, fixture_json, parse_date


def load_units():
    """Units in dependency order, so each row is created whole with its parent and merger target."""
    created = 0
    pending = fixture_json("units.json")
    while pending:
        existing = set(Unit.objects.values_list("code", flat=True))
        ready = [row for row in pending if {row["parent"], row["merged_into"]} - {None} <= existing | {row["code"]}]
        if not ready:
            raise ValueError(f"units.json: đơn vị cha hoặc hợp nhất không tồn tại: {[r['code'] for r in pending]}")
        for row in ready:
            values = {
                "name": row["name"],
                "short_name": row["short_name"],
                "kind": row["kind"],
                "parent": Unit.objects.filter(code=row["parent"]).first(),
                "valid_from": parse_date(row["valid_from"]),
                "valid_to": parse_date(row["valid_to"]),
                "merged_into": Unit.objects.filter(code=row["merged_into"]).first(),
                "merger_basis": row["merger_basis"],
            }
            created += create_missing(Unit, {"code": row["code"]}, values)
        pending = [row for row in pending if row not in ready]
    return created


LOADERS = [("đơn vị", load_units)]
