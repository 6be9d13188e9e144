import secrets
import uuid

import factory
from wagtail.models import Page

from participation.contributions.models import Comment, Participant, Thread, Vote
from participation.contributions.targets import consultation_of, content_type_of
from tests.participation.consultations.factories import ForumPageFactory


class ParticipantFactory(factory.django.DjangoModelFactory):
    """An anonymous visitor (random session token) or, with `user=...`, a registered person."""

    user = None
    session_token = factory.LazyAttribute(
        lambda participant: None if participant.user else secrets.token_urlsafe(32)
    )

    class Meta:
        model = Participant


def _consultation_of(target):
    page = target.forum if isinstance(target, Thread) else target
    return consultation_of(page) if isinstance(page, Page) else None


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment on `target` (a page or a thread, with `paragraph_key` for a concept
    paragraph), or with `parent=...` a reply on the parent's target."""

    participant = factory.SubFactory(ParticipantFactory)
    parent = None
    target = None
    content_type = factory.LazyAttribute(
        lambda comment: (
            comment.parent.content_type if comment.parent else content_type_of(comment.target)
        )
    )
    object_id = factory.LazyAttribute(
        lambda comment: comment.parent.object_id if comment.parent else comment.target.pk
    )
    paragraph_key = factory.LazyAttribute(
        lambda comment: comment.parent.paragraph_key if comment.parent else ""
    )
    consultation = factory.LazyAttribute(
        lambda comment: (
            comment.parent.consultation if comment.parent else _consultation_of(comment.target)
        )
    )
    root = factory.LazyAttribute(
        lambda comment: (comment.parent.root or comment.parent) if comment.parent else None
    )
    text = factory.Sequence(lambda n: f"Kommentar Nummer {n} zur Innenstadt.")
    submission_token = factory.LazyFunction(uuid.uuid4)

    class Meta:
        model = Comment
        exclude = ["target"]


class ThreadFactory(factory.django.DjangoModelFactory):
    participant = factory.SubFactory(ParticipantFactory)
    forum = factory.SubFactory(ForumPageFactory)
    title = factory.Sequence(lambda n: f"Thema Nummer {n}")
    text = "Wie kommen wir ohne Auto zur Arbeit?"
    submission_token = factory.LazyFunction(uuid.uuid4)

    class Meta:
        model = Thread


class VoteFactory(factory.django.DjangoModelFactory):
    """An up vote on `target` (a comment, a topic page or a thread)."""

    participant = factory.SubFactory(ParticipantFactory)
    target = None
    content_type = factory.LazyAttribute(lambda vote: content_type_of(vote.target))
    object_id = factory.LazyAttribute(lambda vote: vote.target.pk)
    value = Vote.UP

    class Meta:
        model = Vote
        exclude = ["target"]
