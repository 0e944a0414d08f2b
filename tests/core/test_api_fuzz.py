"""Schemathesis over /api/v1/ as the chief inspector and as a unit's staff member: no server error, every answer in
the schema. CI-light: about 5,000 requests; `benchmarks/api_fuzz.py` runs longer (PAPI_FUZZ_EXAMPLES)."""

import os

import pytest
from rest_framework.authtoken.models import Token

from doctypes.inspection.models import Inspection
from tests.complaint_case.builders import make_complaint, make_denunciation, make_petition
from tests.core.api_fuzz import FuzzResult, fuzz, in_process_app, load_schema
from tests.discipline_check.builders import make_check
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.builders import advance, make_inspection

pytestmark = pytest.mark.django_db

# Cases per operation, role and generation mode (valid data, then data that breaks the schema).
EXAMPLES = int(os.environ.get("PAPI_FUZZ_EXAMPLES", "10"))
MINIMUM_REQUESTS = int(os.environ.get("PAPI_FUZZ_MINIMUM", "5000"))
ONLY = os.environ.get("PAPI_FUZZ_ONLY", "")  # a part of the path, to fuzz some operations only (benchmarks/api_fuzz.py)
SEED = int(os.environ.get("PAPI_FUZZ_SEED", "20261207"))  # fixed in CI: the same cases each run


def some_records(people):
    """A few records of each kind, so that generated ids (small numbers first) reach real rows, not only 404s."""
    for _ in range(2):
        make_petition(people.office_clerk)
        make_complaint(people.inspector, handler=people.inspector)
        make_denunciation(people.inspector, handler=people.inspector)
        finding = make_finding(inspection=advance(make_inspection(), Inspection.Step.REPORTED))
        make_action(finding, violation=make_violation(finding))
        make_check()


def test_the_api_answers_generated_requests_without_a_server_error_and_as_its_schema_says(people):
    some_records(people)
    result = FuzzResult()
    tokens = [Token.objects.create(user=user).key for user in (people.chief_inspector, people.unit_staff)]
    with in_process_app() as app:
        fuzz(load_schema(app, tokens[0]), tokens=tokens, examples=EXAMPLES, seed=SEED, result=result, only=ONLY)
    print("\n" + result.summary())
    assert result.requests >= MINIMUM_REQUESTS, result.summary()
    assert result.server_errors == [], result.summary()
    assert result.schema_failures == [], result.summary()
