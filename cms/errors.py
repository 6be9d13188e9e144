"""Error views: German pages that explain what to do and reveal nothing about the system.

The 403, 404 and 429 pages extend base.html (navigation and footer come from the database,
which is fine for those errors). The 500 page is standalone: it must render when the database
is the problem, so Django's default handler renders templates/500.html without context
processors and without touching the database.
"""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form came back without a valid token, almost always because the
    session expired or the form stood open for too long. `reason` is technical and stays in the
    log (django.security.csrf), never on the page."""
    return render(request, "403_csrf.html", status=403)
