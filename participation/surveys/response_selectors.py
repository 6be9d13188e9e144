"""Reads of stored responses: a response's answers as checked values and as readable text."""

from django.db.models import Prefetch

from participation.surveys.answers import AnswerValue, readable
from participation.surveys.models import Answer, Response
from participation.surveys.questions import OTHER_KEY


def responses_with_answers(queryset) -> list[Response]:
    """Responses with their answers and choices, in three queries."""
    return list(
        queryset.select_related("survey").prefetch_related(
            Prefetch("answers", queryset=Answer.objects.prefetch_related("choices"))
        )
    )


def answer_values(response: Response) -> dict[str, AnswerValue]:
    """Question key -> checked value, from a response loaded by responses_with_answers."""
    values = {}
    for answer in response.answers.all():
        choices = list(answer.choices.all())
        values[answer.question_key] = AnswerValue(
            options=tuple(c.option_key for c in choices if not c.row_key and c.rank is None),
            other=answer.text if any(c.option_key == OTHER_KEY for c in choices) else "",
            rows={c.row_key: c.option_key for c in choices if c.row_key},
            ranks={c.option_key: c.rank for c in choices if c.rank is not None},
            number=answer.number,
            date=answer.date,
            text="" if choices else answer.text,
        )
    return values


def readable_answers(response: Response) -> list[tuple[str, str]]:
    """(question label, answer text) in survey order, for the person's own view and download."""
    schema = response.survey.schema
    values = answer_values(response)
    return [
        (question.label, readable(question, values[question.key]))
        for question in schema.questions
        if question.key in values
    ]
