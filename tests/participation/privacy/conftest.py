import pytest

from tests.cms.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.participation.consultations.factories import (
    ConceptDocumentPageFactory,
    ForumPageFactory,
    TopicPageFactory,
    concept_body,
)


@pytest.fixture
def topic(consultation):
    return TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")


@pytest.fixture
def concept(consultation):
    return ConceptDocumentPageFactory(
        parent=consultation,
        title="Konzeptentwurf",
        body=concept_body(
            [
                ("Ausgangslage", ["Der Stadtrat hat die Fortschreibung beschlossen."]),
                ("Leitbild", ["Eine Kreisstadt im Grünen.", "Autoarme Innenstadt."]),
            ]
        ),
    )


@pytest.fixture
def forum(consultation):
    return ForumPageFactory(
        parent=consultation, title="Forum Digitales Land", impulse_topics=["Smart Mobility"]
    )


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    return NewsArticlePageFactory(parent=index, title="Die Online-Beteiligung beginnt")


@pytest.fixture
def database_sessions(settings):
    """Sessions in the database, searchable whatever REDIS_URL configures. Request it first,
    so every client of the test logs in with this engine."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
