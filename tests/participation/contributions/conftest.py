import pytest

from participation.contributions.services import SESSION_HUMAN_KEY
from tests.cms.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.participation.consultations.factories import (
    ConceptDocumentPageFactory,
    ForumPageFactory,
    TopicPageFactory,
    concept_body,
)

# Three chapters with 2, 3 and 1 paragraphs, like the ISEK draft in the demo seed.
CHAPTERS = [
    ("Ausgangslage", ["Der Stadtrat hat die Fortschreibung beschlossen.", "Was ein ISEK leistet."]),
    (
        "Leitbild",
        ["Eine Kreisstadt im Grünen.", "Autoarme Innenstadt.", "Wohnen für alle Lebensphasen."],
    ),
    ("Mobilität", ["Ein Stadtbus im Halbstundentakt."]),
]


@pytest.fixture
def topic(consultation):
    return TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")


@pytest.fixture
def concept(consultation):
    return ConceptDocumentPageFactory(parent=consultation, body=concept_body(CHAPTERS))


@pytest.fixture
def forum(consultation):
    return ForumPageFactory(
        parent=consultation,
        title="Forum Digitales Land",
        impulse_topics=["Arbeiten 4.0", "Geodaten im ländlichen Raum", "Smart Mobility"],
    )


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    return NewsArticlePageFactory(parent=index, title="Die Online-Beteiligung beginnt")


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client


@pytest.fixture
def human_client(client):
    """An anonymous visitor who has already passed the captcha in this session."""
    session = client.session
    session[SESSION_HUMAN_KEY] = True
    session.save()
    return client
