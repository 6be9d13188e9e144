"""The moderation queue in the admin: one list, filters, sorting, bulk actions, item page,
menu count, digest; and a bounded number of queries with 10,000 items."""

import io
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from participation.contributions.models import Comment, ModerationReason, Report, Status
from participation.contributions.targets import content_type_of
from participation.moderation import services
from participation.moderation.models import Action, ModerationCategory, ModerationLogEntry
from participation.surveys.models import Answer, QuoteStatus, Response
from tests.participation.accounts.factories import UserFactory
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    ThreadFactory,
)
from tests.participation.contributions.helpers import html
from tests.participation.surveys.factories import SurveyPageFactory

pytestmark = pytest.mark.django_db
QUEUE = reverse("moderation:queue")


def text_answer(survey, text: str, status: str = QuoteStatus.PENDING) -> Answer:
    response = Response.objects.create(survey=survey, participant=ParticipantFactory())
    return Answer.objects.create(
        response=response, survey=survey, question_key="wunsch", text=text, quote_status=status
    )


def listed(response) -> list[str]:
    return [
        row.find_all("td")[1].a.get_text(" ", strip=True)
        for row in html(response).select("tbody tr")
    ]


def report(item, n: int = 1) -> None:
    for _ in range(n):
        Report.objects.create(participant=ParticipantFactory(), target=item, reason="spam")


@pytest.fixture
def items(consultation, topic, forum):
    survey = SurveyPageFactory(parent=consultation, title="Umfrage Innenstadt")
    old = CommentFactory(target=topic, status=Status.PENDING, text="Alter wartender Kommentar")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=5))
    return {
        "old": old,
        "new": CommentFactory(
            target=topic, status=Status.PENDING, text="Neuer wartender Kommentar"
        ),
        "published": CommentFactory(target=topic, text="Veröffentlichter Kommentar"),
        "reported": CommentFactory(target=topic, text="Gemeldeter Kommentar"),
        "thread": ThreadFactory(forum=forum, status=Status.PENDING, title="Wartendes Thema"),
        "answer": text_answer(survey, "Mehr Bäume am Markt"),
        "approved": text_answer(survey, "Schon freigegeben", QuoteStatus.APPROVED),
    }


def test_the_queue_lists_waiting_items_of_every_kind_most_reported_first(moderator_client, items):
    report(items["reported"], 2)

    rows = listed(moderator_client.get(QUEUE))

    assert rows[0] == "Gemeldeter Kommentar"
    assert rows[1] == "Alter wartender Kommentar"  # then the oldest
    assert set(rows) == {
        "Gemeldeter Kommentar",
        "Alter wartender Kommentar",
        "Neuer wartender Kommentar",
        "Wartendes Thema : Wie kommen wir ohne Auto zur Arbeit?",
        "Mehr Bäume am Markt",
    }


@pytest.mark.parametrize(
    "query,expected",
    [
        (
            {"status": "published"},
            {"Veröffentlichter Kommentar", "Gemeldeter Kommentar", "Schon freigegeben"},
        ),
        ({"status": "", "kind": "antwort"}, {"Mehr Bäume am Markt", "Schon freigegeben"}),
        ({"reported": "on"}, {"Gemeldeter Kommentar"}),
        (
            {"sort": "neueste", "kind": "kommentar"},
            ["Gemeldeter Kommentar", "Neuer wartender Kommentar", "Alter wartender Kommentar"],
        ),
    ],
)
def test_filters(moderator_client, items, query, expected):
    report(items["reported"])
    rows = listed(moderator_client.get(QUEUE, {"status": "waiting", **query}))
    assert (rows if isinstance(expected, list) else set(rows)) == expected


def test_filter_by_category_consultation_and_date(moderator_client, moderator, items, home_page):
    from tests.participation.consultations.factories import ConsultationPageFactory

    category = ModerationCategory.objects.create(
        consultation=items["old"].consultation, name="Radverkehr"
    )
    services.item_set_categories(item=items["new"], categories=[category], moderator=moderator)
    other = ConsultationPageFactory(parent=home_page, title="Anderes Verfahren")

    assert listed(moderator_client.get(QUEUE, {"category": category.pk})) == [
        "Neuer wartender Kommentar"
    ]
    assert listed(moderator_client.get(QUEUE, {"consultation": other.pk})) == []
    assert (
        len(listed(moderator_client.get(QUEUE, {"consultation": items["old"].consultation_id})))
        == 4
    )
    since = (timezone.now() - timedelta(days=1)).date().isoformat()
    assert "Alter wartender Kommentar" not in listed(
        moderator_client.get(QUEUE, {"date_from": since})
    )


