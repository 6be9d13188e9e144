"""The start page of a site: German by default, its own content per site, bounded queries."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from cms.models import SiteSettings
from tests.cms.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    StandardPageFactory,
)
from tests.home.factories import HomePageFactory
from tests.participation.consultations.factories import ConsultationPageFactory

pytestmark = pytest.mark.django_db

MAX_HOME_PAGE_QUERIES = 30


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def test_home_page_is_served_in_german_at_the_root(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Stadtdialog Teststadt" in html
    assert "Willkommen beim Stadtdialog" in html
    assert "Zum Inhalt springen" in html


def test_home_page_under_en_prefix_is_english(client, home_page):
    response = client.get("/en/")

    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_home_page_shows_open_upcoming_and_closed_consultations(client, home_page):
    ConsultationPageFactory(parent=home_page, title="Radverkehr jetzt")
    ConsultationPageFactory(
        parent=home_page,
        title="Spielplätze bald",
        phases=[{"start": days(10), "end": days(40)}],
    )
    ConsultationPageFactory(
        parent=home_page,
        title="Friedhof beendet",
        phases=[{"start": days(-90), "end": days(-30)}],
    )

    html = client.get("/").content.decode()

    assert "Jetzt mitmachen" in html
    assert html.index("Radverkehr jetzt") < html.index("Demnächst") < html.index("Spielplätze")
    assert html.index("Abgeschlossene Beteiligungen") < html.index("Friedhof beendet")
    assert "Zurzeit läuft keine Beteiligung" not in html


def test_home_page_says_when_nothing_is_open(client, home_page):
    html = client.get("/").content.decode()

    assert "Zurzeit läuft keine Beteiligung." in html


def test_home_page_hides_unpublished_consultations(client, home_page):
    ConsultationPageFactory(parent=home_page, title="Geheimer Entwurf", live=False)

    assert "Geheimer Entwurf" not in client.get("/").content.decode()


def test_home_page_shows_the_three_latest_news(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    for age in range(4):
        NewsArticlePageFactory(parent=news_index, title=f"Meldung vor {age} Tagen", date=days(-age))

    html = client.get("/").content.decode()

    assert "Meldung vor 0 Tagen" in html
    assert "Meldung vor 2 Tagen" in html
    assert "Meldung vor 3 Tagen" not in html


def test_each_site_shows_its_own_home_page_and_town(client, home_page):
    SiteSettings.objects.filter(site__root_page=home_page).update(town_name="Haldensleben")
    other_home = HomePageFactory(title="Beteiligung Ohrekreis")
    other_site = Site.objects.create(hostname="ohrekreis.example", port=80, root_page=other_home)
    SiteSettings.objects.create(site=other_site, town_name="Landkreis Börde")

    first = client.get("/", HTTP_HOST="localhost").content.decode()
    second = client.get("/", HTTP_HOST="ohrekreis.example").content.decode()

    assert "Stadtdialog Teststadt" in first and "Haldensleben" in first
    assert "Beteiligung Ohrekreis" not in first and "Landkreis Börde" not in first
    assert "Beteiligung Ohrekreis" in second and "Landkreis Börde" in second
    assert "Stadtdialog Teststadt" not in second and "Haldensleben" not in second


def add_consultations(home_page, count: int) -> None:
    for _ in range(count):
        ConsultationPageFactory(parent=home_page, image=ImageFactory())


def test_home_page_queries_do_not_grow_with_the_number_of_consultations(home_page, queries_for):
    add_consultations(home_page, 1)
    with_one = queries_for("/")

    add_consultations(home_page, 9)
    with_ten = queries_for("/")

    assert with_ten == with_one, f"1 consultation: {with_one} queries, 10: {with_ten}"


def test_home_page_needs_few_queries(client, home_page, django_assert_max_num_queries):
    add_consultations(home_page, 10)
    client.get("/")

    with django_assert_max_num_queries(MAX_HOME_PAGE_QUERIES):
        assert client.get("/").status_code == 200


def test_home_page_points_to_the_easy_language_page(client, home_page):
    response = client.get("/")
    assert "Leichte Sprache" not in response.content.decode().split("<footer")[0]

    easy = StandardPageFactory(parent=home_page, title="Leichte Sprache", slug="leichte-sprache")
    SiteSettings.objects.filter(site__is_default_site=True).update(easy_language_page=easy)
    main = client.get("/").content.decode().split("<main")[1].split("</main>")[0]
    assert '<a href="/leichte-sprache/">Leichte Sprache</a>' in main
