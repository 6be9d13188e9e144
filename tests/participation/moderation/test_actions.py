"""Every moderation decision, its log entry, its email and what the public page shows."""

import pytest
from django.core import mail
from django.test import Client

from participation.contributions.models import (
    Comment,
    HiddenReason,
    ModerationReason,
    Report,
    Status,
)
from participation.contributions.selectors import thread_url
from participation.contributions.services import ContributionRefused, comment_create
from participation.contributions.targets import Target
from participation.moderation import services
from participation.moderation.models import Action, ModerationCategory, ModerationLogEntry
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    ThreadFactory,
)
from tests.participation.contributions.helpers import html

pytestmark = pytest.mark.django_db


def public_page(url: str):
    """The page as an uninvolved visitor sees it."""
    response = Client().get(url)
    assert response.status_code == 200
    return html(response)


def shown(page, comment: Comment):
    return page.find(id=f"kommentar-{comment.pk}")


def actions_on(item) -> list[str]:
    return list(
        ModerationLogEntry.objects.filter(object_id=item.pk)
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )


@pytest.fixture
def registered(citizen):
    return ParticipantFactory(user=citizen)


@pytest.fixture
def pending(topic, registered):
    return CommentFactory(
        target=topic,
        participant=registered,
        status=Status.PENDING,
        text="Bitte mehr Fahrradständer am Bahnhof.",
    )


@pytest.fixture
def published(topic, registered):
    return CommentFactory(target=topic, participant=registered, text="Der Markt braucht Schatten.")


def test_a_pending_comment_is_invisible_until_approved(topic, pending, moderator):
    assert shown(public_page(topic.url), pending) is None

    services.contribution_approve(contribution=pending, moderator=moderator)

    pending.refresh_from_db()
    assert pending.status == Status.PUBLISHED
    assert "Fahrradständer" in shown(public_page(topic.url), pending).get_text()
    entry = ModerationLogEntry.objects.get(object_id=pending.pk)
    assert (entry.action, entry.moderator) == (Action.APPROVE, moderator)