def test_bulk_approve_and_categorise(moderator_client, items, consultation):
    category = ModerationCategory.objects.create(consultation=consultation, name="Innenstadt")
    chosen = [
        f"kommentar:{items['old'].pk}",
        f"kommentar:{items['new'].pk}",
        f"antwort:{items['answer'].pk}",
    ]

    moderator_client.post(reverse("moderation:bulk"), {"items": chosen, "action": "approve"})
    response = moderator_client.post(
        reverse("moderation:bulk"),
        {"items": chosen, "action": "categorise", "categories": [category.pk]},
    )

    assert response.status_code == 302
    for key in ("old", "new"):
        items[key].refresh_from_db()
        assert items[key].status == Status.PUBLISHED
        assert list(items[key].categories.all()) == [category]
    items["answer"].refresh_from_db()
    assert items["answer"].quote_status == QuoteStatus.APPROVED
    assert list(items["answer"].categories.all()) == [category]


def test_bulk_items_are_loaded_in_one_query_per_kind(items, django_assert_num_queries):
    from participation.moderation import selectors

    keys = [
        ("kommentar", items["old"].pk),
        ("thema", items["thread"].pk),
        ("kommentar", 0),  # gone: left out
        ("antwort", items["answer"].pk),
        ("kommentar", items["new"].pk),
    ]
    with django_assert_num_queries(3):
        loaded = selectors.items_get(keys)
        assert loaded[1].forum == items["thread"].forum  # loaded with the item
        assert loaded[2].survey.pk == items["answer"].survey_id

    assert loaded == [items["old"], items["thread"], items["answer"], items["new"]]


def test_bulk_hide_needs_a_reason(moderator_client, items):
    moderator_client.post(
        reverse("moderation:bulk"),
        {"items": [f"kommentar:{items['published'].pk}"], "action": "hide"},
    )
    items["published"].refresh_from_db()
    assert items["published"].status == Status.PUBLISHED


def test_the_item_page_shows_text_reports_history_and_takes_decisions(
    moderator_client, moderator, items
):
    comment = items["reported"]
    Report.objects.create(
        participant=ParticipantFactory(), target=comment, reason="insult", text="Ton geht gar nicht"
    )
    services.item_add_note(item=comment, moderator=moderator, note="Im Blick behalten.")
    url = reverse("moderation:item", args=["kommentar", comment.pk])

    page = html(moderator_client.get(url)).get_text()
    assert "Gemeldeter Kommentar" in page
    assert "Ton geht gar nicht" in page
    assert "Im Blick behalten." in page

    action = reverse("moderation:item_action", args=["kommentar", comment.pk, "hide"])
    moderator_client.post(action, {"reason": ModerationReason.INSULT, "note": "Beleidigung."})
    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN
    page = html(moderator_client.get(url)).get_text()
    assert "Meldungen bestätigt, ausgeblendet" in page
    assert "bestätigt" in page


def test_item_page_official_response_and_categories(moderator_client, items, consultation):
    comment = items["published"]
    cycling, parking = (
        ModerationCategory.objects.create(consultation=consultation, name=name)
        for name in ("Radverkehr", "Parken")
    )
    base = ("kommentar", comment.pk)
    moderator_client.post(
        reverse("moderation:item_action", args=[*base, "official_response"]),
        {"text": "Danke, wir prüfen das."},
    )
    moderator_client.post(
        reverse("moderation:item_action", args=[*base, "categories"]),
        {"categories": [cycling.pk, parking.pk]},
    )
    assert Comment.objects.get(is_official=True).text == "Danke, wir prüfen das."
    assert set(comment.categories.all()) == {cycling, parking}


def test_an_answer_cannot_be_hidden(moderator_client, items):
    answer = items["answer"]
    response = moderator_client.post(
        reverse("moderation:item_action", args=["antwort", answer.pk, "hide"]), {"reason": "spam"}
    )
    assert response.status_code == 302
    assert not ModerationLogEntry.objects.exists()


