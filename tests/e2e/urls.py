"""The site's addresses plus one that fails, so the walk can show the 500 page."""

from django.urls import path
from django.views import defaults

from cms import urls as site_urls


def fail(request):
    raise RuntimeError("Absichtlicher Fehler für den Browsertest der 500-Seite")


urlpatterns = [path("e2e-fehler/", fail), *site_urls.urlpatterns]
handler500 = getattr(site_urls, "handler500", defaults.server_error)
