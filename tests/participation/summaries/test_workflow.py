"""The approval workflow "Moderierte Zusammenfassung": Moderation writes and submits a report,
the Amtsleitung approves (published, figures frozen) or rejects it with a comment (not
published). Moderation may not touch any other page."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from participation.accounts import roles
from participation.consultations.models import TopicPage
from participation.summaries.models import SummaryPage
from tests.participation.accounts.factories import UserFactory
from tests.participation.accounts.test_roles import add_topic_url, new_topic_post
from tests.participation.consultations.factories import TopicPageFactory
from tests.participation.contributions.factories import CommentFactory
from tests.participation.summaries.conftest import reload
from tests.test_permissions import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.MODERATORS], verified=True)


@pytest.fixture
def reviewer(db):
    return UserFactory(roles=[roles.REVIEWERS], verified=True)


def add_summary_url(consultation) -> str:
    return f"/admin/pages/add/summaries/summarypage/{consultation.pk}/"


def summary_post(**extra) -> dict:
    return nested_form_data(
        {
            "title": "Ergebnisbericht ISEK",
            "slug": "ergebnisbericht",
            "intro": "Was die Beteiligung ergeben hat.",
            "body": streamfield(
                [
                    ("key_figures", {"heading": "Beteiligung in Zahlen", "by_phase": "on"}),
                    ("text", rich_text("<p>Vielen Dank an alle Beteiligten.</p>")),
                ]
            ),
            "comments": inline_formset([]),
            **extra,
        }
    )


def submit_summary(client, consultation) -> SummaryPage:
    response = client.post(
        add_summary_url(consultation), summary_post(**{"action-submit": "action-submit"})
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    return SummaryPage.objects.get(slug="ergebnisbericht")


def workflow_action_url(page: SummaryPage, action: str) -> str:
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def test_the_migration_creates_group_task_and_workflow_for_reports():
    workflow = Workflow.objects.get(name="Moderierte Zusammenfassung")
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)

    assert workflow.active
    assert list(task.groups.values_list("name", flat=True)) == [roles.REVIEWERS]
    assert (
        WorkflowContentType.objects.get(
            content_type=ContentType.objects.get_for_model(SummaryPage)
        ).workflow
        == workflow
    )
    assert (
        Group.objects.get(name=roles.REVIEWERS).permissions.filter(codename="access_admin").exists()
    )


def test_reports_use_their_workflow_wherever_they_are(consultation):
    assert SummaryPage(title="Bericht").get_workflow().name == "Moderierte Zusammenfassung"


def test_moderator_submits_and_reviewer_approves(
    client, consultation, moderator, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    page = submit_summary(client, consultation)

    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Freigabe durch die Amtsleitung"

    client.force_login(reviewer)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            workflow_action_url(page, "approve"), {"comment": "Passt so, danke."}
        )

    assert response.status_code in (200, 302)
    page = reload(page)
    assert page.live
    assert page.frozen_at is not None
    assert page.frozen_figures
    assert page.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert client.get(page.url).status_code == 200


def test_reviewer_rejects_with_a_comment_and_nothing_is_published(
    client, consultation, moderator, reviewer
):
    client.force_login(moderator)
    page = submit_summary(client, consultation)
    task_state = page.current_workflow_task_state

    client.force_login(reviewer)
    client.post(workflow_action_url(page, "reject"), {"comment": "Bitte die Zitate prüfen."})

    page = reload(page)
    assert not page.live
    assert page.frozen_at is None
    task_state = TaskState.objects.get(pk=task_state.pk)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Bitte die Zitate prüfen."


def test_moderator_cannot_publish_a_report_directly(client, consultation, moderator):
    client.force_login(moderator)
    client.post(add_summary_url(consultation), summary_post(**{"action-publish": "action-publish"}))

    page = SummaryPage.objects.get(slug="ergebnisbericht")
    assert not page.live


def test_moderator_cannot_edit_a_topic(client, consultation, moderator):
    topic = TopicPageFactory(parent=consultation, title="Wohnen")
    client.force_login(moderator)

    assert refused(client.get(f"/admin/pages/{topic.pk}/edit/"))
    response = client.post(
        f"/admin/pages/{topic.pk}/edit/", new_topic_post(title="Gehackt", slug=topic.slug)
    )

    assert refused(response)
    topic = TopicPage.objects.get(pk=topic.pk)
    assert (topic.title, topic.draft_title) == ("Wohnen", "Wohnen")
    assert not topic.has_unpublished_changes


def test_moderator_cannot_create_a_topic(client, consultation, moderator):
    client.force_login(moderator)

    response = client.post(add_topic_url(consultation), new_topic_post())

    assert refused(response)
    assert not TopicPage.objects.filter(slug="sport-und-bewegung").exists()


def test_moderator_cannot_delete_a_topic(client, consultation, moderator):
    topic = TopicPageFactory(parent=consultation)
    client.force_login(moderator)

    response = client.post(f"/admin/pages/{topic.pk}/delete/")

    assert refused(response)
    assert TopicPage.objects.filter(pk=topic.pk).exists()


def test_reviewer_cannot_edit_a_topic(client, consultation, reviewer):
    topic = TopicPageFactory(parent=consultation, title="Wohnen")
    client.force_login(reviewer)

    response = client.post(
        f"/admin/pages/{topic.pk}/edit/", new_topic_post(title="Gehackt", slug=topic.slug)
    )

    assert refused(response)
    assert TopicPage.objects.get(pk=topic.pk).draft_title == "Wohnen"


def test_editor_may_still_edit_topics(client, consultation, editor):
    topic = TopicPageFactory(parent=consultation)
    client.force_login(editor)

    assert client.get(f"/admin/pages/{topic.pk}/edit/").status_code == 200


def test_reviewer_cannot_unpublish_a_topic(client, consultation, reviewer):
    topic = TopicPageFactory(parent=consultation)
    client.force_login(reviewer)

    response = client.post(f"/admin/pages/{topic.pk}/unpublish/")

    assert refused(response)
    assert TopicPage.objects.get(pk=topic.pk).live


def test_the_form_for_a_new_report_names_its_workflow(client, consultation, moderator):
    client.force_login(moderator)

    html = client.get(add_summary_url(consultation)).content.decode()

    assert "In „Moderierte Zusammenfassung“ einreichen" in html


def test_reviewer_cannot_bulk_publish_a_topic(client, consultation, reviewer):
    topic = TopicPageFactory(parent=consultation, title="Wohnen")
    topic.title = "Entwurf"
    topic.save_revision()
    client.force_login(reviewer)

    response = client.post(f"/admin/bulk/wagtailcore/page/publish/?id={topic.pk}")

    assert refused(response)
    assert TopicPage.objects.get(pk=topic.pk).title == "Wohnen"


def test_planner_cannot_create_a_report(client, consultation, planner):
    client.force_login(planner)

    response = client.post(
        add_summary_url(consultation), summary_post(**{"action-submit": "action-submit"})
    )

    assert refused(response)
    assert not SummaryPage.objects.exists()


def test_moderator_previews_a_new_report_with_live_figures(client, consultation, moderator):
    CommentFactory(target=consultation)
    CommentFactory(target=consultation)
    client.force_login(moderator)
    url = add_summary_url(consultation) + "preview/"

    assert client.post(url, summary_post()).json()["is_valid"]
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vorschau: Die Zahlen sind aktuell" in html
    assert "Vielen Dank an alle Beteiligten." in html
    assert '<dd class="key-figure__value">2</dd>' in html
