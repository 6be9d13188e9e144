"""The survey question block (chart and table from the survey results) and the quotes
block's rule: only published comments and approved survey text answers may be quoted."""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks.struct_block import StructBlockValidationError

from participation.contributions.models import Status
from participation.summaries.blocks import QuotedItemBlock, SurveyQuestionBlock
from participation.surveys.models import Answer, AnswerChoice, QuoteStatus, Response, Source
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory
from tests.participation.summaries import factories as blocks
from tests.participation.summaries.factories import SummaryPageFactory, publish
from tests.participation.surveys.factories import SurveyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(consultation):
    return SurveyPageFactory(parent=consultation, title="Umfrage Innenstadt")


def respond(survey, *, ortsteil: str, idee: str = "", quote_status: str = "", name: str = ""):
    schema = survey.schema
    participant = ParticipantFactory(guest_name=name)
    response = Response.objects.create(survey=survey, participant=participant)
    question = schema.by_code("ortsteil")
    answer = Answer.objects.create(response=response, survey=survey, question_key=question.key)
    option = next(option for option in question.options if option.code == ortsteil)
    AnswerChoice.objects.create(
        answer=answer, survey=survey, question_key=question.key, option_key=option.key
    )
    if idee:
        return Answer.objects.create(
            response=response,
            survey=survey,
            question_key=schema.by_code("idee").key,
            text=idee,
            quote_status=quote_status,
        )
    return answer


def test_survey_question_block_shows_chart_and_table_and_freezes(client, survey):
    respond(survey, ortsteil="innenstadt")
    respond(survey, ortsteil="innenstadt")
    respond(survey, ortsteil="hundisburg")
    page = publish(
        SummaryPageFactory(
            parent=survey.get_parent(), body=[blocks.survey_question(survey, "ortsteil")]
        )
    )
    respond(survey, ortsteil="hundisburg")

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    section = soup.find("h2", string="Aus der Umfrage „Umfrage Innenstadt“").find_parent("section")

    assert section.find("svg")
    table = " ".join(section.find("table").get_text(" ").split())
    assert "Innenstadt 2" in table
    assert "Hundisburg 1" in table
    assert "In welchem Ortsteil wohnen Sie?" in section.get_text()

    page = publish(page)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "Hundisburg 2" in " ".join(soup.find("table").get_text(" ").split())


def test_survey_question_block_refuses_an_unknown_question(survey):
    block = SurveyQuestionBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"survey": survey.pk, "question": "gibt-es-nicht"}))

    assert "question" in error.value.block_errors


def clean_quote(kind: str, number: int):
    block = QuotedItemBlock()
    return block.clean(block.to_python({"kind": kind, "number": number}))


def test_a_published_comment_may_be_quoted(consultation):
    comment = CommentFactory(target=consultation)

    assert clean_quote("comment", comment.pk)["number"] == comment.pk


@pytest.mark.parametrize("status", [Status.PENDING, Status.HIDDEN, Status.REJECTED])
def test_an_unpublished_comment_may_not_be_quoted(consultation, status):
    comment = CommentFactory(target=consultation, status=status)

    with pytest.raises(StructBlockValidationError) as error:
        clean_quote("comment", comment.pk)

    assert "veröffentlichte" in str(error.value.block_errors["number"])


def test_a_missing_comment_may_not_be_quoted(db):
    with pytest.raises(StructBlockValidationError):
        clean_quote("comment", 999999)


def test_an_approved_text_answer_may_be_quoted(survey):
    answer = respond(
        survey, ortsteil="innenstadt", idee="Mehr Grün!", quote_status=QuoteStatus.APPROVED
    )

    assert clean_quote("answer", answer.pk)["number"] == answer.pk


@pytest.mark.parametrize("quote_status", ["", QuoteStatus.PENDING, QuoteStatus.REJECTED])
def test_an_unapproved_text_answer_may_not_be_quoted(survey, quote_status):
    answer = respond(survey, ortsteil="innenstadt", idee="Mehr Grün!", quote_status=quote_status)

    with pytest.raises(StructBlockValidationError) as error:
        clean_quote("answer", answer.pk)

    assert "freigegeben" in str(error.value.block_errors["number"])


def test_quoted_survey_answer_shows_name_and_links_to_the_survey(client, survey):
    answer = respond(
        survey,
        ortsteil="innenstadt",
        idee="Ein Brunnen auf dem Markt.",
        quote_status=QuoteStatus.APPROVED,
        name="Marta",
    )
    page = publish(
        SummaryPageFactory(parent=survey.get_parent(), body=[blocks.quotes(("answer", answer.pk))])
    )

    quote = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(
        "figure.summary-quote"
    )

    assert "Ein Brunnen auf dem Markt." in quote.blockquote.get_text()
    assert "Marta" in quote.figcaption.get_text()
    assert quote.figcaption.find("a")["href"] == survey.url


def test_a_paper_answer_is_quoted_with_its_source(client, survey):
    response = Response.objects.create(survey=survey, source=Source.PAPER)
    answer = Answer.objects.create(
        response=response,
        survey=survey,
        question_key=survey.schema.by_code("idee").key,
        text="Sitzbänke!",
        quote_status=QuoteStatus.APPROVED,
    )
    page = publish(
        SummaryPageFactory(parent=survey.get_parent(), body=[blocks.quotes(("answer", answer.pk))])
    )

    caption = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(
        "figure.summary-quote figcaption"
    )

    assert "Papier" in caption.get_text()


def test_quote_sources_load_the_quoted_answers_in_one_query(survey, django_assert_max_num_queries):
    from participation.summaries.selectors import quote_sources

    approved = [
        respond(survey, ortsteil="innenstadt", idee=f"Idee {n}", quote_status=QuoteStatus.APPROVED)
        for n in range(3)
    ]
    pending = respond(survey, ortsteil="innenstadt", idee="Noch offen")
    items = [{"kind": "answer", "id": answer.pk} for answer in [*approved, pending]]

    with django_assert_max_num_queries(2):  # the answers, and the site for the survey's url
        sources = quote_sources(items)

    assert [source["id"] for source in sources] == [answer.pk for answer in approved]
    assert {source["url"] for source in sources} == {survey.url}
