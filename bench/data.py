"""Benchmark data: the demo site plus discussions of a given size, made fast with bulk inserts.

Everything is idempotent (found by slug), so repeated runs reuse what an earlier one built.
"""

import random
import secrets
import uuid

from django.core.management import call_command
from wagtail.models import Page

from cms.models import StandardPage
from participation.consultations.models import ConceptDocumentPage, ConsultationPage, TopicPage
from participation.contributions.models import Comment, Participant, Status, Vote
from participation.contributions.targets import content_type_of

VOTES_PER_COMMENT = 10
REPLY_SHARE = 0.2  # one comment in five answers an earlier one


def demo_site() -> ConsultationPage:
    if not ConsultationPage.objects.filter(slug="isek-2035").exists():
        call_command("seed_demo", verbosity=0)
    return ConsultationPage.objects.get(slug="isek-2035")


def plain_page() -> StandardPage:
    """A content page without a discussion: the reference for every page."""
    return StandardPage.objects.live().get(slug="impressum")


def voters(count: int) -> list[Participant]:
    existing = list(Participant.objects.filter(guest_name__startswith="Last")[:count])
    missing = count - len(existing)
    if missing > 0:
        existing += Participant.objects.bulk_create(
            Participant(session_token=secrets.token_urlsafe(32), guest_name=f"Last {n}")
            for n in range(len(existing), count)
        )
    return existing


def _copy(source: Page, slug: str, title: str) -> Page:
    found = Page.objects.filter(slug=slug).first()
    if found is not None:
        return found.specific
    return source.copy(
        to=source.get_parent(), update_attrs={"slug": slug, "title": title}, keep_live=True
    ).specific


def _comments(page: Page, count: int, paragraph_keys: list[str]) -> None:
    """`count` published comments on `page` (spread over `paragraph_keys`, if any), a fifth of
    them replies, and VOTES_PER_COMMENT votes on each from different participants."""
    rng = random.Random(count)  # the same data on every run
    authors = voters(100)
    base = {
        "content_type": content_type_of(page),
        "object_id": page.pk,
        "consultation": ConsultationPage.objects.ancestor_of(page).first(),
        "status": Status.PUBLISHED,
    }
    keys = paragraph_keys or [""]
    roots_wanted = count - int(count * REPLY_SHARE)
    roots = Comment.objects.bulk_create(
        Comment(
            **base,
            participant=rng.choice(authors),
            paragraph_key=keys[n % len(keys)],
            text=f"Beitrag {n}: Mehr Bäume und sichere Radwege in der Innenstadt. " * 3,
            submission_token=uuid.uuid4(),
        )
        for n in range(roots_wanted)
    )
    replies = []
    for n in range(count - roots_wanted):
        root = rng.choice(roots)
        replies.append(
            Comment(
                **{**base, "paragraph_key": root.paragraph_key},
                participant=rng.choice(authors),
                parent=root,
                root=root,
                text=f"Antwort {n}: Das sehe ich genauso.",
                submission_token=uuid.uuid4(),
            )
        )
    comments = roots + Comment.objects.bulk_create(replies)
    comment_type = content_type_of(comments[0])
    Vote.objects.bulk_create(
        (
            Vote(
                participant=voter,
                content_type=comment_type,
                object_id=comment.pk,
                value=Vote.UP if rng.random() < 0.7 else Vote.DOWN,
            )
            for comment in comments
            for voter in rng.sample(authors, VOTES_PER_COMMENT)
        ),
        batch_size=5000,
    )


def topic_with_comments(count: int) -> TopicPage:
    """A copy of a demo topic with `count` comments and ten times as many votes."""
    demo_site()
    slug = f"last-thema-{count}"
    exists = Page.objects.filter(slug=slug).exists()
    topic = _copy(TopicPage.objects.get(slug="mobilitaet"), slug, f"Lasttest {count}")
    if not exists:
        _comments(topic, count, [])
    return topic


def concept_with_comments(count: int) -> ConceptDocumentPage:
    """A copy of the demo concept with `count` paragraph comments spread over its paragraphs."""
    demo_site()
    slug = f"last-konzept-{count}"
    exists = Page.objects.filter(slug=slug).exists()
    document = _copy(ConceptDocumentPage.objects.get(slug="konzept"), slug, f"Konzept {count}")
    if not exists:
        keys = [p.key for chapter in document.chapters for p in chapter.paragraphs]
        _comments(document, count, keys)
    return document
