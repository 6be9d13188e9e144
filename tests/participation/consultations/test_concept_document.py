"""Concept document paragraphs: numbered like "3.2", with a key that never changes.

Comments will hang on a paragraph's key, so the key must stay attached to the same text
through edits, reordering and reloads, while the number follows the paragraph's position.
"""

import copy

import pytest
from django.utils.html import strip_tags
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from participation.consultations.models import ConceptDocumentPage
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import ConceptDocumentPageFactory, concept_body

pytestmark = pytest.mark.django_db

CHAPTERS = [
    ("Ausgangslage", ["Anlass der Fortschreibung.", "Was ein ISEK leistet."]),
    ("Bestandsanalyse", ["Die Einwohnerzahl ist stabil."]),
    (
        "Leitbild und Ziele",
        ["Eine Kreisstadt im Grünen.", "Autoarme Innenstadt.", "Wohnen für alle Lebensphasen."],
    ),
]


@pytest.fixture
def concept(consultation):
    return ConceptDocumentPageFactory(parent=consultation, body=concept_body(CHAPTERS))


def reload(page) -> ConceptDocumentPage:
    return ConceptDocumentPage.objects.get(pk=page.pk)


def keys_by_text(page) -> dict[str, str]:
    """Plain paragraph text -> key (the admin's rich text editor adds attributes to tags)."""
    return {strip_tags(str(paragraph.text)): paragraph.key for paragraph in page.paragraphs}


def numbers_by_key(page) -> dict[str, str]:
    return {paragraph.key: paragraph.number for paragraph in page.paragraphs}


def paragraph_with(page, text: str):
    return next(p for p in page.paragraphs if text in str(p.text))


def publish_body(page, raw_body: list[dict]) -> ConceptDocumentPage:
    page = page.get_latest_revision_as_object()
    page.body = raw_body
    page.save_revision().publish()
    return reload(page)


def test_paragraphs_are_numbered_by_chapter_and_position(concept):
    page = reload(concept)

    assert [p.number for p in page.paragraphs] == ["1.1", "1.2", "2.1", "3.1", "3.2", "3.3"]
    assert "Autoarme Innenstadt" in str(paragraph_with(page, "Autoarme").text)
    assert paragraph_with(page, "Autoarme").number == "3.2"


def test_chapters_are_numbered_and_hold_their_paragraphs(concept):
    page = reload(concept)

    assert [(c.number, c.title, len(c.paragraphs)) for c in page.chapters] == [
        (1, "Ausgangslage", 2),
        (2, "Bestandsanalyse", 1),
        (3, "Leitbild und Ziele", 3),
    ]
    assert {p.chapter_key for p in page.chapters[2].paragraphs} == {page.chapters[2].key}


def test_every_paragraph_has_its_own_key(concept):
    keys = [p.key for p in reload(concept).paragraphs]

    assert len(set(keys)) == len(keys) == 6
    assert "None" not in keys


def test_paragraph_lookup_by_key(concept):
    page = reload(concept)
    wanted = paragraph_with(page, "Autoarme")

    assert page.paragraph(wanted.key) == wanted
    assert page.paragraph("kein-solcher-absatz") is None


def test_keys_are_equal_across_two_fresh_loads(concept):
    assert keys_by_text(reload(concept)) == keys_by_text(reload(concept))


def test_editing_a_paragraph_and_publishing_keeps_its_key(concept):
    page = reload(concept)
    key = paragraph_with(page, "Autoarme").key
    body = copy.deepcopy(list(page.body.raw_data))
    body[2]["value"]["paragraphs"][1]["value"]["text"] = "<p>Verkehrsberuhigte Altstadt.</p>"

    page = publish_body(page, body)

    assert page.paragraph(key).number == "3.2"
    assert "Verkehrsberuhigte Altstadt" in str(page.paragraph(key).text)
    assert page.get_latest_revision().id == page.live_revision_id


def test_reordering_paragraphs_changes_numbers_but_not_keys(concept):
    page = reload(concept)
    before = keys_by_text(page)
    body = copy.deepcopy(list(page.body.raw_data))
    body[2]["value"]["paragraphs"].reverse()

    page = publish_body(page, body)

    assert keys_by_text(page) == before
    assert paragraph_with(page, "Wohnen für alle").number == "3.1"
    assert paragraph_with(page, "Kreisstadt im Grünen").number == "3.3"
    assert paragraph_with(page, "Autoarme").number == "3.2"


def test_moving_a_chapter_renumbers_its_paragraphs_but_keeps_keys(concept):
    page = reload(concept)
    before = keys_by_text(page)
    body = copy.deepcopy(list(page.body.raw_data))
    body.insert(0, body.pop(2))

    page = publish_body(page, body)

    assert keys_by_text(page) == before
    assert paragraph_with(page, "Autoarme").number == "1.2"
    assert paragraph_with(page, "Die Einwohnerzahl").number == "3.1"
    assert page.chapters[0].title == "Leitbild und Ziele"


def test_keys_are_stable_across_loads_when_the_body_was_saved_without_ids(consultation):
    # Wagtail invents a new random id on every load for list items stored without one.
    page = ConceptDocumentPageFactory(
        parent=consultation, body=concept_body(CHAPTERS, with_ids=False)
    )
    page.save_revision().publish()

    first, second = reload(page), reload(page)

    assert keys_by_text(first) == keys_by_text(second)


# --- Through the admin, as editors do it -----------------------------------------------------


def body_form_data(raw_body: list[dict]) -> dict:
    """The admin's StreamField POST data for a concept body, keeping every block id."""

    def list_item(index, item):
        value = item["value"]
        return {
            "id": item["id"],
            "order": str(index),
            "deleted": "",
            "value": {"heading": value["heading"], "text": rich_text(value["text"])},
        }

    def chapter(index, block):
        paragraphs = block["value"]["paragraphs"]
        return {
            "type": "chapter",
            "id": block["id"],
            "order": str(index),
            "deleted": "",
            "value": {
                "title": block["value"]["title"],
                "paragraphs": {
                    "count": str(len(paragraphs)),
                    **{str(i): list_item(i, item) for i, item in enumerate(paragraphs)},
                },
            },
        }

    return {"count": str(len(raw_body)), **{str(i): chapter(i, b) for i, b in enumerate(raw_body)}}


def test_editing_and_reordering_in_the_admin_keeps_keys(client, concept):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = reload(concept)
    before = keys_by_text(page)
    key = paragraph_with(page, "Autoarme").key
    body = copy.deepcopy(list(page.body.raw_data))
    body[2]["value"]["paragraphs"][1]["value"]["text"] = "<p>Verkehrsberuhigte Altstadt.</p>"
    body[2]["value"]["paragraphs"].reverse()
    body.insert(0, body.pop(2))

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": page.intro,
                "body": body_form_data(body),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )

    assert response.status_code == 302
    page = reload(concept)
    assert page.paragraph(key).number == "1.2"
    assert "Verkehrsberuhigte Altstadt" in str(page.paragraph(key).text)
    unchanged = {text: k for text, k in before.items() if "Autoarme" not in text}
    assert unchanged.items() <= keys_by_text(page).items()
