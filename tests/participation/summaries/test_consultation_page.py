"""The consultation page shows its published report prominently once the results phase
has begun, and not before."""

import pytest
from bs4 import BeautifulSoup

from tests.participation.summaries.factories import SummaryPageFactory, publish

pytestmark = pytest.mark.django_db


def teaser(client, consultation):
    response = client.get(consultation.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".summary-teaser")


def test_the_report_is_shown_in_the_results_phase(client, results_consultation):
    page = publish(SummaryPageFactory(parent=results_consultation, title="Was wir gehört haben"))

    box = teaser(client, results_consultation)

    assert box.find("a", string="Was wir gehört haben")["href"] == page.url
    assert "Stand:" in box.get_text()


def test_the_report_is_not_shown_before_the_results_phase(client, consultation):
    publish(SummaryPageFactory(parent=consultation))

    assert teaser(client, consultation) is None


def test_an_unpublished_report_is_not_shown(client, results_consultation):
    page = publish(SummaryPageFactory(parent=results_consultation))
    page.unpublish()

    assert teaser(client, results_consultation) is None


def test_the_report_adds_one_query_to_the_consultation_page(
    client, results_consultation, queries_for
):
    without = queries_for(results_consultation.url)
    publish(SummaryPageFactory(parent=results_consultation))

    assert queries_for(results_consultation.url) <= without + 1
