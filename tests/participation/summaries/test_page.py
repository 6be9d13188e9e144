"""The published report: every block renders, figures freeze on publishing, the preview is
live, and the page runs a bounded number of queries."""

import pytest
from bs4 import BeautifulSoup

from participation.summaries.models import SummaryPage
from tests.participation.contributions.factories import CommentFactory, VoteFactory
from tests.participation.summaries import factories as blocks
from tests.participation.summaries.conftest import reload
from tests.participation.summaries.factories import (
    SummaryPageFactory,
    figures_frozen_before_the_split,
    publish,
)

pytestmark = pytest.mark.django_db


def every_block(world) -> list[dict]:
    return [
        blocks.key_figures(),
        blocks.support_ranking(),
        blocks.categories(),
        blocks.heatmap(world["concept"]),
        blocks.quotes(("comment", world["comments"][0].pk)),
        blocks.text("<p>Die Moderation dankt allen Beteiligten.</p>"),
    ]


@pytest.fixture
def summary(world):
    page = SummaryPageFactory(parent=world["consultation"], body=every_block(world))
    return publish(page)


def soup_of(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def block_text(soup: BeautifulSoup, heading: str) -> str:
    section = soup.find("h2", string=heading).find_parent("section")
    return " ".join(section.get_text(" ").split())


def test_key_figures_block_shows_totals_and_phases(client, summary):
    text = block_text(soup_of(client, summary), "Beteiligung in Zahlen")

    assert "Teilnehmende 3" in text
    assert "Kommentare und Antworten 3" in text
    assert "Unterstützungen 2" in text
    assert "Online-Beteiligung" in text


def test_key_figures_block_shows_the_split_of_participants_and_responses(client, summary):
    text = block_text(soup_of(client, summary), "Beteiligung in Zahlen")

    # Anna and Karl took part as guests, the thread's author too; no survey responses.
    assert "Teilnehmende mit Benutzerkonto: 0, ohne Konto: 3." in text
    assert "Papier" not in text


def test_key_figures_frozen_by_an_earlier_version_still_render(client, summary):
    block_id = next(str(child.id) for child in summary.body if child.block_type == "key_figures")
    frozen = figures_frozen_before_the_split()
    SummaryPage.objects.filter(pk=summary.pk).update(
        frozen_figures={**summary.frozen_figures, block_id: frozen}
    )

    soup = soup_of(client, reload(summary))
    text = block_text(soup, "Beteiligung in Zahlen")

    assert "Teilnehmende 5" in text and "Umfrage-Antwortbögen 4" in text
    assert "Benutzerkonto" not in text  # not recorded then: not shown
    section = soup.find("h2", string="Beteiligung in Zahlen").find_parent("section")
    row = " ".join(section.select_one("table tbody tr").get_text(" ").split())
    assert row == "Online-Beteiligung 1. 3. 2026 – 30. 4. 2026 3 1 1 – 4"


def test_support_ranking_block_lists_topics_and_threads_with_links(client, summary, world):
    soup = soup_of(client, summary)
    text = block_text(soup, "Meiste Unterstützung")

    assert "1. Wohnen und Altstadt 1" in text
    assert "1. Ein Bus am Sonntag 1" in text
    assert soup.find("a", string="Wohnen und Altstadt")["href"] == world["topic"].url


def test_category_block_draws_a_chart_with_its_table(client, summary):
    soup = soup_of(client, summary)
    section = soup.find("h2", string="Beiträge nach Themen").find_parent("section")

    assert section.find("svg")
    rows = [" ".join(row.get_text(" ").split()) for row in section.select("table tbody tr")]
    assert rows == ["Innenstadt 2", "Radverkehr 2"]


def test_heatmap_block_shows_colour_number_and_table(client, summary):
    soup = soup_of(client, summary)
    section = soup.find("h2", string="Wo diskutiert wurde").find_parent("section")

    cells = section.select("li.heatmap__paragraph")
    assert [cell["class"][-1] for cell in cells] == ["heat-0", "heat-5"]
    assert "1 Kommentar" in cells[1].get_text()
    rows = [" ".join(row.get_text(" ").split()) for row in section.select("table tbody tr")]
    assert rows[1].endswith("1")


def test_quotes_block_quotes_with_public_name_and_link_to_the_original(client, summary, world):
    soup = soup_of(client, summary)
    quote = soup.select_one("figure.summary-quote")

    assert "Mehr Bänke am Markt." in quote.blockquote.get_text()
    assert "Anna" in quote.figcaption.get_text()
    link = quote.figcaption.find("a")["href"]
    assert link.startswith(world["topic"].url)
    assert f"#kommentar-{world['comments'][0].pk}" in link


def test_text_block_renders_rich_text(client, summary):
    assert "Die Moderation dankt allen Beteiligten." in soup_of(client, summary).get_text()


def test_published_report_shows_the_date_of_its_figures(client, summary):
    status = soup_of(client, summary).select_one(".summary-status").get_text()

    assert status.startswith("Stand:")
    assert summary.frozen_at is not None


def test_publishing_freezes_figures_and_republishing_refreshes_them(client, summary, world):
    CommentFactory(target=world["topic"], text="Ein später Kommentar.")
    VoteFactory(target=world["topic"])

    text = block_text(soup_of(client, summary), "Beteiligung in Zahlen")
    assert "Kommentare und Antworten 3" in text
    assert "Unterstützungen 2" in text

    first_freeze = summary.frozen_at
    summary = publish(summary)

    text = block_text(soup_of(client, summary), "Beteiligung in Zahlen")
    assert "Kommentare und Antworten 4" in text
    assert "Unterstützungen 3" in text
    assert summary.frozen_at > first_freeze


def test_preview_shows_live_figures(summary, world):
    CommentFactory(target=world["topic"], text="Ein später Kommentar.")

    response = summary.make_preview_request()

    assert response.status_code == 200
    soup = BeautifulSoup(response.render().content, "html.parser")
    assert "Kommentare und Antworten 4" in block_text(soup, "Beteiligung in Zahlen")
    assert "Vorschau" in soup.select_one(".summary-status").get_text()
    assert reload(summary).frozen_figures == summary.frozen_figures


def test_a_quoted_comment_hidden_later_disappears_from_the_report(client, summary, world):
    world["comments"][0].status = "hidden"
    world["comments"][0].save()

    soup = soup_of(client, summary)

    assert "Mehr Bänke am Markt." not in soup.get_text()
    assert "nicht mehr öffentlich" in block_text(soup, "Stimmen aus der Beteiligung")


def test_copying_a_report_does_not_copy_its_frozen_figures(summary, world):
    copy = summary.copy(
        update_attrs={"slug": "kopie", "title": "Kopie"}, to=world["consultation"], keep_live=False
    )

    assert SummaryPage.objects.get(pk=copy.pk).frozen_figures == {}


def test_the_published_report_takes_a_bounded_number_of_queries(
    client, summary, world, django_assert_max_num_queries
):
    for _ in range(30):
        VoteFactory(target=CommentFactory(target=world["topic"]))
    summary = publish(summary)
    client.get(summary.url)

    with django_assert_max_num_queries(16):
        assert client.get(summary.url).status_code == 200


def test_a_ranked_thread_hidden_later_leaves_the_ranking(client, summary, world):
    world["thread"].status = "hidden"
    world["thread"].save()

    text = block_text(soup_of(client, summary), "Meiste Unterstützung")

    assert "Ein Bus am Sonntag" not in text
    assert "Wohnen und Altstadt" in text
