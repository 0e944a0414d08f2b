"""Response headers every page and API answer carries: a nonce-based CSP, Permissions-Policy and no-store."""

import secrets

from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject

# What each directive allows, beyond the per-request nonce on script-src. Inline styles stay allowed:
# Unfold, htmx's indicator and FullCalendar write <style> and style="" (CSS cannot run code); scripts
# may run only from our own origin or carry this request's nonce, and no inline event handler runs.
BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Photos are previewed from blob: URLs before upload; signatures and Swagger's icons are data: URLs.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Unfold's layout is built on Alpine.js, whose standard build compiles x-data expressions with `new Function`:
# only pages on that layout (the back office and the office pages that extend it: dashboard, PAPI trend,
# discipline calendar) may evaluate strings, and they are recognised by loading its Alpine.js. The case
# screens, the tablet and the API docs may not.
UNFOLD_ALPINE = b"unfold/js/alpine/alpine.js"

PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "camera=(self)",  # the tablet takes photos of findings
        "display-capture=()",
        "geolocation=(self)",  # the tablet records where a finding was made
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "payment=()",
        "usb=()",
    ]
)


def needs_eval(response):
    return (
        not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and UNFOLD_ALPINE in response.content
    )


def content_security_policy(nonce, *, allow_eval=False):
    directives = {name: list(sources) for name, sources in BASE_POLICY.items()}
    directives["script-src"].append(f"'nonce-{nonce}'")
    if allow_eval:
        directives["script-src"].append("'unsafe-eval'")
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    """Adds CSP with a fresh nonce (`request.csp_nonce`, `{{ csp_nonce }}` in templates), Permissions-Policy,
    and `Cache-Control: no-store` to every response Django produces (static files are served before it).

    no-store because pages and API answers carry case data and names: no shared proxy or browser disk
    cache may keep them. The tablet keeps its pages offline through its service worker's own cache, which
    no-store does not touch.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        policy = content_security_policy(request.csp_nonce, allow_eval=needs_eval(response))
        response.setdefault("Content-Security-Policy", policy)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
        return response


def csp_nonce(request):
    """Template context: `{{ csp_nonce }}` for `<script nonce="…">`, the only way an inline script runs."""
    return {"csp_nonce": SimpleLazyObject(lambda: getattr(request, "csp_nonce", ""))}
