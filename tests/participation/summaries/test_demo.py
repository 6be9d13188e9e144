"""`seed_demo` publishes a result report for the ISEK consultation."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from participation.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary():
    call_command("seed_demo", stdout=io.StringIO())
    return SummaryPage.objects.get()


def test_the_demo_report_is_published_with_frozen_figures(summary):
    assert summary.live
    assert summary.frozen_at is not None
    assert summary.get_parent().slug == "isek-2035"
    kinds = [child.block_type for child in summary.body]
    assert {"key_figures", "categories", "heatmap", "quotes", "text"} <= set(kinds)
    key_figures = next(child for child in summary.body if child.block_type == "key_figures")
    assert summary.frozen_figures[str(key_figures.id)]["comments"] > 20


def test_the_demo_report_quotes_two_published_comments(summary, client):
    soup = BeautifulSoup(client.get(summary.url).content, "html.parser")

    quotes = soup.select("figure.summary-quote")
    assert len(quotes) == 2
    assert all(quote.figcaption.find("a") for quote in quotes)
