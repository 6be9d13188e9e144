"""A consultation with something of everything that is exported, and helpers to read exports."""

import csv
import io
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from participation.accounts import roles
from participation.contributions.models import Comment, Report, Status, Thread, Vote
from participation.moderation.models import ModerationCategory
from participation.surveys.models import Answer, AnswerChoice, Response, Source, SurveyPage
from participation.surveys.questions import OTHER_KEY, QuestionKind
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import (
    ConceptDocumentPageFactory,
    ForumPageFactory,
    TopicPageFactory,
    concept_body,
)
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    ThreadFactory,
    VoteFactory,
)
from tests.participation.surveys.factories import SurveyPageFactory

CHAPTERS = [
    ("Ausgangslage", ["Der Stadtrat hat die Fortschreibung beschlossen."]),
    ("Leitbild", ["Eine Kreisstadt im Grünen.", "Autoarme Innenstadt mit Bänken am Markt."]),
]


@pytest.fixture(autouse=True)
def _exports_in_tmp(settings, tmp_path):
    settings.EXPORTS_ROOT = tmp_path / "exports"


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.MODERATORS], verified=True)


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner)
    return client


def respond(survey: SurveyPage, *, participant=None, source=Source.ONLINE, **answers) -> Response:
    """A response with answers given by question code: an option code (single, yes/no), a list
    of option codes (multiple choice, ranking in order), {statement code: option code}
    (matrix), a number, a date or a text; ("other", "text") for "Sonstiges" with its text."""
    response = Response.objects.create(survey=survey, participant=participant, source=source)
    schema = survey.schema
    for code, value in answers.items():
        question = schema.by_code(code)
        answer = Answer(response=response, survey=survey, question_key=question.key)
        choices = []

        def option_key(option_code, question=question):
            if option_code == OTHER_KEY:
                return OTHER_KEY
            return next(o.key for o in question.options if o.code == option_code)

        if isinstance(value, tuple):  # ("other", text) or (code, ..., ("other", text))
            value, answer.text = value
        kind = question.kind
        if kind in (QuestionKind.NUMBER, QuestionKind.RATING):
            answer.number = Decimal(value)
        elif kind == QuestionKind.DATE:
            answer.date = value
        elif kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            answer.text = value
        elif kind == QuestionKind.MATRIX:
            for row_code, option_code in value.items():
                row_key = next(r.key for r in question.rows if r.code == row_code)
                choices.append((row_key, option_key(option_code), None))
        elif kind == QuestionKind.RANKING:
            for rank, option_code in enumerate(value, start=1):
                choices.append(("", option_key(option_code), rank))
        elif kind == QuestionKind.YES_NO:
            choices.append(("", value, None))
        else:
            for option_code in value if isinstance(value, list) else [value]:
                choices.append(("", option_key(option_code), None))
        answer.save()
        AnswerChoice.objects.bulk_create(
            AnswerChoice(
                answer=answer,
                survey=survey,
                question_key=question.key,
                row_key=row_key,
                option_key=key,
                rank=rank,
            )
            for row_key, key, rank in choices
        )
    return response


@dataclass
class World:
    consultation: object
    topic: object
    concept: object
    forum: object
    survey: SurveyPage
    people: list  # participants: a registered one, two anonymous ones
    users: list
    paragraph_comment: Comment
    reply: Comment
    official: Comment
    formula_comment: Comment
    hidden: Comment
    rejected: Comment
    deleted: Comment
    thread: Thread
    hidden_thread: Thread
    online_response: Response
    paper_response: Response