def test_quote_approval_of_a_text_answer(moderator_client, items, moderator):
    answer = items["answer"]
    moderator_client.post(reverse("moderation:item_action", args=["antwort", answer.pk, "reject"]))
    answer.refresh_from_db()
    assert answer.quote_status == QuoteStatus.REJECTED
    services.answer_approve_quote(answer=answer, moderator=moderator)
    answer.refresh_from_db()
    assert answer.quote_status == QuoteStatus.APPROVED
    assert list(
        ModerationLogEntry.objects.filter(object_id=answer.pk)
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [Action.QUOTE_REJECT, Action.QUOTE_APPROVE]


def test_the_admin_menu_shows_how_many_items_wait(moderator_client, items):
    response = moderator_client.get(reverse("wagtailadmin_home"))
    assert "Moderation (4)" in response.content.decode()


def test_the_digest_goes_to_subscribed_moderators_only(moderator_client, moderator, items):
    moderator_client.post(reverse("moderation:digest"), {"subscribe": "1"})
    lapsed = UserFactory(verified=True)
    services.digest_subscribe(user=lapsed)  # no longer a moderator
    UserFactory(roles=["Moderation"], verified=True)  # not subscribed

    call_command("moderation_digest", stdout=io.StringIO())

    [message] = mail.outbox
    assert message.to == [moderator.email]
    assert message.subject == "4 Einträge warten auf die Moderation"
    assert "Kommentare: 2" in message.body
    assert "Textantworten zur Zitierfreigabe: 1" in message.body
    assert QUEUE in message.body


def test_no_digest_when_nothing_waits(moderator):
    services.digest_subscribe(user=moderator)
    call_command("moderation_digest", stdout=io.StringIO())
    assert mail.outbox == []


def _many_comments(topic, consultation, n: int) -> None:
    participant = ParticipantFactory()
    page_type = content_type_of(topic)
    Comment.objects.bulk_create(
        Comment(
            participant=participant,
            content_type=page_type,
            object_id=topic.pk,
            consultation=consultation,
            text=f"Massenkommentar {i}",
            status=Status.PENDING if i % 2 else Status.PUBLISHED,
            submission_token=uuid.uuid4(),
        )
        for i in range(n)
    )


def test_the_queue_runs_a_bounded_number_of_queries_with_10000_items(
    moderator_client, items, topic, consultation, django_assert_max_num_queries
):
    category = ModerationCategory.objects.create(consultation=consultation, name="Parken")
    for comment in Comment.objects.all():
        comment.categories.add(category)
    moderator_client.get(QUEUE)
    with django_assert_max_num_queries(25) as few:
        moderator_client.get(QUEUE)
    _many_comments(topic, consultation, 10_000)
    report(Comment.objects.filter(text="Massenkommentar 7").get(), 3)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = moderator_client.get(QUEUE, {"status": ""})
    assert response.status_code == 200
    assert listed(response)[0] == "Massenkommentar 7"
    with django_assert_max_num_queries(len(few.captured_queries)):
        moderator_client.get(QUEUE, {"seite": "100", "sort": "aelteste"})


def test_the_item_page_runs_a_bounded_number_of_queries(
    moderator_client, moderator, items, django_assert_max_num_queries
):
    comment = items["reported"]
    url = reverse("moderation:item", args=["kommentar", comment.pk])
    moderator_client.get(url)
    with django_assert_max_num_queries(40) as few:
        moderator_client.get(url)
    report(comment, 30)
    for number in range(30):
        services.item_add_note(item=comment, moderator=moderator, note=f"Notiz {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = moderator_client.get(url)
    assert "Notiz 29" in response.content.decode()


def test_a_refused_decision_keeps_what_the_moderator_typed(moderator_client, items):
    comment = items["published"]
    url = reverse("moderation:item", args=["kommentar", comment.pk])
    reject = reverse("moderation:item_action", args=["kommentar", comment.pk, "reject"])

    response = moderator_client.post(reject, {"note": "Bitte sachlich bleiben, danke."})

    assert response.status_code == 302
    page = html(moderator_client.get(url))
    assert (
        page.select_one("#entscheidung_note").get_text().strip() == "Bitte sachlich bleiben, danke."
    )
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    # Shown once: the next visit starts empty.
    assert html(moderator_client.get(url)).select_one("#entscheidung_note").get_text().strip() == ""
