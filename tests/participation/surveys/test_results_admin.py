import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.accounts import roles
from participation.surveys.models import ResultsVisibility, Source
from tests.participation.accounts.factories import UserFactory
from tests.participation.surveys.factories import SurveyPageFactory
from tests.participation.surveys.responses import Quote, add_responses


@pytest.fixture
def survey(consultation):
    survey = SurveyPageFactory(parent=consultation, results_visibility=ResultsVisibility.NEVER)
    add_responses(
        survey,
        [
            {"ortsteil": "innenstadt", "alter": "18–29", "radweg": "yes", "wege": 4},
            {
                "ortsteil": "innenstadt",
                "radweg": "no",
                "idee": Quote("Privat: Tel. 0391 1", "pending"),
            },
            {"ortsteil": "hundisburg", "radweg": "yes", "aussagen": {"Mehr Grün": "teils"}},
        ],
    )
    add_responses(survey, [{"ortsteil": "hundisburg", "radweg": "no"}], source=Source.WORKSHOP)
    return survey


def _url(survey) -> str:
    return f"/admin/umfragen/{survey.pk}/ergebnisse/"


def _text(html: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("role", [roles.PLANNERS, roles.MODERATORS])
def test_staff_with_the_permission_see_results_even_if_never_public(client, survey, role):
    client.force_login(UserFactory(roles=[role], verified=True))
    response = client.get(_url(survey))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Antwortbögen insgesamt" in html and "Workshop" in html
    assert "Antwortbögen pro Tag" in html
    assert "Fehlt Ihnen ein sicherer Radweg?" in html
    assert "0391" not in html  # text answers: counted, never shown here


def test_editors_without_the_permission_are_refused(client, survey, editor):
    client.force_login(editor)
    assert client.get(_url(survey)).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, survey):
    response = client.get(_url(survey))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_breakdown_by_a_demographic_question(client, survey, planner):
    client.force_login(planner)
    ortsteil = survey.schema.by_code("ortsteil").key
    html = client.get(_url(survey), {"gruppe": ortsteil}).content.decode()
    text = _text(html)
    assert "Aufgeschlüsselt nach: In welchem Ortsteil wohnen Sie?" in text
    assert "Innenstadt 2" in text and "Hundisburg 2" in text
    assert "Fehlt Ihnen ein sicherer Radweg? – nach In welchem Ortsteil wohnen Sie?" in html
    # Innenstadt: 1 yes, 1 no → 50 % each, in the stacked chart's table.
    assert 'Innenstadt</th><td class="number">1 <span class="chart__share">(50,0\u00a0%)' in html
    assert html.count("<svg") >= 3
    # The group question is not broken down by itself.
    assert "In welchem Ortsteil wohnen Sie? – nach" not in html


def test_breakdown_with_a_source_filter_and_by_source(client, survey, planner):
    client.force_login(planner)
    ortsteil = survey.schema.by_code("ortsteil").key
    text = _text(
        client.get(_url(survey), {"gruppe": ortsteil, "quelle": "online"}).content.decode()
    )
    assert "Hundisburg 1" in text
    text = _text(client.get(_url(survey), {"gruppe": "quelle"}).content.decode())
    assert "Aufgeschlüsselt nach: Quelle" in text
    assert "online 3" in text and "Papier 0" in text and "Workshop 1" in text


def test_unknown_breakdown_is_ignored(client, survey, planner):
    client.force_login(planner)
    assert client.get(_url(survey), {"gruppe": "nope"}).status_code == 200


def test_breakdown_query_count_is_bounded(client, survey, planner):
    client.force_login(planner)
    ortsteil = survey.schema.by_code("ortsteil").key
    client.get(_url(survey), {"gruppe": ortsteil})
    with CaptureQueriesContext(connection) as small:
        client.get(_url(survey), {"gruppe": ortsteil})
    add_responses(survey, [{"ortsteil": "innenstadt", "radweg": "yes"}] * 500)
    with CaptureQueriesContext(connection) as large:
        client.get(_url(survey), {"gruppe": ortsteil})
    assert len(small) == len(large) <= 40


def test_menu_and_index_lead_staff_without_page_rights_to_the_results(client, survey, planner):
    client.force_login(planner)
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/umfragen/" in dashboard
    index = client.get("/admin/umfragen/")
    assert index.status_code == 200
    assert _url(survey) in index.content.decode()
    assert f"{survey.title}</a>" in index.content.decode()


def test_index_is_refused_without_the_permission(client, survey, editor):
    client.force_login(editor)
    assert client.get("/admin/umfragen/").status_code == 403
    assert "/admin/umfragen/" not in client.get("/admin/").content.decode()


def test_page_listing_and_header_link_to_the_results(client, survey, admin_user):
    client.force_login(admin_user)
    listing = client.get(f"/admin/pages/{survey.get_parent().pk}/").content.decode()
    assert _url(survey) in listing
    edit = client.get(f"/admin/pages/{survey.pk}/edit/").content.decode()
    assert _url(survey) in edit
