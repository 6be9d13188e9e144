"""Pages run the same, small number of SQL queries however much has been contributed."""

import secrets
import uuid

import pytest
from django.urls import reverse

from participation.contributions.models import Comment, Participant, Thread, Vote
from participation.contributions.targets import consultation_of, content_type_of
from tests.participation.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 40


def participants(count: int) -> list[Participant]:
    """Every fourth one registered, the others guests."""
    users = UserFactory.create_batch(count // 4)
    rows = [Participant(user=user) for user in users] + [
        Participant(session_token=secrets.token_urlsafe(16)) for _ in range(count - len(users))
    ]
    return Participant.objects.bulk_create(rows)


def comments(target, people, count: int, *, paragraph_keys=("",)) -> list[Comment]:
    """`count` comments on `target`: half top-level, half replies (some to replies)."""
    page = target.forum if isinstance(target, Thread) else target
    common = {
        "content_type": content_type_of(target),
        "object_id": target.pk,
        "consultation": consultation_of(page),
    }

    def make(n, **extra):
        extra.setdefault("paragraph_key", paragraph_keys[n % len(paragraph_keys)])
        return Comment(
            participant=people[n % len(people)],
            text=f"Kommentar {n}",
            submission_token=uuid.uuid4(),
            **common,
            **extra,
        )

    roots = Comment.objects.bulk_create([make(n) for n in range(count - count // 2)])
    first_replies = Comment.objects.bulk_create(
        [
            make(n, parent=root, root=root, paragraph_key=root.paragraph_key)
            for n, root in enumerate(roots[: count // 4])
        ]
    )
    rest = count - len(roots) - len(first_replies)
    Comment.objects.bulk_create(
        [
            make(n, parent=reply, root=reply.root, paragraph_key=reply.paragraph_key)
            for n, reply in zip(range(rest), first_replies * 2, strict=False)
        ]
    )
    return roots


def votes(people, targets, count: int) -> None:
    pairs = [(person, target) for person in people for target in targets][:count]
    Vote.objects.bulk_create(
        Vote(
            participant=person,
            content_type=content_type_of(target),
            object_id=target.pk,
            value=Vote.UP if (person.pk + target.pk) % 3 else Vote.DOWN,
        )
        for person, target in pairs
    )


@pytest.fixture(params=["anonymous", "registered"])
def viewer(request, client):
    """The pages are measured for a guest without contributions and for a registered person
    who has commented and voted (own comments and own votes are marked on the page)."""
    client.people = []
    if request.param == "registered":
        user = UserFactory(verified=True)
        client.people = [Participant.objects.create(user=user)]
        client.force_login(user)
    return client


def test_the_topic_page_runs_a_bounded_number_of_queries(
    viewer, topic, queries_for, django_assert_max_num_queries
):
    people = participants(8) + viewer.people
    roots = comments(topic, people, 10)
    votes(people, roots, 20)
    few = queries_for(topic.url)

    people = participants(100) + people
    roots = comments(topic, people, 1000) + roots
    votes(people, roots, 10_000)
    assert Vote.objects.count() == 10_020

    assert queries_for(topic.url) == few
    with django_assert_max_num_queries(MAX_QUERIES):
        viewer.get(topic.url)


def test_the_concept_page_runs_a_bounded_number_of_queries(
    viewer, concept, queries_for, django_assert_max_num_queries
):
    keys = [p.key for p in concept.paragraphs]
    people = participants(8) + viewer.people
    comments(concept, people, 10, paragraph_keys=keys)
    comments(concept, people, 4)  # on the whole document
    urls = [
        concept.url,
        reverse("contributions:paragraph", args=[concept.pk, keys[0]]),
        reverse("contributions:heatmap", args=[concept.pk]),
        reverse("contributions:chapter", args=[concept.pk, 1]),
    ]
    few = [queries_for(url) for url in urls]

    people = participants(100) + people
    roots = comments(concept, people, 1000, paragraph_keys=keys)
    comments(concept, people, 100)  # on the whole document
    votes(people, roots, 5000)

    assert [queries_for(url) for url in urls] == few
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES):
            viewer.get(url)


def test_the_forum_and_thread_pages_run_a_bounded_number_of_queries(
    viewer, forum, queries_for, django_assert_max_num_queries
):
    topics = list(forum.impulse_topics.all())

    def threads(people, count):
        return Thread.objects.bulk_create(
            Thread(
                forum=forum,
                participant=people[n % len(people)],
                impulse_topic=topics[n % len(topics)] if n % 4 else None,
                title=f"Thema {n}",
                text="Worum es geht.",
                submission_token=uuid.uuid4(),
            )
            for n in range(count)
        )

    people = participants(8) + viewer.people
    first = threads(people, 5)
    comments(first[0], people, 10)
    thread_url = reverse("contributions:thread", args=[forum.pk, first[0].pk])
    urls = [forum.url, f"{forum.url}?sortierung=diskutiert&impuls={topics[0].pk}", thread_url]
    few = [queries_for(url) for url in urls]

    people = participants(100) + people
    many = threads(people, 300)
    for thread in many[:20]:
        comments(thread, people, 20)
    comments(first[0], people, 500)
    votes(people, many + first, 3000)

    assert [queries_for(url) for url in urls] == few
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES):
            viewer.get(url)
