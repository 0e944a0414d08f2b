"""Benchmark: every leadership list (admin and API), the dashboard, the annual report and the deadline engine, in one run.

Run on a generated database (`papi-inspect generate --scale department`, plus the test people from tests/base):
    DATABASE_URL=sqlite:////tmp/dept.sqlite3 .venv/bin/python benchmarks/lists.py [--runs 20] [--json out.json]
Each page is timed over --runs interleaved rounds (p50/p95), with its query count, HTML bytes, the time of its own
SQL statements re-run alone (raw SQL), and for admin lists the stock Django admin (plain admin.ModelAdmin, same
list_display) as a second column. Prints a table and writes JSON. Asserts nothing: the targets are in the issue
(≤ 15 queries, ≤ 3× raw SQL, ≤ 150 KB HTML, p95 ≤ 150 ms on SQLite at department scale).
"""

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--runs", type=int, default=20)
PARSER.add_argument("--report-runs", type=int, default=3)
PARSER.add_argument("--json", default="benchmarks/lists.json")
PARSER.add_argument("--only", default="", help="run only the pages whose name contains this text")
PARSER.add_argument("--user", default="leader", help="tests/base PEOPLE attribute: leader, unit_head, …")
ARGS = PARSER.parse_args()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papi_inspect.settings")
# As in production: templates compiled once (the cached loader), no debug pages. DEBUG=1 to compare with a dev server.
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.contrib import admin  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import clear_url_caches, path  # noqa: E402

SESSION_TABLES = ("django_session", "auth_user", "axes_", "SAVEPOINT", "RELEASE", "auth_group", "auth_permission")

ADMIN_LISTS = {
    # name -> (app/model, a filter, a search, has the deadline filter)
    "petitions": ("complaint_case/petition", "status__exact=received", "q=đất", True),
    "complaints": ("complaint_case/complaintcase", "status__exact=accepted", "q=đất", True),
    "denunciations": ("complaint_case/denunciation", "status__exact=accepted", "q=cán bộ", True),
    "findings": ("finding/finding", "severity__exact=high", "q=công tác phí", False),
    "actions": ("finding/action", "status__exact=open", "q=sai sót", True),
    "receptions": ("citizen_reception/reception", "kind__exact=regular", "q=thôn 3", False),
    "inspections": ("inspection/inspection", "kind__exact=unscheduled", "q=chấp hành", False),
    "checks": ("discipline_check/disciplinecheck", "status__exact=scheduled", "q=Chi cục", False),
}
API_LISTS = {"petitions": "petitions", "complaints": "complaints", "denunciations": "denunciations", "findings": "findings",
             "actions": "follow-up-actions", "receptions": "receptions", "inspections": "inspections", "checks": "discipline-checks"}


def stock_site():
    """A plain Django AdminSite with admin.ModelAdmin for each listed model, same list_display, mounted at /stock-admin/."""
    from papi_inspect import urls

    from unfold.sites import UnfoldAdminSite

    # unfold replaces the admin templates project-wide and they need its site's views (search); the ModelAdmin
    # is the plain django.contrib.admin one, so the column is what Django itself does with the same list_display.
    site = UnfoldAdminSite(name="stock")
    for label, *_rest in ADMIN_LISTS.values():
        model = django.apps.apps.get_model(*label.split("/"))
        ours = admin.site._registry[model]
        columns = []
        for column in ours.list_display:
            if isinstance(column, str) and not hasattr(model, column) and hasattr(ours, column):
                method = getattr(type(ours), column)
                column = admin.display(description=getattr(method, "short_description", column))(
                    lambda obj, _m=method, _o=ours: _m(_o, obj))
            columns.append(column)
        site.register(model, type(f"Stock{model.__name__}Admin", (admin.ModelAdmin,), {"list_display": columns}))
    urls.urlpatterns.insert(0, path("stock-admin/", site.urls))
    clear_url_caches()


def own_sql(captured):
    return [q["sql"] for q in captured if not any(t in q["sql"] for t in SESSION_TABLES)]


def raw_ms(statements):
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
            if cursor.description:
                cursor.fetchall()
    return (time.perf_counter() - started) * 1000


def pages():
    result = {}
    for name, (label, a_filter, search, deadline) in ADMIN_LISTS.items():
        base = f"/admin/{label}/"
        result[f"admin {name} first page"] = (base, f"/stock-admin/{label}/")
        result[f"admin {name} filter"] = (f"{base}?{a_filter}", f"/stock-admin/{label}/?{a_filter}")
        result[f"admin {name} search"] = (f"{base}?{search}", f"/stock-admin/{label}/?{search}")
        if deadline:
            result[f"admin {name} overdue"] = (f"{base}?deadline=overdue", None)
    for name, route in API_LISTS.items():
        result[f"api {name}"] = (f"/api/v1/{route}/", None)
        if name in ("complaints", "actions"):
            result[f"api {name} search"] = (f"/api/v1/{route}/?search=đất", None)
    result["dashboard"] = ("/admin/", None)
    return {name: urls for name, urls in result.items() if ARGS.only in name}


def measure_page(client, url):
    reset_queries()  # the query log keeps 9,000 entries; a full one would capture nothing
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, response, captured.captured_queries


