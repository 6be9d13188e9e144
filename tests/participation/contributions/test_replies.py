"""Replies are shown one level deep, under the top-level comment they belong to."""

import pytest
from django.urls import reverse

from participation.contributions.models import Comment
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory
from tests.participation.contributions.helpers import html, post_comment, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(topic):
    return CommentFactory(
        target=topic, participant=ParticipantFactory(guest_name="Anna"), text="Mehr Bänke!"
    )


def test_a_reply_and_a_reply_to_a_reply_are_shown_under_the_top_level_comment(
    human_client, topic, root
):
    bernd = CommentFactory(parent=root, participant=ParticipantFactory(guest_name="Bernd"))

    post_comment(human_client, topic, "Ich stimme Anna zu.", parent=root.pk, guest_name="Clara")
    post_comment(human_client, topic, "Bernd, wo genau?", parent=bernd.pk)

    first = Comment.objects.get(text="Ich stimme Anna zu.")
    second = Comment.objects.get(text="Bernd, wo genau?")
    assert (first.parent, first.root, second.parent, second.root) == (root, root, bernd, root)
    page = html(human_client.get(topic.url))
    assert [li["id"] for li in page.select("ol.comments > li.comment")] == [f"kommentar-{root.pk}"]
    replies = page.select(f"#kommentar-{root.pk} > .comment-replies > li.comment")
    assert [li["id"] for li in replies] == [f"kommentar-{c.pk}" for c in (bernd, first, second)]
    reply_to = [li.select_one(".comment__reply-to") for li in replies]
    assert reply_to[:2] == [None, None]
    assert reply_to[2].get_text(strip=True) == "antwortet Bernd"


def test_the_reply_page_works_without_javascript(human_client, topic, root):
    response = human_client.get(reverse("contributions:comment_reply", args=[root.pk]))

    assert response.status_code == 200
    page = html(response)
    assert page.select_one("blockquote").get_text(strip=True) == "Mehr Bänke!"
    response = submit(human_client, page.select_one("form.comment-form"), text="Gern am Markt.")

    reply = Comment.objects.get(text="Gern am Markt.")
    assert (reply.parent, reply.root) == (root, root)
    assert response.url == f"{topic.url}?kommentar={root.pk}#kommentar-{reply.pk}"


def test_a_reply_to_a_paragraph_comment_stays_on_the_paragraph(human_client, concept):
    paragraph = concept.paragraphs[1]
    root = CommentFactory(target=concept, paragraph_key=paragraph.key)

    page = html(human_client.get(reverse("contributions:comment_reply", args=[root.pk])))
    submit(human_client, page.select_one("form.comment-form"), text="Zum selben Absatz.")

    reply = Comment.objects.get(text="Zum selben Absatz.")
    assert (reply.paragraph_key, reply.root) == (paragraph.key, root)
    paragraph_page = html(
        human_client.get(reverse("contributions:paragraph", args=[concept.pk, paragraph.key]))
    )
    assert paragraph_page.select_one(f"#kommentar-{root.pk} .comment-replies #kommentar-{reply.pk}")


def test_a_deleted_comment_cannot_be_answered(human_client, topic, root):
    root.deleted_at = root.created_at
    root.save()

    response = human_client.get(reverse("contributions:comment_reply", args=[root.pk]))

    assert response.status_code == 404
    assert post_comment(human_client, topic, "Antwort.", parent=root.pk).status_code == 404
