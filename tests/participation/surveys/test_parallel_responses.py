"""Parallel submissions of one participant leave exactly one response (PostgreSQL only)."""

import pytest
from django.db import connection

from participation.surveys import services
from participation.surveys.answers import AnswerValue
from participation.surveys.models import Answer, Response
from tests.participation.contributions.factories import ParticipantFactory
from tests.participation.contributions.test_parallel_writes import run_at_once

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="parallel writes need PostgreSQL (DATABASE_URL); SQLite serialises all writers",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_parallel_submissions_store_one_response(survey, keys):
    participant = ParticipantFactory()
    answers = {
        keys["ortsteil"].key: AnswerValue(options=(keys[("ortsteil", "hundisburg")],)),
        keys["verkehrsmittel"].key: AnswerValue(options=(keys[("verkehrsmittel", "bus")],)),
    }
    outcomes = []

    def submit(_number: int) -> None:
        try:
            services.response_submit(survey=survey, participant=participant, answers=answers)
            outcomes.append("stored")
        except services.AlreadyAnswered as already:
            outcomes.append(already.response.pk)

    run_at_once(8, submit)
    response = Response.objects.get(survey=survey, participant=participant)
    assert outcomes.count("stored") == 1
    assert sorted(set(outcomes) - {"stored"}) in ([], [response.pk])
    assert Answer.objects.filter(response=response).count() == 2