@pytest.fixture
def world(consultation) -> World:
    topic = TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")
    concept = ConceptDocumentPageFactory(parent=consultation, body=concept_body(CHAPTERS))
    forum = ForumPageFactory(parent=consultation, title="Forum Digitales Land")
    survey = SurveyPageFactory(parent=consultation, title="Innenstadt-Umfrage", slug="innenstadt")
    users = [
        UserFactory(username="erika.muster", email="erika@example.org", display_name="Erika M.")
    ]
    people = [
        ParticipantFactory(user=users[0]),
        ParticipantFactory(guest_name="Gast aus Hundisburg"),
        ParticipantFactory(),
    ]
    paragraph = concept.paragraphs[2]  # 2.2
    paragraph_comment = CommentFactory(
        target=concept, paragraph_key=paragraph.key, participant=people[0], text="Mehr Bänke!"
    )
    paragraph_comment.paragraph_key = paragraph.key
    paragraph_comment.save()
    reply = CommentFactory(parent=paragraph_comment, participant=people[1], text="Und Schatten.")
    official = CommentFactory(
        parent=paragraph_comment,
        participant=people[2],
        text="Die Stadt prüft zusätzliche Bänke.",
        is_official=True,
    )
    formula_comment = CommentFactory(
        target=topic, participant=people[1], text='=HYPERLINK("http://böse.example","klick")'
    )
    formula_comment.highlighted_at = timezone.now()
    formula_comment.save()
    hidden = CommentFactory(target=topic, participant=people[2], status=Status.HIDDEN, text="weg")
    rejected = CommentFactory(target=topic, participant=people[2], status=Status.REJECTED)
    deleted = CommentFactory(target=topic, participant=people[0], deleted_at=timezone.now())
    thread = ThreadFactory(forum=forum, participant=people[2], title="-5 Grad im Bus")
    hidden_thread = ThreadFactory(forum=forum, participant=people[0], status=Status.HIDDEN)
    CommentFactory(target=thread, participant=people[0], text="Stimmt, Heizung kaputt.")
    category = ModerationCategory.objects.create(consultation=consultation, name="Aufenthalt")
    other_category = ModerationCategory.objects.create(consultation=consultation, name="Mobilität")
    paragraph_comment.categories.add(category, other_category)
    thread.categories.add(other_category)
    VoteFactory(target=paragraph_comment, participant=people[1])
    VoteFactory(target=paragraph_comment, participant=people[2], value=Vote.DOWN)
    VoteFactory(target=topic, participant=people[0])
    VoteFactory(target=thread, participant=people[1])
    VoteFactory(target=hidden, participant=people[0])  # not exported unless moderated ones are
    for person in people[:2]:
        Report.objects.create(
            participant=person,
            content_type=ContentType.objects.get_for_model(Comment),
            object_id=paragraph_comment.pk,
            reason=Report.Reason.OTHER,
        )
    online_response = respond(
        survey,
        participant=people[0],
        ortsteil="innenstadt",
        alter="unter-18",
        verkehrsmittel=(["rad", "other"], "Roller"),
        radweg="yes",
        zufriedenheit=4,
        aussagen={"mehr-grun": "stimme-zu", "weniger-autos": "teils"},
        prioritaeten=["radwege", "grunflachen", "parkplatze"],
        wege=12,
        lieblingsort="@Marktplatz",
        seit=date(2001, 5, 1),
    )
    paper_response = respond(
        survey, source=Source.PAPER, ortsteil="hundisburg", verkehrsmittel=["auto"]
    )
    return World(
        consultation=consultation,
        topic=topic,
        concept=concept,
        forum=forum,
        survey=survey,
        people=people,
        users=users,
        paragraph_comment=paragraph_comment,
        reply=reply,
        official=official,
        formula_comment=formula_comment,
        hidden=hidden,
        rejected=rejected,
        deleted=deleted,
        thread=thread,
        hidden_thread=hidden_thread,
        online_response=online_response,
        paper_response=paper_response,
    )


def read_csv(content: bytes, delimiter: str = ";") -> list[dict]:
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def read_json(content: bytes) -> list[dict]:
    return json.loads(content.decode("utf-8"))


def read_jsonl(content: bytes) -> list[dict]:
    return [json.loads(line) for line in content.decode("utf-8").splitlines()]


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)


def many_comments(consultation, topic, count: int) -> None:
    """`count` comments with a vote, a report and a category each, by different people."""
    category = ModerationCategory.objects.get_or_create(consultation=consultation, name="Viel")[0]
    for _index in range(count):
        person = ParticipantFactory(session_token=secrets.token_urlsafe(16))
        comment = CommentFactory(target=topic, participant=person, submission_token=uuid.uuid4())
        comment.categories.add(category)
        VoteFactory(target=comment, participant=person)
        Report.objects.create(
            participant=person,
            content_type=ContentType.objects.get_for_model(Comment),
            object_id=comment.pk,
            reason=Report.Reason.SPAM,
        )


def yesterday():
    return timezone.now() - timedelta(days=1)
