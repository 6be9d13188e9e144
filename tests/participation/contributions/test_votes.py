"""Up and down votes on comments, support for topics and threads, and resubmitted forms."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from participation.contributions.models import Comment, Participant, Status, Vote
from tests.participation.contributions.factories import CommentFactory, ThreadFactory
from tests.participation.contributions.helpers import form_data, html, post_comment, submit

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}


def vote(client, comment, value, **kwargs):
    url = reverse("contributions:comment_vote", args=[comment.pk])
    return client.post(url, {"value": value}, **kwargs)


def shown_votes(client, page_url, comment) -> tuple[str, str, str]:
    """(up count, down count, which button is pressed) as the page shows them."""
    form = html(client.get(page_url)).select_one(f"#kommentar-{comment.pk} .vote-form")
    up, down = form.select_one(".vote-button--up"), form.select_one(".vote-button--down")
    pressed = (
        "up" if up["aria-pressed"] == "true" else "down" if down["aria-pressed"] == "true" else ""
    )
    return (
        up.select_one(".vote-count").get_text(),
        down.select_one(".vote-count").get_text(),
        pressed,
    )


def rows(comment) -> list[int]:
    return list(Vote.objects.filter(object_id=comment.pk).values_list("value", flat=True))


def test_vote_up_change_to_down_and_withdraw(human_client, topic):
    comment = CommentFactory(target=topic)

    response = vote(human_client, comment, "1")
    assert response.status_code == 302
    assert response.url == f"{topic.url}#kommentar-{comment.pk}"
    assert rows(comment) == [1]
    assert shown_votes(human_client, topic.url, comment) == ("1", "0", "up")

    vote(human_client, comment, "-1")
    assert rows(comment) == [-1]
    assert shown_votes(human_client, topic.url, comment) == ("0", "1", "down")

    vote(human_client, comment, "0")
    assert rows(comment) == []
    assert shown_votes(human_client, topic.url, comment) == ("0", "0", "")


def test_a_vote_never_redirects_to_another_site(human_client, topic):
    comment = CommentFactory(target=topic)
    url = reverse("contributions:comment_vote", args=[comment.pk])

    response = human_client.post(url, {"value": "1", "next": "https://evil.example/"})

    assert response.url == f"{topic.url}#kommentar-{comment.pk}"


def test_the_vote_buttons_work_without_javascript(human_client, topic):
    comment = CommentFactory(target=topic)
    form = html(human_client.get(topic.url)).select_one(f"#kommentar-{comment.pk} .vote-form")

    submit(human_client, form, value=form.select_one(".vote-button--down")["value"])

    assert rows(comment) == [-1]


def test_votes_answer_with_json_when_asked(human_client, topic):
    comment = CommentFactory(target=topic)

    response = vote(human_client, comment, "1", headers=JSON)

    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "up": 1,
        "down": 0,
        "mine": 1,
        "message": "Ihre Zustimmung wurde gezählt.",
    }


def test_nobody_votes_on_their_own_comment(human_client, topic):
    post_comment(human_client, topic)
    own = Comment.objects.get()
    assert not html(human_client.get(topic.url)).select(".vote-form")

    response = vote(human_client, own, "1", headers=JSON)

    assert response.status_code == 403
    assert response.json()["message"] == "Über eigene Beiträge können Sie nicht abstimmen."
    assert rows(own) == []


def test_no_votes_on_a_pending_comment(human_client, topic):
    pending = CommentFactory(target=topic, status=Status.PENDING)

    assert vote(human_client, pending, "1", headers=JSON).status_code == 403
    assert rows(pending) == []


def test_an_invalid_vote_value_is_not_found(human_client, topic):
    comment = CommentFactory(target=topic)

    assert vote(human_client, comment, "5").status_code == 404
    assert rows(comment) == []


def support_url(obj):
    kind = "thema" if hasattr(obj, "forum_id") else "seite"
    return reverse("contributions:support", args=[kind, obj.pk])


def shown_support(client, url) -> tuple[str, str]:
    button = html(client.get(url)).select_one(".support__button")
    return button.select_one(".support__count").get_text(), button["aria-pressed"]


def test_support_a_topic_and_take_it_back(human_client, topic):
    assert human_client.post(support_url(topic), {"value": "1"}).url == f"{topic.url}#unterstuetzen"
    assert shown_support(human_client, topic.url) == ("1", "true")

    human_client.post(support_url(topic), {"value": "0"})

    assert shown_support(human_client, topic.url) == ("0", "false")
    assert not Vote.objects.exists()


def test_support_a_thread_and_take_it_back(human_client, forum):
    thread = ThreadFactory(forum=forum)
    thread_url = reverse("contributions:thread", args=[forum.pk, thread.pk])

    response = human_client.post(support_url(thread), {"value": "1"}, headers=JSON)
    assert response.json()["count"] == 1 and response.json()["mine"] is True
    assert shown_support(human_client, thread_url) == ("1", "true")

    response = human_client.post(support_url(thread), {"value": "0"}, headers=JSON)
    assert response.json()["count"] == 0 and response.json()["mine"] is False
    assert shown_support(human_client, thread_url) == ("0", "false")


def test_a_comment_page_cannot_be_supported(human_client, news):
    assert human_client.post(support_url(news), {"value": "1"}).status_code == 404


def test_an_anonymous_first_vote_asks_for_the_captcha_first(client, topic):
    comment = CommentFactory(target=topic)

    response = vote(client, comment, "1")

    assert response.status_code == 302
    confirm = urlsplit(response.url)
    assert confirm.path == "/beteiligung/sicherheitsabfrage/"
    assert parse_qs(confirm.query)["next"] == [topic.url]
    assert not Vote.objects.exists()
    assert list(Participant.objects.all()) == [comment.participant]
    assert vote(client, comment, "1", headers=JSON).json()["redirect"] == response.url

    page = html(client.get(response.url))
    assert page.find("input", attrs={"name": "captcha_1"})
    answer = submit(client, page.select_one("main form"), response.url, captcha_1="falsch")
    assert answer.status_code == 400
    answer = submit(client, html(answer).select_one("main form"), response.url, captcha_1="PASSED")
    assert answer.status_code == 302 and answer.url == topic.url

    assert vote(client, comment, "1").status_code == 302
    assert rows(comment) == [1]


def test_a_form_sent_twice_stores_one_comment(human_client, topic):
    data = form_data("Doppelt geklickt.")

    first = human_client.post(
        reverse("contributions:comment_create", args=["seite", topic.pk]), data
    )
    second = human_client.post(
        reverse("contributions:comment_create", args=["seite", topic.pk]), data
    )

    assert Comment.objects.count() == 1
    assert first.url == second.url


def test_the_same_text_again_with_a_new_form_stores_one_comment(human_client, topic):
    post_comment(human_client, topic, "Noch einmal abgeschickt.")
    post_comment(human_client, topic, "Noch einmal abgeschickt.")

    assert Comment.objects.count() == 1


def test_a_comment_sent_by_script_is_answered_with_json(human_client, topic):
    url = reverse("contributions:comment_create", args=["seite", topic.pk])

    refused = human_client.post(url, form_data("x"), headers=JSON)
    stored = human_client.post(url, form_data("Per Skript gesendet."), headers=JSON)

    assert refused.status_code == 400
    assert refused.json()["ok"] is False
    assert "Der Text ist zu kurz" in refused.json()["html"]
    comment = Comment.objects.get()
    assert stored.json()["ok"] is True
    assert stored.json()["url"] == f"{topic.url}?kommentar={comment.pk}#kommentar-{comment.pk}"


def test_a_vote_runs_a_fixed_small_number_of_queries(
    human_client, topic, django_assert_max_num_queries
):
    """The hottest write path: comment with its consultation, phases, participant, the vote
    and the counts (plus the session where it is kept in the database)."""
    comment = CommentFactory(target=topic)
    vote(human_client, CommentFactory(target=topic), "1", headers=JSON)  # participant exists

    with django_assert_max_num_queries(6):
        assert vote(human_client, comment, "1", headers=JSON).status_code == 200
