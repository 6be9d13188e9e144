"""The public pages of a consultation: German by default, English under /en/, bounded queries."""

from datetime import date

import pytest
from freezegun import freeze_time

from tests.cms.factories import ImageFactory
from tests.participation.consultations.factories import (
    ConceptDocumentPageFactory,
    ConsultationPageFactory,
    ForumPageFactory,
    TopicPageFactory,
    concept_body,
)

pytestmark = pytest.mark.django_db

MAX_CONSULTATION_PAGE_QUERIES = 30


@pytest.fixture
def pages(consultation):
    return {
        "consultation": consultation,
        "topic": TopicPageFactory(
            parent=consultation,
            title="Wohnen und Stadtumbau",
            key_figures=[{"type": "figure", "value": {"value": "7,2 %", "label": "Leerstand"}}],
        ),
        "concept": ConceptDocumentPageFactory(
            parent=consultation,
            title="Entwurf ISEK",
            body=concept_body(
                [
                    ("Ausgangslage", ["Anlass."]),
                    ("Bestand", ["Bevölkerung."]),
                    ("Leitbild", ["Grüne Stadt.", "Autoarme Innenstadt."]),
                ]
            ),
        ),
        "forum": ForumPageFactory(
            parent=consultation,
            title="Forum Digitalisierung",
            impulse_topics=["Arbeiten 4.0", "Smart Mobility"],
        ),
    }


GERMAN_TEXT = {
    "consultation": ["ISEK Teststadt 2035", "Ablauf", "Online-Beteiligung"],
    "topic": ["Wohnen und Stadtumbau", "Themenfeld", "Baulücken sollen vorrangig genutzt werden"],
    "concept": ["Entwurf ISEK", "Inhaltsverzeichnis", "Autoarme Innenstadt"],
    "forum": ["Forum Digitalisierung", "Impulsthemen", "Arbeiten 4.0"],
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


def test_consultation_page_lists_its_topics_concept_and_forum(client, pages):
    TopicPageFactory(parent=pages["consultation"], title="Unveröffentlicht", live=False)

    html = client.get(pages["consultation"].url).content.decode()

    assert "Wohnen und Stadtumbau" in html
    assert pages["topic"].url in html
    assert pages["concept"].url in html
    assert "Arbeiten 4.0, Smart Mobility" in html
    assert "Unveröffentlicht" not in html


def test_consultation_page_marks_the_current_phase(client, home_page):
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[
            {"name": "Information", "start": date(2035, 3, 1), "end": date(2035, 3, 31)},
            {"name": "Online-Beteiligung", "start": date(2035, 4, 1), "end": date(2035, 4, 30)},
        ],
    )

    with freeze_time("2035-04-10 12:00"):
        html = client.get(consultation.url).content.decode()

    assert 'aria-current="step"' in html
    current = html.index('aria-current="step"')
    assert html.index("Information") < current < html.index("Online-Beteiligung", current)


def test_consultation_page_between_phases_names_the_next_one(client, home_page):
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[
            {"name": "Information", "start": date(2035, 3, 1), "end": date(2035, 3, 31)},
            {"name": "Auswertung", "start": date(2035, 5, 1), "end": date(2035, 5, 31)},
        ],
    )

    with freeze_time("2035-04-10 12:00"):
        html = client.get(consultation.url).content.decode()

    assert "Zwischen zwei Phasen" in html
    assert 'aria-current="step"' not in html


def test_topic_page_shows_key_figures_and_links_back_to_its_consultation(client, pages):
    html = client.get(pages["topic"].url).content.decode()

    assert "7,2 %" in html
    assert f'href="{pages["consultation"].url}"' in html


def test_concept_page_shows_paragraph_numbers_and_anchors(client, pages):
    concept = pages["concept"]
    last = concept.paragraphs[-1]

    html = client.get(concept.url).content.decode()

    assert last.number == "3.2"
    key = last.key
    assert f'id="absatz-{key}"' in html
    assert "Link zu Absatz 3.2" in html


def add_topics(consultation, count: int) -> None:
    for _ in range(count):
        TopicPageFactory(parent=consultation, image=ImageFactory())


def test_consultation_page_queries_do_not_grow_with_the_number_of_topics(consultation, queries_for):
    ConceptDocumentPageFactory(parent=consultation)
    ForumPageFactory(parent=consultation, impulse_topics=["Arbeiten 4.0"])
    add_topics(consultation, 2)
    with_two = queries_for(consultation.url)

    add_topics(consultation, 18)
    with_twenty = queries_for(consultation.url)

    assert with_twenty == with_two, f"2 topics: {with_two} queries, 20: {with_twenty}"


def test_consultation_page_needs_few_queries(client, consultation, django_assert_max_num_queries):
    add_topics(consultation, 20)
    client.get(consultation.url)

    with django_assert_max_num_queries(MAX_CONSULTATION_PAGE_QUERIES):
        assert client.get(consultation.url).status_code == 200