def test_rejecting_keeps_the_comment_off_the_page_and_emails_the_author(
    topic, pending, moderator, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_reject(
            contribution=pending,
            moderator=moderator,
            reason=ModerationReason.PERSONAL_DATA,
            note="Bitte ohne Namen von Nachbarn.",
        )

    pending.refresh_from_db()
    assert (pending.status, pending.moderation_reason) == (Status.REJECTED, "personal_data")
    assert Comment.objects.filter(pk=pending.pk).exists()  # kept for the record
    assert shown(public_page(topic.url), pending) is None
    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert message.subject == "Ihr Beitrag wurde nicht veröffentlicht"
    assert "persönliche Daten Dritter" in message.body
    assert "Bitte ohne Namen von Nachbarn." in message.body
    assert "Fahrradständer" in message.body
    entry = ModerationLogEntry.objects.get(object_id=pending.pk)
    assert (entry.action, entry.reason, entry.note) == (
        Action.REJECT,
        "personal_data",
        "Bitte ohne Namen von Nachbarn.",
    )


def test_rejecting_an_anonymous_comment_sends_no_email(
    topic, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(target=topic, status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_reject(
            contribution=comment, moderator=moderator, reason=ModerationReason.SPAM
        )
    assert mail.outbox == []


def test_reject_and_hide_need_a_reason_from_the_list(pending, moderator):
    with pytest.raises(services.ModerationRefused, match="Grund"):
        services.contribution_reject(contribution=pending, moderator=moderator, reason="")
    with pytest.raises(services.ModerationRefused, match="Grund"):
        services.contribution_hide(contribution=pending, moderator=moderator, reason="weil")
    assert not ModerationLogEntry.objects.exists()


def test_a_hidden_comment_is_replaced_by_the_netiquette_notice_and_restored_back(
    topic, published, moderator
):
    services.contribution_hide(
        contribution=published, moderator=moderator, reason=ModerationReason.INSULT
    )

    item = shown(public_page(topic.url), published)
    assert "Der Markt braucht Schatten" not in item.get_text()
    notice = item.find(class_="comment__notice").get_text()
    assert "Ausgeblendet wegen Verstoß gegen die Netiquette" in notice
    assert "Beleidigung oder herabwürdigende Sprache" in notice

    services.contribution_restore(contribution=published, moderator=moderator)

    item = shown(public_page(topic.url), published)
    assert "Der Markt braucht Schatten" in item.get_text()
    assert item.find(class_="comment__notice") is None
    assert actions_on(published) == [Action.HIDE, Action.RESTORE]


def test_a_hidden_thread_shows_the_notice_with_its_reason(forum, moderator):
    thread = ThreadFactory(forum=forum, title="Werbung", text="Kaufen Sie jetzt!")
    services.contribution_hide(contribution=thread, moderator=moderator, reason="spam")

    page = public_page(thread_url(thread))
    assert "Kaufen Sie jetzt" not in page.get_text()
    assert "Netiquette: Spam oder Werbung" in page.find(class_="comment__notice").get_text()


def test_a_highlighted_comment_carries_the_badge_until_unhighlighted(topic, published, moderator):
    services.contribution_highlight(contribution=published, moderator=moderator)

    badge = shown(public_page(topic.url), published).find(class_="badge--highlighted")
    assert badge.get_text() == "Hervorgehoben"

    services.contribution_unhighlight(contribution=published, moderator=moderator)

    assert shown(public_page(topic.url), published).find(class_="badge--highlighted") is None
    assert actions_on(published) == [Action.HIGHLIGHT, Action.UNHIGHLIGHT]


def test_only_published_contributions_can_be_highlighted(pending, moderator):
    with pytest.raises(services.ModerationRefused):
        services.contribution_highlight(contribution=pending, moderator=moderator)


def test_the_official_response_is_shown_with_its_badge_and_notifies_the_author(
    topic, published, moderator, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = services.official_response_create(
            item=published, moderator=moderator, text="Wir prüfen Sonnensegel für 2027."
        )

    assert (response.is_official, response.parent, response.root) == (True, published, published)
    reply = shown(public_page(topic.url), response)
    assert "comment--official" in reply["class"]
    assert reply.find(class_="badge--official").get_text() == "Stellungnahme der Stadt"
    assert "Wir prüfen Sonnensegel für 2027." in reply.get_text()
    assert "Moderation Test" in reply.get_text()
    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert "Wir prüfen Sonnensegel für 2027." in message.body
    assert f"kommentar-{response.pk}" in message.body
    assert actions_on(published) == [Action.OFFICIAL_RESPONSE]


def test_an_official_response_in_a_forum_thread(forum, moderator):
    thread = ThreadFactory(forum=forum)
    response = services.official_response_create(
        item=thread, moderator=moderator, text="Die Stadt lädt zum Workshop ein."
    )
    page = public_page(thread_url(thread))
    assert "Stellungnahme der Stadt" in shown(page, response).get_text()


def test_categories_of_the_consultation_are_assigned_and_logged(consultation, published, moderator):
    cycling, parking = (
        ModerationCategory.objects.create(consultation=consultation, name=name)
        for name in ("Radverkehr", "Parken")
    )

    services.item_set_categories(item=published, categories=[cycling, parking], moderator=moderator)
    services.item_set_categories(item=published, categories=[cycling, parking], moderator=moderator)

    assert set(published.categories.all()) == {cycling, parking}
    entry = ModerationLogEntry.objects.get(object_id=published.pk)
    assert (entry.action, entry.note) == (Action.CATEGORISE, "Parken, Radverkehr")


def test_a_category_of_another_consultation_is_refused(home_page, published, moderator):
    from tests.participation.consultations.factories import ConsultationPageFactory

    other = ConsultationPageFactory(parent=home_page, title="Anderes Verfahren")
    foreign = ModerationCategory.objects.create(consultation=other, name="Radverkehr")
    with pytest.raises(services.ModerationRefused):
        services.item_set_categories(item=published, categories=[foreign], moderator=moderator)
    assert not published.categories.exists()


def test_an_internal_note_is_logged_and_never_public(topic, published, moderator):
    services.item_add_note(item=published, moderator=moderator, note="Autor ist Stadtrat.")

    assert "Autor ist Stadtrat" not in public_page(topic.url).get_text()
    assert ModerationLogEntry.objects.get().note == "Autor ist Stadtrat."


def test_dismissing_reports_restores_an_auto_hidden_comment(topic, published, moderator):
    for _ in range(3):
        Report.objects.create(participant=ParticipantFactory(), target=published, reason="insult")
    Comment.objects.filter(pk=published.pk).update(
        status=Status.HIDDEN, hidden_reason=HiddenReason.REPORTS
    )
    published.refresh_from_db()

    services.reports_dismiss(contribution=published, moderator=moderator, note="Sachlich.")

    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert set(Report.objects.values_list("resolution", flat=True)) == {"dismissed"}
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    assert actions_on(published) == [Action.REPORTS_DISMISSED]
    assert shown(public_page(topic.url), published).find(class_="comment__notice") is None


def test_hiding_a_reported_comment_upholds_the_reports(published, moderator):
    Report.objects.create(participant=ParticipantFactory(), target=published, reason="insult")

    services.contribution_hide(contribution=published, moderator=moderator, reason="insult")

    assert Report.objects.get().resolution == "hidden"
    assert actions_on(published) == [Action.REPORTS_UPHELD]


def test_a_blocked_participant_can_no_longer_comment_and_their_content_is_hidden(
    topic, published, registered, moderator
):
    hidden = services.participant_block(
        participant=registered, moderator=moderator, hide_content=True, reason="insult"
    )

    assert hidden == 1
    published.refresh_from_db()
    assert published.status == Status.HIDDEN
    with pytest.raises(ContributionRefused, match="gesperrt"):
        comment_create(
            target=Target(topic),
            participant=registered,
            text="Noch ein Versuch.",
            submission_token="00000000-0000-0000-0000-000000000001",
        )
    assert actions_on(registered)[0] == Action.BLOCK

    services.participant_unblock(participant=registered, moderator=moderator)
    registered.refresh_from_db()
    assert not registered.is_blocked


def test_blocking_without_hiding_leaves_the_content(published, registered, moderator):
    services.participant_block(participant=registered, moderator=moderator)
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED


def test_nothing_is_deleted_by_moderation(published, pending, moderator):
    services.contribution_hide(contribution=published, moderator=moderator, reason="spam")
    services.contribution_reject(contribution=pending, moderator=moderator, reason="spam")
    assert Comment.objects.count() == 2


def test_bulk_actions_skip_what_does_not_fit(topic, consultation, published, pending, moderator):
    other = CommentFactory(target=topic, status=Status.PENDING)
    done, skipped = services.items_bulk_apply(
        items=[published, pending, other], action="approve", moderator=moderator
    )
    assert (done, skipped) == (2, 1)

    category = ModerationCategory.objects.create(consultation=consultation, name="Innenstadt")
    done, skipped = services.items_bulk_apply(
        items=[published, pending], action="categorise", moderator=moderator, categories=[category]
    )
    assert (done, skipped) == (2, 0)
    assert list(pending.categories.all()) == [category]


def test_blocking_hides_all_content_in_a_bounded_number_of_queries(
    topic, forum, registered, moderator, django_assert_max_num_queries
):
    comments = [
        CommentFactory(target=topic, participant=registered, text=f"Kommentar {n}")
        for n in range(10)
    ]
    reported = comments[0]
    Report.objects.create(participant=ParticipantFactory(), target=reported, reason="insult")
    thread = ThreadFactory(forum=forum, participant=registered, status=Status.PENDING)
    other = CommentFactory(target=topic, text="Von jemand anderem")

    with django_assert_max_num_queries(20):  # was five per hidden item
        hidden = services.participant_block(
            participant=registered, moderator=moderator, hide_content=True, reason="insult"
        )

    assert hidden == 11
    for item in [*comments, thread]:
        item.refresh_from_db()
        assert (item.status, item.hidden_reason, item.moderation_reason) == (
            Status.HIDDEN,
            HiddenReason.MODERATION,
            "insult",
        )
    other.refresh_from_db()
    assert other.status == Status.PUBLISHED
    assert Report.objects.get().resolution == "hidden"
    logged = dict(
        ModerationLogEntry.objects.filter(content_type__model="comment").values_list(
            "object_id", "action"
        )
    )
    assert logged == {
        comment.pk: Action.REPORTS_UPHELD if comment == reported else Action.HIDE
        for comment in comments
    }
    assert shown(public_page(topic.url), comments[1]).find(class_="comment__notice") is not None
