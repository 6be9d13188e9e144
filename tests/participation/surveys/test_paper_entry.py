"""Staff enter paper and workshop questionnaires in the admin."""

import pytest
from django.urls import reverse

from participation.accounts import roles
from participation.surveys.models import Answer, Response, Source
from tests.participation.accounts.factories import UserFactory
from tests.participation.surveys.conftest import valid_steps

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.MODERATORS], verified=True)


def entry_url(survey) -> str:
    return reverse("surveys_paper_entry", args=[survey.pk])


def all_answers(keys) -> dict:
    data = {}
    for step in valid_steps(keys):
        data.update(step)
    data.pop("aktion")
    return data


@pytest.mark.parametrize("role", ["editor", "planner"])
def test_editors_and_planners_may_not_enter_paper_forms(client, survey, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(entry_url(survey)).status_code == 403
    assert client.post(entry_url(survey), {"source": "paper"}).status_code == 403
    assert Response.objects.count() == 0


def test_moderator_enters_a_paper_form(client, survey, keys, moderator):
    client.force_login(moderator)
    page = client.get(entry_url(survey))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Wie kommen Sie in die Innenstadt?" in content and "Ihr Lieblingsort?" in content
    response = client.post(entry_url(survey), {**all_answers(keys), "source": Source.WORKSHOP})
    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.source, stored.participant, stored.entered_by) == (
        Source.WORKSHOP,
        None,
        moderator,
    )
    assert Answer.objects.filter(response=stored).count() == 11


def test_paper_forms_may_have_gaps_but_not_wrong_values(client, survey, keys, moderator):
    client.force_login(moderator)
    # A blank questionnaire is stored (required questions may be empty on paper).
    assert client.post(entry_url(survey), {"source": Source.PAPER}).status_code == 302
    wrong = {"source": Source.PAPER, f"q-{keys['wege'].key}": "viele"}
    response = client.post(entry_url(survey), wrong)
    assert response.status_code == 400
    assert "Bitte geben Sie eine Zahl ein" in response.content.decode()
    assert Response.objects.count() == 1


def test_paper_entry_is_linked_from_the_admin_menu_and_survey_list(client, survey, moderator):
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("surveys_paper_surveys") in dashboard
    listing = client.get(reverse("surveys_paper_surveys"))
    assert listing.status_code == 200 and entry_url(survey) in listing.content.decode()


def test_survey_page_actions_link_paper_entry_for_those_allowed(client, survey, editor):
    """The editor edits the survey (the admin is usable) but sees no paper entry."""
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[survey.pk]))
    assert edit.status_code == 200 and entry_url(survey) not in edit.content.decode()
    assert client.get(reverse("surveys_paper_surveys")).status_code == 403
    editor.is_superuser = True
    editor.save()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[survey.pk]))
    assert entry_url(survey) in edit.content.decode()