def pct(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def bench_pages(client):
    table = pages()
    rows = {}
    for name, (url, stock) in table.items():  # warm-up and the per-request facts
        _, response, queries = measure_page(client, url)
        statements = own_sql(queries)
        row = {"url": url, "status": response.status_code, "queries": len(queries), "bytes": len(response.content),
               "class_attr_bytes": sum(len(c) for c in _class_attrs(response.content)), "own_sql": len(statements),
               "raw_sql_ms": statistics.median(raw_ms(statements) for _ in range(5)), "times": [], "stock_times": []}
        if stock:
            _, stock_response, stock_queries = measure_page(client, stock)
            row.update(stock_url=stock, stock_status=stock_response.status_code, stock_queries=len(stock_queries),
                       stock_bytes=len(stock_response.content))
        rows[name] = row
    for _ in range(ARGS.runs):  # interleaved rounds: noise on the shared machine hits every page alike
        for name, (url, stock) in table.items():
            rows[name]["times"].append(measure_page(client, url)[0])
            if stock:
                rows[name]["stock_times"].append(measure_page(client, stock)[0])
    for row in rows.values():
        times, stock_times = row.pop("times"), row.pop("stock_times")
        row.update(p50_ms=statistics.median(times), p95_ms=pct(times, 0.95))
        if stock_times:
            row.update(stock_p50_ms=statistics.median(stock_times), stock_p95_ms=pct(stock_times, 0.95))
    return rows


def _class_attrs(content):
    import re

    return re.findall(rb'class="[^"]*"', content)


def bench_deadlines():
    from papi_inspect.deadlines import compute_deadline, deadline_status

    today = datetime.date.today()
    dues = [today + datetime.timedelta(days=offset % 120 - 30) for offset in range(20_000)]
    started = time.perf_counter()
    for due in dues:
        deadline_status(due, today=today)  # the per-row path the lists take: no calendar passed
    statuses = len(dues) / (time.perf_counter() - started)
    starts = [today - datetime.timedelta(days=offset % 700) for offset in range(5_000)]
    codes = ["complaint.resolve", "denunciation.initial", "petition.process", "complaint.accept", "denunciation.resolve"]
    started = time.perf_counter()
    for index, start in enumerate(starts):
        compute_deadline(codes[index % len(codes)], start)  # no calendar passed: what a service call does
    due_dates = len(starts) / (time.perf_counter() - started)
    return {"statuses_per_s": statuses, "due_dates_per_s": due_dates}


def bench_report(people):
    import pandas as pd

    from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
    from doctypes.org.models import Unit
    from reports.services import lifecycle as services

    year = datetime.date.today().year - 1
    report = services.get_or_create_report("anti_corruption", "year", year, by=people.chief_inspector)
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        services.generate_version(report, by=people.chief_inspector)
    times = []
    for _ in range(ARGS.report_runs):
        started = time.perf_counter()
        services.generate_version(report, by=people.chief_inspector)
        times.append(time.perf_counter() - started)
    units = list(Unit.objects.get(code="snnmt").family_ids())

    def pandas_baseline():  # the same rows read plainly and aggregated in pandas: the floor the report is held to
        frames = []
        for model in (Petition, ComplaintCase, Denunciation):
            rows = model.objects.filter(unit_id__in=units, received_on__year__lte=year).values("unit_id", "status", "anti_corruption", "received_on")
            frames.append(pd.DataFrame.from_records(list(rows)).assign(model=model.__name__))
        frame = pd.concat(frames)
        return frame.groupby(["model", "unit_id", "status", "anti_corruption"]).size()

    baseline = []
    for _ in range(ARGS.report_runs):
        started = time.perf_counter()
        pandas_baseline()
        baseline.append(time.perf_counter() - started)
    return {"queries": len(captured.captured_queries), "p50_s": statistics.median(times), "max_s": max(times),
            "pandas_p50_s": statistics.median(baseline)}


def main():
    from tests.base import load_people

    people = load_people()
    stock_site()
    client = Client()
    client.force_login(getattr(people, ARGS.user))
    started = time.perf_counter()
    result = {"database": connection.vendor, "user": ARGS.user, "runs": ARGS.runs, "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="minutes"),
              "machine": f"{os.cpu_count()} cores", "pages": bench_pages(client)}
    if not ARGS.only:
        result["deadline_engine"] = bench_deadlines()
        result["annual_report"] = bench_report(people)
    print(f"{connection.vendor}, user {ARGS.user}, {ARGS.runs} interleaved runs, {time.perf_counter() - started:.0f} s")
    print(f"{'page':<32}{'st':>4}{'q':>5}{'KB':>7}{'class KB':>9}{'p50':>7}{'p95':>7}{'raw SQL':>8}{'×raw':>6} | "
          f"{'stock q':>7}{'KB':>6}{'p50':>7}{'p95':>7}")
    for name, row in result["pages"].items():
        ratio = row["p50_ms"] / row["raw_sql_ms"] if row["raw_sql_ms"] else 0
        line = (f"{name:<32}{row['status']:>4}{row['queries']:>5}{row['bytes'] / 1024:>7.0f}{row['class_attr_bytes'] / 1024:>9.0f}"
                f"{row['p50_ms']:>7.0f}{row['p95_ms']:>7.0f}{row['raw_sql_ms']:>8.1f}{ratio:>6.1f} | ")
        if "stock_queries" in row:
            line += f"{row['stock_queries']:>7}{row['stock_bytes'] / 1024:>6.0f}{row['stock_p50_ms']:>7.0f}{row['stock_p95_ms']:>7.0f}"
        print(line)
    if "deadline_engine" in result:
        engine, report = result["deadline_engine"], result["annual_report"]
        print(f"deadline engine: {engine['statuses_per_s']:,.0f} statuses/s, {engine['due_dates_per_s']:,.0f} due dates/s")
        print(f"annual anti-corruption report: {report['queries']} queries, p50 {report['p50_s']:.2f} s (max {report['max_s']:.2f}); "
              f"pandas over the same rows {report['pandas_p50_s']:.2f} s")
    Path(ARGS.json).write_text(json.dumps(result, indent=1, default=str))
    print(f"JSON: {ARGS.json}")


if __name__ == "__main__":
    main()
