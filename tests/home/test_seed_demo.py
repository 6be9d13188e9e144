"""`manage.py seed_demo` builds the Haldensleben ISEK demo, and running it again changes nothing."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

from cms.models import NewsArticlePage, SiteSettings, StandardPage
from home.demo import moderation
from home.demo.seed import DEMO_USERS
from home.models import HomePage
from participation.accounts.models import User
from participation.consultations.models import (
    ConceptDocumentPage,
    ConsultationPage,
    ForumPage,
    TopicPage,
)
from participation.consultations.phases import Action
from participation.contributions import selectors
from participation.contributions.models import Comment, Participant, Thread, Vote

pytestmark = pytest.mark.django_db

STAFF_EMAILS = {
    "redaktion@haldensleben.example": "Redaktion",
    "moderation@haldensleben.example": "Moderation",
    "planung@haldensleben.example": "Planung",
    "amtsleitung@haldensleben.example": "Amtsleitung",
}


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
        "email_addresses": EmailAddress.objects.count(),
        "participants": Participant.objects.count(),
        "comments": Comment.objects.count(),
        "threads": Thread.objects.count(),
        "votes": Vote.objects.count(),
        "page_rows": list(
            Page.objects.order_by("id").values_list("id", "title", "latest_revision_id")
        ),
    }


@pytest.fixture
def demo():
    seed()


@pytest.fixture
def isek(demo) -> ConsultationPage:
    return ConsultationPage.objects.get(title="ISEK Haldensleben 2035")


def test_second_run_creates_nothing(demo):
    before = snapshot()

    output = seed()

    assert snapshot() == before
    assert "nothing to do" in output


def test_first_run_reports_what_it_created():
    output = seed()

    assert "ISEK Haldensleben 2035" in output
    assert "items created" in output


def test_default_site_shows_the_demo_home_page(demo, client):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == "Stadtdialog Haldensleben"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    assert "ISEK Haldensleben 2035" in client.get("/").content.decode()


def test_there_is_one_isek_consultation_with_four_phases(isek):
    assert ConsultationPage.objects.count() == 1
    assert [phase.name for phase in isek.timeline.phases] == [
        "Information",
        "Online-Beteiligung",
        "Auswertung",
        "Ergebnisse",
    ]


def test_online_participation_is_the_current_phase_today(isek):
    assert isek.timeline.current.name == "Online-Beteiligung"
    assert isek.allows(Action.COMMENTING)


def test_consultation_has_five_topics_with_images(isek):
    topics = TopicPage.objects.child_of(isek).live()

    assert topics.count() == 5
    assert all(topic.image_id for topic in topics)


def test_concept_document_has_numbered_paragraphs(isek):
    concept = ConceptDocumentPage.objects.child_of(isek).get()

    assert len(concept.chapters) >= 4
    assert len(concept.paragraphs) >= 20
    assert "3.2" in [paragraph.number for paragraph in concept.paragraphs]


def test_concept_paragraph_keys_are_stable_across_loads(isek):
    first = ConceptDocumentPage.objects.child_of(isek).get()
    second = ConceptDocumentPage.objects.child_of(isek).get()

    assert [p.key for p in first.paragraphs] == [p.key for p in second.paragraphs]


def test_forum_has_the_three_impulse_topics(isek):
    forum = ForumPage.objects.child_of(isek).get()

    titles = set(forum.impulse_topics.values_list("title", flat=True))
    assert {"Arbeiten 4.0", "Geodaten im ländlichen Raum", "Smart Mobility"} <= titles


def test_there_are_two_news_articles(demo):
    assert NewsArticlePage.objects.live().count() == 2


def test_site_settings_link_the_four_legal_pages(demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    linked = [
        settings.imprint_page,
        settings.privacy_page,
        settings.accessibility_page,
        settings.easy_language_page,
    ]
    assert [page.title for page in linked] == [
        "Impressum",
        "Datenschutzerklärung",
        "Erklärung zur Barrierefreiheit",
        "Leichte Sprache",
    ]
    assert all(isinstance(page.specific, StandardPage) and page.live for page in linked)
    assert settings.town_name == "Haldensleben"
    # Where "Barriere melden" sends its reports.
    assert settings.accessibility_feedback_email == "barrierefreiheit@haldensleben.example"


def test_every_demo_page_renders(demo, client):
    for page in Page.objects.live().filter(depth__gte=2):
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_staff_users_are_in_their_role_groups(demo):
    for email, group in STAFF_EMAILS.items():
        user = User.objects.get(email=email)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.is_staff


def test_all_demo_users_have_a_verified_email_address(demo):
    for demo_user in DEMO_USERS:
        address = EmailAddress.objects.get(email=demo_user.email)
        assert address.verified and address.primary
        assert address.user.display_name == demo_user.display_name


def test_without_demo_passwords_the_demo_users_cannot_log_in(demo):
    users = User.objects.filter(email__in=[u.email for u in DEMO_USERS])

    assert users.count() == len(DEMO_USERS)
    assert not any(user.has_usable_password() for user in users)


def test_with_demo_passwords_the_demo_users_can_log_in(settings, client):
    settings.DEMO_PASSWORDS = {u.email: f"Demo-{u.display_name}-2035" for u in DEMO_USERS}

    seed()

    for demo_user in DEMO_USERS:
        user = User.objects.get(email=demo_user.email)
        assert user.check_password(f"Demo-{demo_user.display_name}-2035")
    response = client.post(
        "/konto/login/",
        {"login": "anna.buerger@example.org", "password": "Demo-Anna aus Althaldensleben-2035"},
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_demo_discussion_is_heated_around_the_car_light_inner_city(isek):
    concept = ConceptDocumentPage.objects.child_of(isek).get()
    counts = selectors.paragraph_comment_counts(concept)
    by_number = {p.number: counts.get(p.key, 0) for p in concept.paragraphs}

    assert max(by_number, key=by_number.get) == "3.2"
    assert len({level for level in by_number.values() if level}) >= 4  # a gradient
    assert sum(1 for count in by_number.values() if count == 0) > len(by_number) / 2
    replies_to_replies = Comment.objects.filter(parent__isnull=False).exclude(
        parent_id=F("root_id")
    )
    assert replies_to_replies.exists()


def test_demo_discussion_comes_from_guests_and_the_demo_citizens(demo):
    registered = Comment.objects.filter(participant__user__isnull=False, is_official=False)

    assert {c.participant.user.email for c in registered} == {
        "anna.buerger@example.org",
        "karl.nachbar@example.org",
    }
    assert Comment.objects.filter(participant__user__isnull=True).count() > registered.count()
    assert Thread.objects.count() == 3
    # All published, except what the moderation demo (home/demo/moderation.py) holds back.
    assert set(Comment.objects.exclude(status="published").values_list("text", flat=True)) == {
        *moderation.PENDING_TEXTS,
        moderation.HIDDEN_TEXT,
    }


def test_demo_discussion_happened_in_order_during_the_participation_phase(isek):
    phase_start = isek.timeline.current.start
    for item in [*Comment.objects.all(), *Thread.objects.all()]:
        assert phase_start <= timezone.localdate(item.created_at) < isek.timeline.today
    assert not Comment.objects.filter(parent__isnull=False).filter(
        created_at__lte=F("parent__created_at")
    )
    for thread in Thread.objects.all():
        comments = Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(Thread), object_id=thread.pk
        )
        assert comments.count() >= 1
        assert all(comment.created_at > thread.created_at for comment in comments)


def test_nobody_votes_on_their_own_demo_contributions(demo):
    for model in (Comment, Thread):
        authors = dict(model.objects.values_list("pk", "participant_id"))
        votes = Vote.objects.filter(content_type=ContentType.objects.get_for_model(model))
        assert votes.exists()
        assert all(authors[vote.object_id] != vote.participant_id for vote in votes)


def test_demo_topics_are_supported(isek):
    mobility = TopicPage.objects.child_of(isek).get(slug="mobilitaet")

    assert selectors.support_for(mobility, None).count == 18


def test_demo_threads_and_discussion_pages_render(isek, client):
    concept = ConceptDocumentPage.objects.child_of(isek).get()
    urls = [selectors.thread_url(thread) for thread in Thread.objects.all()]
    urls += [selectors.comment_permalink(comment) for comment in Comment.objects.all()]
    urls.append(reverse("contributions:heatmap", args=[concept.pk]))
    for url in urls:
        assert client.get(url).status_code == 200, url
