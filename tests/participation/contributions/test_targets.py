"""What can be commented on, and that a tampered target stores nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.contributions.models import Comment, Participant, Status
from tests.cms.factories import StandardPageFactory
from tests.participation.consultations.factories import ForumPageFactory, TopicPageFactory
from tests.participation.contributions.factories import CommentFactory, ThreadFactory
from tests.participation.contributions.helpers import (
    comment_texts,
    comment_url,
    form_data,
    html,
    post_comment,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("target", ["consultation", "topic", "concept", "news"])
def test_a_comment_on_a_page_is_shown_on_that_page(human_client, request, target):
    page = request.getfixturevalue(target)

    response = post_comment(human_client, page, "Guter Vorschlag für alle.")

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.object_id, comment.paragraph_key) == (page.pk, "")
    assert comment_texts(human_client.get(page.url)) == ["Guter Vorschlag für alle."]


def test_a_comment_belongs_to_the_consultation_of_its_page(human_client, consultation, topic, news):
    post_comment(human_client, topic, "Zum Themenfeld.")
    post_comment(human_client, news, "Zur Nachricht.")

    assert Comment.objects.get(text="Zum Themenfeld.").consultation == consultation
    assert Comment.objects.get(text="Zur Nachricht.").consultation is None


def test_a_paragraph_comment_is_listed_on_its_paragraph_page_and_counted_on_the_concept(
    human_client, concept
):
    paragraph = concept.paragraphs[3]

    response = post_comment(
        human_client, concept, "Autoarm, aber mit Parkhaus.", paragraph_key=paragraph.key
    )

    paragraph_url = reverse("contributions:paragraph", args=[concept.pk, paragraph.key])
    assert response.url.startswith(paragraph_url)
    assert Comment.objects.get().paragraph_key == paragraph.key
    assert comment_texts(human_client.get(paragraph_url)) == ["Autoarm, aber mit Parkhaus."]
    concept_page = html(human_client.get(concept.url))
    counts = {
        p.key: concept_page.select_one(f"#absatz-{p.key} .paragraph-discuss__count").get_text()
        for p in concept.paragraphs
    }
    assert counts.pop(paragraph.key) == "(1 Kommentar)"
    assert set(counts.values()) == {"(0 Kommentare)"}
    # The comment belongs to the paragraph, not to the discussion of the whole document.
    assert not concept_page.select(".comment__text")


def test_a_comment_on_a_forum_thread_is_shown_on_the_thread_page(human_client, forum):
    thread = ThreadFactory(forum=forum)

    assert post_comment(human_client, thread, "Ich bin dabei.").status_code == 302

    thread_page = human_client.get(reverse("contributions:thread", args=[forum.pk, thread.pk]))
    assert comment_texts(thread_page) == ["Ich bin dabei."]
    assert comment_texts(human_client.get(forum.url)) == []


def tampered_posts(consultation, topic, concept):
    """(url, form data) pairs a browser of ours would never send."""
    other_topic = TopicPageFactory(parent=consultation)
    standard = StandardPageFactory(parent=consultation.get_parent())
    draft = TopicPageFactory(parent=consultation, live=False)
    foreign_parent = CommentFactory(target=other_topic)
    forum = ForumPageFactory(parent=consultation)
    url = reverse("contributions:comment_create", args=["seite", topic.pk])
    return {
        "unknown page": (reverse("contributions:comment_create", args=["seite", 999999]), {}),
        "standard page": (reverse("contributions:comment_create", args=["seite", standard.pk]), {}),
        "draft page": (reverse("contributions:comment_create", args=["seite", draft.pk]), {}),
        "unknown kind": (reverse("contributions:comment_create", args=["profil", topic.pk]), {}),
        "unknown thread": (reverse("contributions:comment_create", args=["thema", 999999]), {}),
        "pending thread": (comment_url(ThreadFactory(forum=forum, status=Status.PENDING)), {}),
        "hidden thread": (comment_url(ThreadFactory(forum=forum, status=Status.HIDDEN)), {}),
        "deleted thread": (comment_url(ThreadFactory(forum=forum, deleted_at=timezone.now())), {}),
        "unknown paragraph": (
            reverse("contributions:comment_create", args=["seite", concept.pk]),
            {"paragraph_key": "gibt-es-nicht"},
        ),
        "paragraph key on a topic": (url, {"paragraph_key": concept.paragraphs[0].key}),
        "parent from another page": (url, {"parent": foreign_parent.pk}),
        "parent not a number": (url, {"parent": "1 OR 1=1"}),
        "parent from the whole document": (
            reverse("contributions:comment_create", args=["seite", concept.pk]),
            {
                "paragraph_key": concept.paragraphs[0].key,
                "parent": CommentFactory(target=concept).pk,
            },
        ),
    }


TAMPERINGS = [
    "unknown page",
    "standard page",
    "draft page",
    "unknown kind",
    "unknown thread",
    "pending thread",
    "hidden thread",
    "deleted thread",
    "unknown paragraph",
    "paragraph key on a topic",
    "parent from another page",
    "parent not a number",
    "parent from the whole document",
]


@pytest.mark.parametrize("tampering", TAMPERINGS)
def test_a_tampered_target_is_not_found_and_nothing_is_stored(
    human_client, consultation, topic, concept, tampering
):
    url, extra = tampered_posts(consultation, topic, concept)[tampering]
    comments, participants = Comment.objects.count(), Participant.objects.count()

    response = human_client.post(url, form_data("Ein Versuch.", **extra))

    assert response.status_code == 404
    assert (Comment.objects.count(), Participant.objects.count()) == (comments, participants)
