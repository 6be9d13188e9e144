"""One definition of a consultation's key figures: the planners' dashboard, the exports and the
result report count the same things, in total and per phase."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from participation.contributions.models import Status
from participation.exports import selectors
from participation.exports.selectors import KeyFigures
from participation.surveys.models import Response, Source
from tests.participation.consultations.factories import ConsultationPageFactory, TopicPageFactory
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    VoteFactory,
)
from tests.participation.summaries import factories as report_blocks
from tests.participation.summaries.factories import (
    SummaryPageFactory,
    figures_frozen_before_the_split,
    publish,
)
from tests.participation.surveys.factories import SurveyPageFactory

pytestmark = pytest.mark.django_db


def days(offset: int) -> date:
    return timezone.localdate() + timedelta(days=offset)


def backdate(instance, field: str, offset: int) -> None:
    setattr(instance, field, timezone.now() + timedelta(days=offset))
    instance.save(update_fields=[field])


def test_key_figures_count_what_the_exports_count(world):
    pending_author, hidden_author = ParticipantFactory(), ParticipantFactory()
    CommentFactory(target=world.topic, participant=pending_author, status=Status.PENDING)
    CommentFactory(target=world.topic, participant=hidden_author, status=Status.HIDDEN)

    figures = selectors.consultation_key_figures(world.consultation)

    # Five visible comments and the pending one; hidden, rejected and deleted ones do not
    # count, nor the vote on the hidden comment, the hidden thread or the hidden comment's
    # author (who did nothing else).
    assert figures.comments == 6
    assert figures.threads == 1
    assert (figures.votes, figures.supports) == (2, 2)
    assert (figures.survey_responses, figures.paper_responses) == (2, 1)
    assert (figures.participants_registered, figures.participants_anonymous) == (1, 3)
    assert figures.participants == 4


def test_key_figures_ignore_other_consultations(world, home_page):
    other = ConsultationPageFactory(parent=home_page)
    other_topic = TopicPageFactory(parent=other)
    VoteFactory(target=CommentFactory(target=other_topic))
    VoteFactory(target=other_topic)
    Response.objects.create(
        survey=SurveyPageFactory(parent=other), participant=ParticipantFactory()
    )

    figures = selectors.consultation_key_figures(world.consultation)

    assert (figures.comments, figures.votes, figures.supports) == (5, 2, 2)
    assert (figures.survey_responses, figures.participants) == (2, 3)


def test_key_figures_by_phase_follow_the_day_things_came_in(home_page):
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[
            {"name": "Zweite Runde", "start": days(-10), "end": days(5)},
            {"name": "Erste Runde", "start": days(-20), "end": days(-11)},
        ],
    )
    topic = TopicPageFactory(parent=consultation)
    survey = SurveyPageFactory(parent=consultation)
    backdate(CommentFactory(target=topic), "created_at", -15)
    backdate(VoteFactory(target=topic), "created_at", -15)
    backdate(Response.objects.create(survey=survey, source=Source.PAPER), "submitted_at", -12)
    VoteFactory(target=CommentFactory(target=topic))
    CommentFactory(target=topic)
    VoteFactory(target=topic)
    Response.objects.create(survey=survey, participant=ParticipantFactory())

    figures = selectors.consultation_key_figures(consultation)

    assert [
        (phase.name, phase.comments, phase.votes, phase.supports, phase.survey_responses)
        for phase in figures.phases
    ] == [("Erste Runde", 1, 0, 1, 1), ("Zweite Runde", 2, 1, 1, 1)]
    assert [phase.contributions for phase in figures.phases] == [3, 5]
    assert sum(phase.votes for phase in figures.phases) == figures.votes
    assert sum(phase.supports for phase in figures.phases) == figures.supports


def test_key_figures_survive_the_round_trip_through_json(world):
    figures = selectors.consultation_key_figures(world.consultation)

    assert figures.phases
    assert KeyFigures.from_dict(figures.to_dict()) == figures


def test_figures_frozen_before_the_split_read_as_not_recorded():
    frozen = figures_frozen_before_the_split()

    figures = KeyFigures.from_dict(frozen)

    assert (figures.participants, figures.comments, figures.survey_responses) == (5, 3, 4)
    assert figures.participants_registered is figures.participants_anonymous is None
    assert figures.paper_responses is None
    (phase,) = figures.phases
    assert (phase.start, phase.end, phase.comments) == (date(2026, 3, 1), date(2026, 4, 30), 3)
    assert phase.supports is None


def test_key_figures_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    for _ in range(20):
        VoteFactory(target=CommentFactory(target=world.topic))

    with django_assert_max_num_queries(6):
        selectors.consultation_key_figures(world.consultation)


def test_the_dashboard_and_the_result_report_show_the_same_key_figures(client, world):
    block = report_blocks.key_figures()
    summary = publish(SummaryPageFactory(parent=world.consultation, body=[block]))

    board = selectors.dashboard(world.consultation)

    assert KeyFigures.from_dict(summary.frozen_figures[block["id"]]) == board.figures
    soup = BeautifulSoup(client.get(summary.url).content, "html.parser")
    text = " ".join(soup.find("h2", string="Beteiligung in Zahlen").parent.get_text(" ").split())
    figures = board.figures
    for label, value in [
        ("Teilnehmende", figures.participants),
        ("Kommentare und Antworten", figures.comments),
        ("Forenbeiträge", figures.threads),
        ("Stimmen zu Kommentaren", figures.votes),
        ("Unterstützungen", figures.supports),
        ("Umfrage-Antwortbögen", figures.survey_responses),
    ]:
        assert f"{label} {value}" in text
    assert f"mit Benutzerkonto: {figures.participants_registered}," in text
    assert f"ohne Konto: {figures.participants_anonymous}." in text
    assert f"Papier oder aus Workshops: {figures.paper_responses}." in text
