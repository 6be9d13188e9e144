"""What the browser tests look up in the seeded demo, and how they act like a citizen."""

import uuid

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import Resolver404, resolve

from participation.consultations.models import ConceptDocumentPage, ForumPage, TopicPage
from participation.contributions import selectors, services
from participation.contributions.models import Comment, Participant, Status, Thread
from participation.contributions.targets import Target

PASSWORD = "Tastatur-und-Zoom-2035"
CONSULTATION = "/isek-2035/"
CONCEPT = "/isek-2035/konzept/"
TOPIC = "/isek-2035/mobilitaet/"  # the topic with the demo's topic comments
FORUM = "/isek-2035/forum-digitalisierung/"


def concept() -> ConceptDocumentPage:
    return ConceptDocumentPage.objects.get(slug="konzept")


def forum() -> ForumPage:
    return ForumPage.objects.get(slug="forum-digitalisierung")


def topic() -> TopicPage:
    return TopicPage.objects.get(slug="mobilitaet")


def paragraph_key(number: str) -> str:
    return next(p.key for p in concept().paragraphs if p.number == number)


def paragraph_comment(number: str = "3.2") -> Comment:
    """The first published top-level comment on a concept paragraph (3.2 has the most)."""
    return (
        Comment.objects.filter(
            paragraph_key=paragraph_key(number), parent=None, status=Status.PUBLISHED
        )
        .order_by("pk")
        .first()
    )


def thread_path() -> str:
    thread = Thread.objects.filter(forum=forum(), status=Status.PUBLISHED).order_by("pk").first()
    return selectors.thread_url(thread)


def citizen(name: str = "Erika Testweg"):
    """A registered citizen with a verified address and a known password; new for every
    call, so tests sharing the demo database never share an account (or its rate limits)."""
    email = f"e2e-{uuid.uuid4().hex[:12]}@example.org"
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD, display_name=name
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def comment_by(user, text: str = "Mehr Bänke am Marktplatz, bitte.") -> Comment:
    participant, _created = Participant.objects.get_or_create(user=user)
    return services.comment_create(
        target=Target(topic()),
        participant=participant,
        text=text,
        submission_token=uuid.uuid4(),
    )


def served_by_app(path: str) -> bool:
    """False while `path` only reaches Wagtail's catch-all (the view isn't built yet)."""
    try:
        return resolve(path).url_name != "wagtail_serve"
    except Resolver404:
        return False


def log_in(page, base: str, email: str, password: str = PASSWORD) -> None:
    """Through the real login form, as a person would."""
    page.goto(base + "/konto/login/")
    page.locator("input[type=email]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.get_by_text("Angemeldet als").count() == 1, "login failed"
