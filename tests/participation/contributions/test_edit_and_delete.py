"""Authors edit and delete their own comments; nobody else can."""

import pytest
from django.urls import reverse

from participation.contributions.models import Comment
from tests.participation.contributions.factories import CommentFactory
from tests.participation.contributions.helpers import comment_texts, html, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_comment(human_client, topic):
    post_comment(human_client, topic, "Erste Fassung meines Kommentars.")
    return Comment.objects.get()


def edit_url(comment):
    return reverse("contributions:edit", args=["kommentar", comment.pk])


def delete_url(comment):
    return reverse("contributions:delete", args=["kommentar", comment.pk])


def test_the_author_edits_a_comment_and_it_is_marked_as_edited(human_client, topic, own_comment):
    assert html(human_client.get(topic.url)).select_one(".comment__edited") is None

    response = human_client.post(edit_url(own_comment), {"text": "Zweite, bessere Fassung."})

    assert response.status_code == 302
    page = human_client.get(topic.url)
    assert comment_texts(page) == ["Zweite, bessere Fassung."]
    assert "bearbeitet am" in html(page).select_one(".comment__edited").get_text()


def test_an_edit_keeps_the_text_rules(human_client, own_comment):
    response = human_client.post(edit_url(own_comment), {"text": " "})

    assert response.status_code == 400
    assert "Bitte schreiben Sie einen Text." in response.content.decode()
    own_comment.refresh_from_db()
    assert (own_comment.text, own_comment.edited_at) == ("Erste Fassung meines Kommentars.", None)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url", [edit_url, delete_url])
def test_another_participant_cannot_edit_or_delete(human_client, topic, own_comment, url, method):
    someone_else = CommentFactory(target=topic, text="Nicht meiner.")

    response = getattr(human_client, method)(url(someone_else), {"text": "Übernommen!"})

    assert response.status_code == 404
    someone_else.refresh_from_db()
    assert (someone_else.text, someone_else.deleted_at) == ("Nicht meiner.", None)


def test_a_visitor_without_contributions_cannot_edit(client, topic):
    comment = CommentFactory(target=topic)

    assert client.get(edit_url(comment)).status_code == 404


def test_deleting_a_comment_with_replies_leaves_a_notice_and_the_replies(
    human_client, topic, own_comment
):
    CommentFactory(parent=own_comment, text="Eine Antwort darauf.")

    assert human_client.post(delete_url(own_comment)).status_code == 302

    page = human_client.get(topic.url)
    notice = html(page).select_one(f"#kommentar-{own_comment.pk} .comment__notice").get_text()
    assert "vom Verfasser gelöscht" in notice
    assert comment_texts(page) == ["Eine Antwort darauf."]
    own_comment.refresh_from_db()
    assert own_comment.text == "" and own_comment.deleted_at is not None


def test_deleting_a_comment_without_replies_removes_it_from_the_list(
    human_client, topic, own_comment
):
    human_client.post(delete_url(own_comment))

    page = html(human_client.get(topic.url))
    assert page.select_one(f"#kommentar-{own_comment.pk}") is None
    assert "Erste Fassung" not in str(page)
    own_comment.refresh_from_db()
    assert own_comment.text == ""


def test_asking_to_delete_deletes_nothing(human_client, own_comment):
    assert human_client.get(delete_url(own_comment)).status_code == 200

    own_comment.refresh_from_db()
    assert own_comment.deleted_at is None


def test_a_deleted_comment_cannot_be_edited(human_client, own_comment):
    human_client.post(delete_url(own_comment))

    assert human_client.post(edit_url(own_comment), {"text": "Wieder da!"}).status_code == 404
    own_comment.refresh_from_db()
    assert own_comment.text == ""
