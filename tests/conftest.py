import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from cms.models import SiteSettings
from participation.accounts import roles
from tests.home.factories import HomePageFactory
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import ConsultationPageFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded images and renditions go to a throwaway folder, not into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and Wagtail's site cache must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _german_by_default():
    """LocaleMiddleware leaves the last request's language active in the thread; page.url
    would then carry "/en/" into the next test."""
    translation.activate("de")
    yield
    translation.deactivate()


@pytest.fixture
def home_page(db):
    """A home page that is the root of the default site (localhost), as Wagtail installs it."""
    home = HomePageFactory(title="Stadtdialog Teststadt")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    SiteSettings.objects.update_or_create(site=site, defaults={"town_name": "Teststadt"})
    return home


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(parent=home_page, title="ISEK Teststadt 2035")


@pytest.fixture
def editor(db):
    return UserFactory(roles=[roles.EDITORS], verified=True)


@pytest.fixture
def planner(db):
    return UserFactory(roles=[roles.PLANNERS], verified=True)


@pytest.fixture
def citizen(db):
    return UserFactory(verified=True)


@pytest.fixture
def queries_for(client):
    """Number of SQL queries of a second GET of `url` (the first one warms renditions and
    caches, as on a running site)."""

    def measure(url: str) -> int:
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries)

    return measure


def pytest_configure(config):
    # WhiteNoise warns on every request when `collectstatic` has not run; tests don't need it.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
