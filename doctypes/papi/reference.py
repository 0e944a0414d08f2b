"""Reference data of PAPI: the dimensions and sub-dimensions by year (fixtures/papi_dimensions.csv)."""

import csv

from doctypes.papi.models import Dimension
from papi_inspect.reference import FIXTURES, create_missing


def load_dimensions():
    created = 0
    with open(FIXTURES / "papi_dimensions.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            values = {
                "parent": Dimension.objects.get(code=row["parent"]) if row["parent"] else None,
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "first_year": int(row["first_year"]),
                "last_year": int(row["last_year"]) if row["last_year"] else None,
            }
            created += create_missing(Dimension, {"code": row["code"]}, values)
    return created


LOADERS = [("chỉ số PAPI", load_dimensions)]
