"""Who is signed in on this tablet, told to its pages' scripts (a cookie) and its service worker (a header).

A tablet is shared by several inspectors. Every open tab reads the cookie before it shows or sends its
user's queue, so a tab left open by one person never works under the next person's session; the service
worker keeps each person's pages apart by the header. Neither is a credential: the server still checks
each item's author against the session (api.py).
"""

from django.conf import settings

USER_COOKIE = "papi_tablet_user"
USER_HEADER = "X-Tablet-User"
# A tablet restarted offline must still know whose pages it holds, so the cookie outlives the browser session.
COOKIE_AGE = 30 * 24 * 3600


def mark_user(response, user):
    """Say on `response` who is signed in: the user's id, or "" when nobody is."""
    value = str(user.pk) if user is not None and user.is_authenticated else ""
    response[USER_HEADER] = value
    response.set_cookie(USER_COOKIE, value, max_age=COOKIE_AGE, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
                        httponly=False)
    return response
