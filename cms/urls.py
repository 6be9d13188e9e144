from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("captcha/", include("captcha.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# German at "/", English at "/en/": the language lives in the address, not in a cookie.
urlpatterns += i18n_patterns(
    # Our account pages use paths allauth does not ("profil/", "meine-daten/", "loeschen/").
    path("konto/", include("participation.accounts.urls")),
    path("konto/", include("participation.privacy.urls")),
    path("konto/", include("allauth.urls")),
    path("beteiligung/", include("participation.contributions.urls")),
    path(
        "barrierefreiheit/rueckmeldung/",
        cms_views.accessibility_feedback,
        name="accessibility_feedback",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
