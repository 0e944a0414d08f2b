"""gunicorn settings for papi_inspect in production: one worker process per core, on loopback behind the proxy."""

import multiprocessing
import os

# Only the reverse proxy on this machine talks to the application server (README: HTTPS on the department LAN).
bind = os.environ.get("PAPI_BIND") or "127.0.0.1:8000"
# One worker per core; each worker's threads let a request that waits (SQLite's busy timeout, a large
# upload from a tablet) not hold up the others.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count())
worker_class = "gthread"
threads = int(os.environ.get("PAPI_WEB_THREADS") or 4)
# Reports and large exports run in the task worker; a request that takes two minutes is stuck.
timeout = 120
graceful_timeout = 30
# Recycle workers now and then so a slow leak in a library never grows for months.
max_requests = 2000
max_requests_jitter = 200
# Files the application writes (the SQLite -wal and -shm, uploads) are the server account's alone.
umask = 0o077
# X-Forwarded-Proto is believed only from the proxy on this machine (Django reads it via SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("PAPI_TRUSTED_PROXIES") or "127.0.0.1,::1"
# Access log without the query string: %(U)s is the path alone, so searches (?q=<a name>) are never written.
accesslog = "-"
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("PAPI_GUNICORN_LOG_LEVEL") or "info"
# The application is imported in each worker, not in the master: every worker opens its own database
# connection, and a restart (HUP) loads new code.
preload_app = False
wsgi_app = "papi_inspect.wsgi:application"
