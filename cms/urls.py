from captcha import views as captcha_views
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from participation.contributions import captcha as lazy_captcha

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    # django-simple-captcha's addresses and names; the image and audio views create the
    # challenge on first request (participation.contributions.captcha: lazy keys).
    re_path(
        r"^captcha/image/(?P<key>\w+)/$",
        lazy_captcha.captcha_image,
        name="captcha-image",
        kwargs={"scale": 1},
    ),
    re_path(
        r"^captcha/image/(?P<key>\w+)@2/$",
        lazy_captcha.captcha_image,
        name="captcha-image-2x",
        kwargs={"scale": 2},
    ),
    re_path(r"^captcha/audio/(?P<key>\w+).wav$", lazy_captcha.captcha_audio, name="captcha-audio"),
    path("captcha/refresh/", captcha_views.captcha_refresh, name="captcha-refresh"),
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
