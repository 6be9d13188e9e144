"""Stored responses for tests, written with bulk_create (fast enough for 10,000 of them).

A response is a dict from question code to answer, in the shape a person gives it:
an option's code or label (single choice, dropdown, yes/no "yes"/"no"), a list of them
(multiple choice), {statement label: option label} (matrix), option labels in ranked order
(ranking), a number (rating, number), a date, or text — `Quote(text, status)` for a text
answer with a quote status. "Sonstiges" is `Other("Roller")` inside a choice list.
"""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from participation.contributions.models import Participant
from participation.surveys.models import (
    Answer,
    AnswerChoice,
    QuoteStatus,
    Response,
    Source,
    SurveyPage,
)
from participation.surveys.questions import OTHER_KEY, Question, QuestionKind
from participation.surveys.results import survey_results_changed


@dataclass(frozen=True)
class Quote:
    text: str
    status: str = QuoteStatus.PENDING


@dataclass(frozen=True)
class Other:
    text: str


def _option_key(question: Question, name: str, options=None) -> str:
    for option in options if options is not None else question.all_options:
        if name in (option.code, option.label, option.key):
            return option.key
    raise KeyError(f"{question.code}: no option {name!r}")


def _choices(question: Question, value) -> tuple[list[tuple[str, str, int | None]], str]:
    """(row key, option key, rank) rows and the free text of an answer."""
    kind = question.kind
    if kind == QuestionKind.MATRIX:
        return [
            (_option_key(question, row, question.rows), _option_key(question, option), None)
            for row, option in value.items()
        ], ""
    if kind == QuestionKind.RANKING:
        return [("", _option_key(question, name), rank) for rank, name in enumerate(value, 1)], ""
    names = value if isinstance(value, list | tuple) else [value]
    text = next((name.text for name in names if isinstance(name, Other)), "")
    keys = [OTHER_KEY if isinstance(name, Other) else _option_key(question, name) for name in names]
    return [("", key, None) for key in keys], text


def add_responses(
    survey: SurveyPage,
    answers: list[dict],
    *,
    source: str = Source.ONLINE,
    participants: list[Participant] | None = None,
) -> list[Response]:
    """One response per dict; online ones get a fresh anonymous participant each (or the
    given `participants`, in order)."""
    schema = survey.schema
    if source == Source.ONLINE and participants is None:
        participants = Participant.objects.bulk_create(
            [Participant(session_token=secrets.token_urlsafe(24)) for _ in answers]
        )
    responses = Response.objects.bulk_create(
        [
            Response(
                survey=survey,
                source=source,
                participant=participants[index] if source == Source.ONLINE else None,
            )
            for index in range(len(answers))
        ],
        batch_size=2000,
    )
    answer_rows, choice_rows = [], []
    for response, given in zip(responses, answers, strict=True):
        for code, value in given.items():
            question = schema.by_code(code)
            if question is None:
                raise KeyError(f"no question {code!r}")
            answer = Answer(response=response, survey=survey, question_key=question.key)
            choices: list = []
            if question.kind in (QuestionKind.RATING, QuestionKind.NUMBER):
                answer.number = Decimal(str(value))
            elif question.kind == QuestionKind.DATE:
                answer.date = value if isinstance(value, date) else date.fromisoformat(value)
            elif question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
                quote = value if isinstance(value, Quote) else Quote(value)
                answer.text, answer.quote_status = quote.text, quote.status
            else:
                choices, answer.text = _choices(question, value)
                if answer.text:
                    answer.quote_status = QuoteStatus.PENDING
            answer_rows.append(answer)
            choice_rows.append(choices)
    Answer.objects.bulk_create(answer_rows, batch_size=2000)
    AnswerChoice.objects.bulk_create(
        [
            AnswerChoice(
                answer=answer,
                survey=survey,
                question_key=answer.question_key,
                row_key=row_key,
                option_key=option_key,
                rank=rank,
            )
            for answer, choices in zip(answer_rows, choice_rows, strict=True)
            for row_key, option_key, rank in choices
        ],
        batch_size=2000,
    )
    survey_results_changed(survey.pk)  # as every write of responses does
    return responses


def survey_with_results(parent, **fields) -> SurveyPage:
    """A survey that closed yesterday with a dozen responses touching every question kind
    (for pages that show results: the browser walk, the admin view)."""
    from tests.participation.surveys.factories import SurveyPageFactory

    now = timezone.now()
    survey = SurveyPageFactory(
        parent=parent,
        follow_phases=False,
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
        **fields,
    )
    districts = ["innenstadt", "althaldensleben", "hundisburg"]
    add_responses(
        survey,
        [
            {
                "ortsteil": districts[index % 3],
                "alter": ["18–29", "30–49", "65 und älter"][index % 3],
                "verkehrsmittel": [["rad", "bus"], ["fuss"], ["auto", Other("Roller")]][index % 3],
                "radweg": "yes" if index % 2 else "no",
                "zufriedenheit": index % 5 + 1,
                "aussagen": {
                    "Mehr Grün": "stimme zu",
                    "Weniger Autos": ["teils", "stimme zu"][index % 2],
                },
                "prioritaeten": ["Radwege", "Grünflächen", "Parkplätze"][index % 3 :]
                + ["Radwege", "Grünflächen", "Parkplätze"][: index % 3],
                "wege": index * 2,
                "idee": Quote(
                    "Mehr Bänke und Schatten am Markt", "approved" if index == 0 else "pending"
                ),
                "seit": date(1990 + index, 1, 1),
            }
            for index in range(12)
        ],
    )
    add_responses(survey, [{"ortsteil": "hundisburg", "radweg": "yes"}] * 3, source=Source.PAPER)
    return survey
