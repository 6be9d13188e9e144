"""Parallel submissions of one participant leave exactly one response (PostgreSQL only)."""

from participation.surveys import services
from participation.surveys.answers import AnswerValue
from participation.surveys.models import Answer, Response
from tests.parallel import PARALLEL_WRITES, run_at_once
from tests.participation.contributions.factories import ParticipantFactory

pytestmark = PARALLEL_WRITES


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
