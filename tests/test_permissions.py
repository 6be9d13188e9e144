"""Who may do what: every role against every action, read from one table.

Roles are the Wagtail groups made by participation/accounts/migrations/0002_role_groups.py,
plus the anonymous visitor, a citizen (a verified account without groups) and a superuser.
"Refused" means: 403, or a redirect to a login page, or Wagtail's redirect to the dashboard
with its "no permission" message — and nothing in the database changed (the row count of
every table, and the specific change the action would have made).

The anonymous visitor has passed the captcha once in this session (the human check is tested
in tests/participation/contributions/); "Konto nötig" is a consultation that allows no
participation without an account.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from cms.models import SiteSettings
from participation.accounts import roles
from participation.accounts.models import User
from participation.consultations.models import TopicPage
from participation.contributions.models import Comment, Status, Vote
from participation.contributions.services import SESSION_HUMAN_KEY
from participation.moderation.models import ModerationCategory
from tests.participation.accounts.factories import UserFactory
from tests.participation.accounts.test_roles import add_topic_url, new_topic_post
from tests.participation.consultations.factories import ConsultationPageFactory, TopicPageFactory
from tests.participation.contributions.factories import CommentFactory
from tests.test_url_security import WRITTEN_BY_SHOWING, changed, row_counts

pytestmark = pytest.mark.django_db

ROLES = ["Besucher:in", "Bürger:in", "Redaktion", "Moderation", "Planung", "Superuser"]
Y, N = True, False

# fmt: off
MATRIX = {
    #                                     Besucher Bürger Redakt. Moder. Planung Superuser
    "Admin: Dashboard öffnen":             (N,      N,     Y,      Y,     Y,      Y),
    "Admin: Themenfeld anlegen":           (N,      N,     Y,      N,     N,      Y),
    "Admin: Themenfeld bearbeiten":        (N,      N,     Y,      N,     N,      Y),
    "Admin: Themenfeld veröffentlichen":   (N,      N,     Y,      N,     N,      Y),
    "Admin: Website-Einstellungen ändern": (N,      N,     Y,      N,     N,      Y),
    "Admin: Bilder ansehen":               (N,      N,     Y,      N,     N,      Y),
    "Admin: Benutzerverwaltung":           (N,      N,     N,      N,     N,      Y),
    "Kommentieren":                        (Y,      Y,     Y,      Y,     Y,      Y),
    "Abstimmen":                           (Y,      Y,     Y,      Y,     Y,      Y),
    "Kommentieren (Konto nötig)":          (N,      Y,     Y,      Y,     Y,      Y),
    "Abstimmen (Konto nötig)":             (N,      Y,     Y,      Y,     Y,      Y),
    "Moderation: Warteschlange öffnen":    (N,      N,     N,      Y,     N,      Y),
    "Moderation: Kommentar freigeben":     (N,      N,     N,      Y,     N,      Y),
    "Moderation: Kommentar ausblenden":    (N,      N,     N,      Y,     N,      Y),
    "Moderation: Stellungnahme schreiben": (N,      N,     N,      Y,     N,      Y),
    "Moderation: Teilnehmer:in sperren":   (N,      N,     N,      Y,     N,      Y),
    "Moderation: Kategorie anlegen":       (N,      N,     N,      Y,     N,      Y),
}
# fmt: on


@dataclass
class World:
    consultation: object
    topic: TopicPage
    comment: Comment
    closed_topic: TopicPage  # in a consultation that requires an account
    closed_comment: Comment
    pending_comment: Comment
    site: Site
    superuser: User


@pytest.fixture
def world(consultation):
    closed = ConsultationPageFactory(
        parent=consultation.get_parent(), title="Nur mit Konto", anonymous_participation=False
    )
    topic = TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")
    closed_topic = TopicPageFactory(parent=closed, title="Schulwege")
    return World(
        consultation=consultation,
        topic=topic,
        comment=CommentFactory(target=topic, text="Mehr Bänke am Markt."),
        closed_topic=closed_topic,
        closed_comment=CommentFactory(target=closed_topic, text="Ein Zebrastreifen fehlt."),
        pending_comment=CommentFactory(target=topic, text="Wartet.", status=Status.PENDING),
        site=Site.objects.get(is_default_site=True),
        superuser=User.objects.create_superuser(
            username="admin", email="admin@example.org", password="Sicheres-Passwort-2035"
        ),
    )


def client_for(role: str, world: World) -> Client:
    client = Client()
    if role == "Besucher:in":
        session = client.session
        session[SESSION_HUMAN_KEY] = True
        session.save()
    elif role == "Bürger:in":
        client.force_login(UserFactory(verified=True))
    elif role == "Superuser":
        client.force_login(world.superuser)
    else:
        client.force_login(UserFactory(roles=[role], verified=True))
    return client


# --- Actions: each returns the response and whether its change happened (None: reads) -------


def admin_get(url: str) -> Callable:
    return lambda client, world: (client.get(url), None)


def add_topic(client, world):
    response = client.post(add_topic_url(world.consultation), new_topic_post())
    return response, TopicPage.objects.filter(slug="sport-und-bewegung").exists()


def edit_topic(client, world):
    url = f"/admin/pages/{world.topic.pk}/edit/"
    response = client.post(url, new_topic_post(title="Neuer Titel", slug=world.topic.slug))
    return response, TopicPage.objects.get(pk=world.topic.pk).draft_title == "Neuer Titel"


def publish_topic(client, world):
    url = f"/admin/pages/{world.topic.pk}/edit/"
    data = new_topic_post(
        title="Veröffentlicht", slug=world.topic.slug, **{"action-publish": "action-publish"}
    )
    response = client.post(url, data)
    topic = TopicPage.objects.get(pk=world.topic.pk)
    return response, topic.title == "Veröffentlicht" and topic.live


def settings_url(world) -> str:
    return f"/admin/settings/cms/sitesettings/{world.site.pk}/"


def form_data(page_html: str, action_contains: str) -> dict:
    """The fields of a rendered POST form, as a browser would send them unchanged."""
    page = BeautifulSoup(page_html, "html.parser")
    form = next(
        f
        for f in page.find_all("form", method=lambda m: m and m.lower() == "post")
        if action_contains in (f.get("action") or "")
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or (
            field.get("type") in {"checkbox", "radio"} and not field.has_attr("checked")
        ):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            selected = field.find("option", selected=True)
            data[name] = selected["value"] if selected else ""
        else:
            data[name] = field.get("value", "")
    return data


def change_site_settings(client, world):
    admin = Client()
    admin.force_login(world.superuser)
    data = form_data(admin.get(settings_url(world)).content.decode(), "sitesettings")
    data["town_name"] = "Gehackt"
    response = client.post(settings_url(world), data)
    return response, SiteSettings.objects.get(site=world.site).town_name == "Gehackt"


def comment_on(attribute: str) -> Callable:
    def action(client, world):
        topic = getattr(world, attribute)
        text = f"Ein Kommentar {uuid.uuid4()}"
        data = {
            "text": text,
            "submission_token": str(uuid.uuid4()),
            "captcha_0": "test-key",
            "captcha_1": "PASSED",
        }
        response = client.post(
            reverse("contributions:comment_create", args=["seite", topic.pk]), data
        )
        return response, Comment.objects.filter(text=text).exists()

    return action


def vote_on(attribute: str) -> Callable:
    def action(client, world):
        comment = getattr(world, attribute)
        votes = Vote.objects.filter(object_id=comment.pk).count()
        response = client.post(
            reverse("contributions:comment_vote", args=[comment.pk]), {"value": "1"}
        )
        return response, Vote.objects.filter(object_id=comment.pk).count() == votes + 1

    return action


def moderate(action: str, data: dict, done: Callable) -> Callable:
    def run(client, world):
        comment = world.pending_comment if action == "approve" else world.comment
        url = reverse("moderation:item_action", args=["kommentar", comment.pk, action])
        response = client.post(url, data)
        comment.refresh_from_db()
        return response, done(comment)

    return run


def block_participant(client, world):
    participant = world.comment.participant
    url = reverse("moderation:participant_action", args=[participant.pk, "block"])
    response = client.post(url, {"reason": "spam"})
    participant.refresh_from_db()
    return response, participant.is_blocked


def add_category(client, world):
    url = "/admin/moderation/moderationcategory/create/"
    response = client.post(url, {"consultation": world.consultation.pk, "name": "Parken"})
    return response, ModerationCategory.objects.filter(name="Parken").exists()


ACTIONS = {
    "Admin: Dashboard öffnen": admin_get("/admin/"),
    "Admin: Themenfeld anlegen": add_topic,
    "Admin: Themenfeld bearbeiten": edit_topic,
    "Admin: Themenfeld veröffentlichen": publish_topic,
    "Admin: Website-Einstellungen ändern": change_site_settings,
    "Admin: Bilder ansehen": admin_get("/admin/images/"),
    "Admin: Benutzerverwaltung": admin_get("/admin/users/"),
    "Kommentieren": comment_on("topic"),
    "Abstimmen": vote_on("comment"),
    "Kommentieren (Konto nötig)": comment_on("closed_topic"),
    "Abstimmen (Konto nötig)": vote_on("closed_comment"),
    "Moderation: Warteschlange öffnen": admin_get("/admin/moderation/"),
    "Moderation: Kommentar freigeben": moderate(
        "approve", {}, lambda comment: comment.status == Status.PUBLISHED
    ),
    "Moderation: Kommentar ausblenden": moderate(
        "hide", {"reason": "spam"}, lambda comment: comment.status == Status.HIDDEN
    ),
    "Moderation: Stellungnahme schreiben": moderate(
        "official_response",
        {"text": "Die Stadt antwortet."},
        lambda comment: Comment.objects.filter(is_official=True).exists(),
    ),
    "Moderation: Teilnehmer:in sperren": block_participant,
    "Moderation: Kategorie anlegen": add_category,
}

LOGIN_PAGES = ("/admin/login/", "/konto/login/")


def refused(response) -> bool:
    if response.status_code == 403:
        return True
    if response.status_code != 302:
        return False
    location = response["Location"]
    # Wagtail sends staff without the permission back to the dashboard with a message.
    return location.startswith(LOGIN_PAGES) or location == reverse("wagtailadmin_home")


CASES = [
    pytest.param(action, role, MATRIX[action][column], id=f"{action} / {role}")
    for action in MATRIX
    for column, role in enumerate(ROLES)
]


def test_the_matrix_covers_every_action():
    assert set(MATRIX) == set(ACTIONS)
    assert all(len(row) == len(ROLES) for row in MATRIX.values())


def test_the_role_groups_of_the_matrix_exist():
    from django.contrib.auth.models import Group

    assert {roles.EDITORS, roles.MODERATORS, roles.PLANNERS} <= set(
        Group.objects.values_list("name", flat=True)
    )


@pytest.mark.parametrize("action,role,allowed", CASES)
def test_permission(world, action, role, allowed):
    client = client_for(role, world)
    before = row_counts(ignore=WRITTEN_BY_SHOWING)

    response, done = ACTIONS[action](client, world)

    if allowed:
        assert not refused(response), (response.status_code, response.get("Location"))
        assert response.status_code in (200, 302)
        assert done in (True, None)
    else:
        assert refused(response), (response.status_code, response.get("Location"))
        assert done in (False, None)
        assert changed(before, row_counts(ignore=WRITTEN_BY_SHOWING)) == {}
