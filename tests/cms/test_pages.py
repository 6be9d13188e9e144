"""Plain content pages and news: German by default, English under /en/."""

from datetime import date

import pytest

from tests.cms.factories import NewsArticlePageFactory, NewsIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    news_index = NewsIndexPageFactory(parent=home_page, title="Aktuelles")
    return {
        "standard": StandardPageFactory(parent=home_page, title="Impressum"),
        "news_index": news_index,
        "news_article": NewsArticlePageFactory(
            parent=news_index, title="Online-Beteiligung gestartet", date=date(2035, 4, 1)
        ),
    }


GERMAN_TEXT = {
    "standard": ["Impressum", "Verantwortlich ist die Stadtverwaltung."],
    "news_index": ["Aktuelles", "Online-Beteiligung gestartet"],
    "news_article": ["Online-Beteiligung gestartet", "1. April 2035", "Ab heute können alle"],
}


@pytest.mark.parametrize("name", GERMAN_TEXT)
def test_page_is_served_in_german(client, pages, name):
    response = client.get(pages[name].url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    for text in GERMAN_TEXT[name]:
        assert text in html


@pytest.mark.parametrize("name", GERMAN_TEXT)
def test_page_under_en_prefix_is_english(client, pages, name):
    response = client.get(f"/en{pages[name].url}")

    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_footer_links_the_legal_pages_from_site_settings(client, home_page, pages):
    site_settings = home_page.get_site().sitesettings
    site_settings.imprint_page = pages["standard"]
    site_settings.save()

    html = client.get("/").content.decode()

    assert f'href="{pages["standard"].url}"' in html


def test_news_index_lists_newest_first_and_hides_drafts(client, pages):
    news_index = pages["news_index"]
    NewsArticlePageFactory(parent=news_index, title="Ältere Meldung", date=date(2035, 1, 10))
    NewsArticlePageFactory(parent=news_index, title="Entwurf einer Meldung", live=False)

    html = client.get(news_index.url).content.decode()

    assert html.index("Online-Beteiligung gestartet") < html.index("Ältere Meldung")
    assert "Entwurf einer Meldung" not in html


def test_news_index_pages_by_ten(client, pages):
    for day in range(1, 12):
        NewsArticlePageFactory(parent=pages["news_index"], date=date(2035, 1, day))

    first = client.get(pages["news_index"].url)
    second = client.get(pages["news_index"].url, {"seite": 2})

    assert len(first.context["articles"]) == 10
    assert len(second.context["articles"]) == 2
    assert "Seite 1 von 2" in first.content.decode()


def test_unknown_address_gives_404(client, home_page):
    assert client.get("/gibt-es-nicht/").status_code == 404
