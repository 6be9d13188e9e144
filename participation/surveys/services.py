"""Writes of survey responses. Views and the admin's paper entry call these; nothing else
writes responses, answers or choices."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from participation.contributions.models import Participant
from participation.surveys.answers import AnswerValue, evaluate, raw_from_value
from participation.surveys.availability import survey_availability
from participation.surveys.models import (
    Access,
    Answer,
    AnswerChoice,
    QuoteStatus,
    Response,
    Source,
    SurveyPage,
)
from participation.surveys.questions import SurveySchema
from participation.surveys.results import survey_results_changed

NO_PARTICIPANT = _lazy("Ohne Teilnehmer:in kann keine Online-Antwort gespeichert werden.")


class SurveyRefused(Exception):
    """Answering is not possible here and now; the message says why, in German."""


class AlreadyAnswered(Exception):
    """The participant has answered this survey already and may not change the answer."""

    def __init__(self, response: Response):
        super().__init__(_("Sie haben an dieser Umfrage bereits teilgenommen."))
        self.response = response


def _shown_answers(schema: SurveySchema, answers: dict[str, AnswerValue], source: str) -> dict:
    """Only answers to questions the conditions show survive (checked again here, whatever
    the caller did)."""
    raw = {
        key: raw_from_value(question, value)
        for key, value in answers.items()
        if (question := schema.question(key)) is not None
    }
    evaluation = evaluate(schema, raw, require=source == Source.ONLINE)
    if evaluation.errors:
        first = next(iter(evaluation.errors.values()))[0]
        raise SurveyRefused(first)
    return evaluation.answers


def _rows(survey: SurveyPage, response: Response, answers: dict[str, AnswerValue]):
    """Unsaved Answer rows, each with its unsaved choice rows in `_choices`."""
    rows = []
    for key, value in answers.items():
        text = value.text or value.other
        answer = Answer(
            response=response,
            survey_id=survey.pk,
            question_key=key,
            number=value.number,
            date=value.date,
            text=text,
            quote_status=QuoteStatus.PENDING if text else "",
        )
        common = {"survey_id": survey.pk, "question_key": key}
        answer._choices = (
            [AnswerChoice(option_key=option, **common) for option in value.options]
            + [
                AnswerChoice(row_key=row, option_key=option, **common)
                for row, option in value.rows.items()
            ]
            + [
                AnswerChoice(option_key=option, rank=rank, **common)
                for option, rank in value.ranks.items()
            ]
        )
        rows.append(answer)
    return rows


def _write_answers(survey: SurveyPage, pairs: list[tuple[Response, dict]]) -> None:
    """Answers and choices of already saved responses, in two bulk inserts."""
    answers = [answer for response, values in pairs for answer in _rows(survey, response, values)]
    Answer.objects.bulk_create(answers)
    choices = []
    for answer in answers:
        for choice in answer._choices:
            choice.answer = answer
            choices.append(choice)
    AnswerChoice.objects.bulk_create(choices)


def _check_participant(survey: SurveyPage, participant: Participant) -> None:
    if participant.is_blocked:
        raise SurveyRefused(
            _("Ihre Teilnahme ist gesperrt. Bei Fragen wenden Sie sich bitte an die Moderation.")
        )
    if survey.access == Access.ACCOUNT and not participant.is_registered:
        raise SurveyRefused(_("Für diese Umfrage brauchen Sie ein Konto."))
    availability = survey_availability(survey)
    if not availability.is_open:
        raise SurveyRefused(availability.message)


def response_submit(
    *,
    survey: SurveyPage,
    participant: Participant | None,
    answers: dict[str, AnswerValue],
    source: str = Source.ONLINE,
    entered_by=None,
) -> Response:
    """Stores one response with its answers, atomically.

    Online: one response per participant (a database constraint, also under parallel
    submissions); a second one raises AlreadyAnswered, or replaces the answers in place when
    the survey allows editing until it closes. Paper and workshop responses (entered by
    staff) have no participant and are accepted whatever the survey's dates."""
    schema = survey.schema
    shown = _shown_answers(schema, answers, source)
    if source == Source.ONLINE:
        if participant is None:
            raise SurveyRefused(str(NO_PARTICIPANT))
        _check_participant(survey, participant)
        existing = Response.objects.filter(survey=survey, participant=participant).first()
        if existing is not None:
            if not survey.allow_edit:
                raise AlreadyAnswered(existing)
            with transaction.atomic():
                Answer.objects.filter(response=existing).delete()
                existing.save(update_fields=["updated_at"])
                _write_answers(survey, [(existing, shown)])
            survey_results_changed(survey.pk)
            return existing
    response = Response(
        survey=survey,
        participant=participant if source == Source.ONLINE else None,
        source=source,
        entered_by=entered_by,
    )
    try:
        with transaction.atomic():
            response.save()
            _write_answers(survey, [(response, shown)])
    except IntegrityError:
        # The same participant's other request stored its response first.
        existing = Response.objects.filter(survey=survey, participant=participant).first()
        if existing is None:
            raise
        raise AlreadyAnswered(existing) from None
    survey_results_changed(survey.pk)
    return response


@dataclass(frozen=True)
class ResponseData:
    """One response for bulk entry (imports, the demo)."""

    answers: dict[str, AnswerValue]
    source: str = Source.PAPER
    participant: Participant | None = None
    entered_by: object = None
    submitted_at: datetime | None = None


def responses_bulk_create(
    *, survey: SurveyPage, responses: Iterable[ResponseData]
) -> list[Response]:
    """Many responses at once, in three bulk inserts; answers are checked like single ones."""
    schema = survey.schema
    pairs = []
    for data in responses:
        if data.source == Source.ONLINE and data.participant is None:
            raise SurveyRefused(str(NO_PARTICIPANT))
        response = Response(
            survey=survey,
            participant=data.participant,
            source=data.source,
            entered_by=data.entered_by,
            submitted_at=data.submitted_at or timezone.now(),
        )
        pairs.append((response, _shown_answers(schema, data.answers, data.source)))
    with transaction.atomic():
        Response.objects.bulk_create([response for response, _values in pairs])
        _write_answers(survey, pairs)
    survey_results_changed(survey.pk)
    return [response for response, _values in pairs]


def responses_delete(*, participant: Participant) -> None:
    """Deletes the participant's responses (erasure of a person's data); their surveys'
    cached results are stale from now on."""
    responses = Response.objects.filter(participant=participant)
    for survey_id in set(responses.values_list("survey_id", flat=True)):
        survey_results_changed(survey_id)
    responses.delete()
