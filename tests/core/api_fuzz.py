"""Schemathesis over /api/v1/, in-process through the WSGI app: request counts, server errors and schema mismatches.

Shared by the CI-light test (tests/core/test_api_fuzz.py) and the longer run on demand (benchmarks/api_fuzz.py).
Every operation of the served schema gets `examples` generated cases per role and mode (valid data, then data
that breaks the schema); each answer is checked for a server error and against the schema (status code, content
type, headers and body). Failures are collected, not raised, so one run counts them all without shrinking.
"""

import logging
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

import hypothesis
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from schemathesis import GenerationMode
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi import checks as openapi_checks

CHECKS = [
    schemathesis.checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_headers_conformance,
    openapi_checks.response_schema_conformance,
]
SCHEMA_PATH = "/api/schema/?format=json"


@dataclass
class FuzzResult:
    requests: int = 0
    seconds: float = 0.0
    answering: float = 0.0  # of which the app answering (the rest: generating and checking cases)
    operations: int = 0
    statuses: Counter = field(default_factory=Counter)
    server_errors: list = field(default_factory=list)
    schema_failures: list = field(default_factory=list)
    unsatisfiable: list = field(default_factory=list)
    slowest: Counter = field(default_factory=Counter)

    def summary(self):
        lines = [f"{self.requests} requests over {self.operations} operations in {self.seconds:.1f} s "
                 f"(the app answering: {self.answering:.1f} s); "
                 f"server errors: {len(self.server_errors)}, schema failures: {len(self.schema_failures)}",
                 "status codes: " + ", ".join(f"{code}×{count}" for code, count in sorted(self.statuses.items())),
                 "slowest: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.slowest.most_common(8))]
        for kind, failures in (("server error", self.server_errors), ("schema failure", self.schema_failures)):
            for failure in sorted(set(failures))[:80]:
                lines.append(f"  {kind}: {failure}")
        return "\n".join(lines)


@contextmanager
def in_process_app():
    """Django's WSGI app for the test's own database connection (as Django's test client does: the request
    signals must not close the connection that holds the test's transaction). The thousands of expected 4xx are
    not logged; a server error still is."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.ERROR)
    try:
        yield WSGIHandler()
    finally:
        request_log.setLevel(level)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def load_schema(app, token):
    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, app, headers={"Authorization": f"Token {token}"})
    # Each request carries a role's token: generating Authorization and session cookies too would be wasted.
    schema.config.generation.update(with_security_parameters=False)
    return schema


def _describe(case, response, error):
    title = getattr(error, "title", None) or type(error).__name__
    detail = " ".join(str(getattr(error, "message", "") or "").split())[:160]
    return f"{case.method} {case.operation.path} → {response.status_code}: {title} ({detail})"


def fuzz_operation(operation, *, roles, examples, seed, mode, result):
    """`examples` cases of one operation, each sent once per role; every answer checked, failures recorded."""

    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis.settings(max_examples=examples, database=None, deadline=None, derandomize=False,
                         phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
                         suppress_health_check=list(hypothesis.HealthCheck), print_blob=False)
    @hypothesis.seed(seed)
    def run(case):
        for headers in roles:
            sent = time.monotonic()
            response = case.call(headers=headers)
            result.answering += time.monotonic() - sent
            result.requests += 1
            result.statuses[response.status_code] += 1
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (Failure, FailureGroup) as error:
                failures = error.exceptions if isinstance(error, FailureGroup) else [error]
                for failure in failures:
                    described = _describe(case, response, failure)
                    target = result.server_errors if response.status_code >= 500 else result.schema_failures
                    target.append(described)

    try:
        run()
    except hypothesis.errors.Unsatisfiable:
        # Nothing in this operation can be made invalid (no parameter, no body): its valid cases ran.
        result.unsatisfiable.append(f"{operation.method.upper()} {operation.path} ({mode.value})")


def fuzz(schema, *, tokens, examples, seed=20261207, modes=(GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
         result=None, only=""):
    """Every operation of `schema` (whose path contains `only`), each generated case sent as the holder of each of
    `tokens` (one user per role); returns the FuzzResult (added to `result`)."""
    result = result or FuzzResult()
    roles = [{"Authorization": f"Token {token}"} for token in tokens]
    started = time.monotonic()
    for operation in schema.get_all_operations():
        operation = operation.ok()
        if only not in operation.path:
            continue
        result.operations += 1
        for mode in modes:
            begun = time.monotonic()
            fuzz_operation(operation, roles=roles, examples=examples, seed=seed, mode=mode, result=result)
            result.slowest[f"{operation.method.upper()} {operation.path} ({mode.value})"] += time.monotonic() - begun
    result.seconds += time.monotonic() - started
    return result
