"""Moderated demo content: categories, coded comments, waiting, hidden and highlighted
comments, an official response and a resolved report — all through the moderation services,
so the decision log is filled as in real use. Written once per consultation."""

import uuid
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.consultations.models import ConsultationPage
from participation.contributions import services as contributions
from participation.contributions.models import Comment, ModerationReason, Report, Status
from participation.contributions.selectors import comment_target
from participation.contributions.targets import content_type_of
from participation.moderation import services
from participation.moderation.models import ModerationCategory

MODERATOR_EMAIL = "moderation@haldensleben.example"

# Category name and words that put a demo comment into it.
CATEGORIES = {
    "Radverkehr": ["rad", "fahrrad"],
    "Parken": ["park", "stellpl"],
    "Innenstadt": ["innenstadt", "markt", "altstadt"],
    "Grün": ["grün", "baum", "bäume", "park"],
    "Wohnen": ["wohn", "miete"],
    "Bus und Bahn": ["bus", "bahn", "takt"],
}
PENDING_TEXTS = [
    "Warum wird der Parkplatz am Bahnhof nicht überdacht? Das wäre für Pendler eine große Hilfe.",
    "Im Süden der Stadt fehlen Spielplätze. Bitte dort auch planen.",
    "Ich schlage eine Fahrradstraße vom Bahnhof zur Innenstadt vor.",
]
HIDDEN_TEXT = "Wer so einen Unsinn plant, hat keine Ahnung. Alles Idioten im Rathaus!"
OFFICIAL_RESPONSE = (
    "Vielen Dank für den Hinweis. Die Stadtverwaltung prüft im Rahmen des ISEK, wie der "
    "Radweg an der Bundesstraße sicherer werden kann. Ergebnisse stellen wir im Herbst vor."
)


def _categorise(comments, categories, moderator) -> None:
    for comment in comments:
        text = comment.text.lower()
        chosen = [
            categories[name] for name, words in CATEGORIES.items() if any(w in text for w in words)
        ]
        if chosen:
            services.item_set_categories(item=comment, categories=chosen, moderator=moderator)


def _yesterday_at(today: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=1), time(hour, 0)))


def ensure_moderation(consultation: ConsultationPage, today: date, report) -> None:
    if ModerationCategory.objects.filter(consultation=consultation).exists():
        return
    moderator = get_user_model().objects.filter(email__iexact=MODERATOR_EMAIL).first()
    published = list(
        Comment.objects.filter(
            consultation=consultation, status=Status.PUBLISHED, is_official=False
        ).order_by("created_at", "pk")
    )
    if moderator is None or len(published) < 4:
        return
    categories = {
        name: ModerationCategory.objects.create(consultation=consultation, name=name)
        for name in CATEGORIES
    }
    _categorise(published, categories, moderator)

    top_level = [comment for comment in published if comment.parent_id is None]
    target = comment_target(top_level[0])
    authors = [comment.participant for comment in top_level]
    for number, text in enumerate(PENDING_TEXTS):
        comment = contributions.comment_create(
            target=target,
            participant=authors[number % len(authors)],
            text=text,
            submission_token=uuid.uuid4(),
        )
        Comment.objects.filter(pk=comment.pk).update(
            status=Status.PENDING, created_at=_yesterday_at(today, 17 + number)
        )

    rude = contributions.comment_create(
        target=target, participant=authors[-1], text=HIDDEN_TEXT, submission_token=uuid.uuid4()
    )
    Comment.objects.filter(pk=rude.pk).update(created_at=_yesterday_at(today, 20))
    services.contribution_hide(
        contribution=rude,
        moderator=moderator,
        reason=ModerationReason.INSULT,
        note="Beleidigung der Verwaltung.",
    )

    about_cycling = next((c for c in top_level if "rad" in c.text.lower()), top_level[0])
    services.contribution_highlight(contribution=about_cycling, moderator=moderator)
    response = services.official_response_create(
        item=about_cycling, moderator=moderator, text=OFFICIAL_RESPONSE
    )
    Comment.objects.filter(pk=response.pk).update(created_at=_yesterday_at(today, 21))

    reported = top_level[1]
    Report.objects.get_or_create(
        participant=authors[0] if authors[0] != reported.participant else authors[-1],
        content_type=content_type_of(reported),
        object_id=reported.pk,
        defaults={"reason": Report.Reason.OFF_TOPIC},
    )
    services.reports_dismiss(
        contribution=reported, moderator=moderator, note="Passt zum Thema; Meldung unbegründet."
    )
    services.item_add_note(
        item=reported, moderator=moderator, note="Bei weiteren Meldungen erneut prüfen."
    )
    report.add(
        f"Moderation: {len(categories)} Kategorien, {len(PENDING_TEXTS)} wartende Kommentare, "
        "1 ausgeblendeter, 1 hervorgehobener, 1 Stellungnahme, 1 erledigte Meldung"
    )
