"""Staff roles are Wagtail groups; what each role may do in the admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from participation.accounts import roles
from participation.consultations.models import TopicPage
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


def add_topic_url(consultation) -> str:
    return f"/admin/pages/add/consultations/topicpage/{consultation.pk}/"


def new_topic_post(**extra) -> dict:
    return nested_form_data(
        {
            "title": "Sport und Bewegung",
            "slug": "sport-und-bewegung",
            "teaser": "Wo wollen Sie sich bewegen?",
            "image": "",
            "body": streamfield([("paragraph", rich_text("<p>Neue Sportplätze am Ohreufer.</p>"))]),
            "key_figures": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_the_three_role_groups_exist_after_migrations():
    names = set(Group.objects.values_list("name", flat=True))

    assert {roles.EDITORS, roles.MODERATORS, roles.PLANNERS} <= names
    assert {"Redaktion", "Moderation", "Planung"} <= names


def test_wagtails_english_default_groups_are_removed():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.parametrize("role", [roles.EDITORS, roles.MODERATORS, roles.PLANNERS])
def test_every_role_can_open_the_admin(client, role):
    client.force_login(UserFactory(roles=[role]))

    assert client.get("/admin/").status_code == 200


def test_editor_can_open_the_form_for_a_new_topic(client, editor, consultation):
    client.force_login(editor)

    assert client.get(add_topic_url(consultation)).status_code == 200


def test_editor_can_publish_a_new_topic(client, editor, consultation):
    client.force_login(editor)

    response = client.post(
        add_topic_url(consultation), new_topic_post(**{"action-publish": "action-publish"})
    )

    assert response.status_code == 302
    topic = TopicPage.objects.get(slug="sport-und-bewegung")
    assert topic.live
    assert topic.get_parent().pk == consultation.pk
    assert topic.owner == editor


def test_editor_can_edit_an_existing_topic(client, editor, consultation):
    topic = TopicPageFactory(parent=consultation)
    client.force_login(editor)

    assert client.get(f"/admin/pages/{topic.pk}/edit/").status_code == 200


def test_planner_cannot_add_pages(client, planner, consultation):
    client.force_login(planner)

    assert client.get(add_topic_url(consultation)).status_code in (302, 403)
    response = client.post(add_topic_url(consultation), new_topic_post())
    assert response.status_code in (302, 403)
    assert not TopicPage.objects.filter(slug="sport-und-bewegung").exists()


def test_planner_cannot_edit_pages(client, planner, consultation):
    topic = TopicPageFactory(parent=consultation)
    client.force_login(planner)

    assert client.get(f"/admin/pages/{topic.pk}/edit/").status_code in (302, 403)


def test_citizen_is_sent_to_the_login_page_from_the_admin(client, citizen):
    client.force_login(citizen)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/login/" in response.url


def test_anonymous_visitor_is_sent_to_the_login_page_from_the_admin(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/login/" in response.url
