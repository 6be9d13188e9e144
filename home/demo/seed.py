"""Builds the Haldensleben demo site. Idempotent: what exists already is left as it is."""

import io
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Page, Site

from cms.models import NewsArticlePage, NewsIndexPage, SiteSettings, StandardPage
from home.demo import content, discussion, moderation, summaries, surveys
from home.models import HomePage
from participation.accounts import roles
from participation.consultations.models import (
    ConceptDocumentPage,
    ConsultationPage,
    ForumPage,
    ImpulseTopic,
    Phase,
    TopicPage,
)
from participation.consultations.phases import Action
from participation.contributions import services
from participation.contributions.models import Comment, Participant, Thread, Vote
from participation.contributions.targets import Target

HOME_SLUG = "haldensleben"
NEWS_INDEX_SLUG = "aktuelles"


@dataclass(frozen=True)
class DemoUser:
    email: str
    display_name: str
    group: str | None = None
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser("redaktion@haldensleben.example", "Redaktion Stadtdialog", roles.EDITORS),
    DemoUser("moderation@haldensleben.example", "Moderation Stadtdialog", roles.MODERATORS),
    DemoUser("planung@haldensleben.example", "Stadtplanung", roles.PLANNERS),
    DemoUser("amtsleitung@haldensleben.example", "Amtsleitung Stadtplanung", roles.REVIEWERS),
    DemoUser("anna.buerger@example.org", "Anna aus Althaldensleben"),
    DemoUser("karl.nachbar@example.org", "Karl N."),
]


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


def _paragraphs(texts: list[str]) -> list[dict]:
    return [{"type": "paragraph", "value": str(format_html("<p>{}</p>", text))} for text in texts]


def _publish(parent: Page, page: Page, report: SeedReport) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(f"{page._meta.verbose_name}: {page.title}")
    return page


def _existing_child(parent: Page, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _demo_image(title: str, colour: str, report: SeedReport) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    # A simple drawn townscape so the demo has pictures without shipping photos.
    width, height = 1200, 675
    picture = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, int(height * 0.72), width, height), fill="#e8efe9")
    for index, x in enumerate(range(40, width, 150)):
        roof = int(height * (0.38 + 0.06 * (index % 3)))
        draw.rectangle((x, roof, x + 110, int(height * 0.72)), fill="#f5f1e6")
        draw.polygon([(x - 8, roof), (x + 55, roof - 60), (x + 118, roof)], fill="#a8432a")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(
        title=title,
        description=f"Zeichnung einer Häuserzeile, Symbolbild für „{title}“",
    )
    image.file = ImageFile(buffer, name=f"{uuid.uuid5(uuid.NAMESPACE_URL, title)}.png")
    image.save()
    report.add(f"Bild: {title}")
    return image


def _ensure_users(report: SeedReport) -> None:
    passwords = getattr(settings, "DEMO_PASSWORDS", {})
    User = get_user_model()
    for demo in DEMO_USERS:
        user = User.objects.filter(email__iexact=demo.email).first()
        if user is None:
            user = User(
                username=demo.email.split("@")[0],
                email=demo.email,
                display_name=demo.display_name,
                is_staff=demo.group is not None,
            )
            if demo.email in passwords:
                user.set_password(passwords[demo.email])
            else:
                user.set_unusable_password()
            user.save()
            report.add(f"Konto: {demo.email}")
        if demo.group:
            user.groups.add(Group.objects.get(name=demo.group))
        EmailAddress.objects.get_or_create(
            user=user, email=demo.email, defaults={"verified": True, "primary": True}
        )


def _ensure_home(report: SeedReport) -> HomePage:
    root = Page.get_first_root_node()
    home = _existing_child(root, HomePage, HOME_SLUG)
    if home is None:
        # Wagtail's installation leaves a plain "Welcome" page as the site root; replace it.
        for welcome in Page.objects.child_of(root).filter(content_type__model="page"):
            welcome.delete()
        home = _publish(
            root,
            HomePage(
                title=content.SITE["site_name"], slug=HOME_SLUG, intro=content.SITE["home_intro"]
            ),
            report,
        )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if site.root_page_id != home.pk or site.site_name != content.SITE["site_name"]:
        site.root_page = home
        site.site_name = content.SITE["site_name"]
        site.save()
        report.add(f"Site: {site.hostname}")
    return home


def _ensure_standard_pages(home: HomePage, report: SeedReport) -> dict[str, StandardPage]:
    pages = {}
    for spec in content.STANDARD_PAGES:
        page = _existing_child(home, StandardPage, spec["slug"])
        if page is None:
            body = [
                {"type": "heading", "value": {"text": text, "level": "h2"}}
                if kind == "heading"
                else _paragraphs([text])[0]
                for kind, text in spec["body"]
            ]
            page = _publish(
                home, StandardPage(title=spec["title"], slug=spec["slug"], body=body), report
            )
        pages[spec["key"]] = page
    return pages


def _ensure_site_settings(home: HomePage, pages: dict[str, StandardPage], report: SeedReport):
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    wanted = {
        "town_name": content.SITE["town"],
        "contact_email": content.SITE["contact_email"],
        "accessibility_feedback_email": "barrierefreiheit@haldensleben.example",
        "imprint_page_id": pages["impressum"].pk,
        "privacy_page_id": pages["datenschutz"].pk,
        "accessibility_page_id": pages["barrierefreiheit"].pk,
        "easy_language_page_id": pages["leichte-sprache"].pk,
    }
    if any(getattr(site_settings, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site_settings, name, value)
        site_settings.save()
        report.add("Einstellungen der Kommune")


def _ensure_consultation(home: HomePage, today: date, report: SeedReport) -> ConsultationPage:
    spec = content.CONSULTATION
    consultation = _existing_child(home, ConsultationPage, spec["slug"])
    if consultation is not None:
        return consultation
    consultation = ConsultationPage(
        title=spec["title"],
        slug=spec["slug"],
        teaser=spec["teaser"],
        intro=_paragraphs(spec["intro"]),
        image=_demo_image(spec["title"], "#1f4e79", report),
        responsible_office=spec["office"],
        contact=spec["contact"],
        anonymous_participation=True,
        show_in_menus=True,
    )
    consultation.phases = [
        Phase(
            name=phase["name"],
            start=today + timedelta(days=phase["start_offset"]),
            end=today + timedelta(days=phase["end_offset"]),
            description=phase["description"],
            **{f"allows_{action}": True for action in phase["allows"]},
        )
        for phase in spec["phases"]
    ]
    return _publish(home, consultation, report)


def _ensure_topics(consultation: ConsultationPage, report: SeedReport) -> None:
    for spec in content.TOPICS:
        if _existing_child(consultation, TopicPage, spec["slug"]):
            continue
        topic = TopicPage(
            title=spec["title"],
            slug=spec["slug"],
            teaser=spec["teaser"],
            image=_demo_image(spec["title"], spec["colour"], report),
            body=_paragraphs(spec["body"]),
            key_figures=[
                {"type": "figure", "value": {"value": value, "label": label}}
                for value, label in spec["key_figures"]
            ],
        )
        _publish(consultation, topic, report)


def _ensure_concept(consultation: ConsultationPage, report: SeedReport) -> None:
    spec = content.CONCEPT
    if _existing_child(consultation, ConceptDocumentPage, spec["slug"]):
        return
    body = [
        {
            "type": "chapter",
            "id": str(uuid.uuid4()),
            "value": {
                "title": chapter["title"],
                # Explicit ids: the paragraphs' stable identities (see consultations.blocks).
                "paragraphs": [
                    {
                        "type": "item",
                        "id": str(uuid.uuid4()),
                        "value": {
                            "heading": paragraph["heading"],
                            "text": str(format_html("<p>{}</p>", paragraph["text"])),
                        },
                    }
                    for paragraph in chapter["paragraphs"]
                ],
            },
        }
        for chapter in spec["chapters"]
    ]
    document = ConceptDocumentPage(
        title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=body
    )
    _publish(consultation, document, report)


def _ensure_forum(consultation: ConsultationPage, report: SeedReport) -> None:
    spec = content.FORUM
    if _existing_child(consultation, ForumPage, spec["slug"]):
        return
    forum = ForumPage(title=spec["title"], slug=spec["slug"], intro=_paragraphs(spec["intro"]))
    forum.impulse_topics = [
        ImpulseTopic(title=topic["title"], description=topic["description"])
        for topic in spec["impulse_topics"]
    ]
    _publish(consultation, forum, report)


def _ensure_news(home: HomePage, today: date, report: SeedReport) -> None:
    news_index = _existing_child(home, NewsIndexPage, NEWS_INDEX_SLUG)
    if news_index is None:
        news_index = _publish(
            home,
            NewsIndexPage(
                title="Aktuelles",
                slug=NEWS_INDEX_SLUG,
                intro="Neuigkeiten rund um die Beteiligung in Haldensleben.",
                show_in_menus=True,
            ),
            report,
        )
    for spec in content.NEWS:
        if _existing_child(news_index, NewsArticlePage, spec["slug"]):
            continue
        article = NewsArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            date=today + timedelta(days=spec["date_offset"]),
            teaser=spec["teaser"],
            body=_paragraphs(spec["body"]),
        )
        _publish(news_index, article, report)


class _Discussion:
    """Writes the demo discussion through the contribution services, then back-dates it."""

    def __init__(self, participants: dict[str, Participant], today: date):
        self.participants = participants
        # Everyone votes; who votes on what rotates, so the result is the same on every run.
        self.voters = list(participants.values())
        self.today = today
        self.comments = 0
        self.votes = 0
        self.supports = 0
        self._vote_round = 0
        self._first_seen: dict[int, datetime] = {}

    def at(self, when: tuple[int, str]) -> datetime:
        days_ago, clock = when
        hour, minute = (int(part) for part in clock.split(":"))
        day = self.today - timedelta(days=days_ago)
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    def _seen(self, participant: Participant, moment: datetime) -> None:
        first = self._first_seen.get(participant.pk)
        self._first_seen[participant.pk] = min(first, moment) if first else moment

    def _vote(self, target_obj, target: Target, *, up: int, down: int) -> None:
        start = self._vote_round * 7 % len(self.voters)
        self._vote_round += 1
        author_id = getattr(target_obj, "participant_id", None)
        rotated = self.voters[start:] + self.voters[:start]
        voters = [voter for voter in rotated if voter.pk != author_id][: up + down]
        if len(voters) < up + down:
            raise ValueError(f"Zu wenige Demo-Teilnehmende für {up + down} Stimmen.")
        for index, voter in enumerate(voters):
            value = Vote.UP if index < up else Vote.DOWN
            services.vote_set(participant=voter, target=target_obj, rules=target.rules, value=value)
        self.votes += len(voters)

    def comment(self, target: Target, spec: dict, parent: Comment | None = None) -> Comment:
        participant = self.participants[spec["author"]]
        moment = self.at(spec["when"])
        comment = services.comment_create(
            target=target,
            participant=participant,
            text=spec["text"],
            submission_token=uuid.uuid4(),
            parent=parent,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=moment)
        self._seen(participant, moment)
        self.comments += 1
        self._vote(comment, target, up=spec.get("up", 0), down=spec.get("down", 0))
        for reply in spec.get("replies", []):
            self.comment(target, reply, parent=comment)
        return comment

    def thread(self, forum: ForumPage, spec: dict) -> Thread:
        participant = self.participants[spec["author"]]
        moment = self.at(spec["when"])
        thread = services.thread_create(
            target=Target(forum),
            participant=participant,
            title=spec["title"],
            text=spec["text"],
            impulse_topic=forum.impulse_topics.get(title=spec["impulse_topic"]),
            submission_token=uuid.uuid4(),
        )
        Thread.objects.filter(pk=thread.pk).update(created_at=moment)
        self._seen(participant, moment)
        self.support(thread, spec["support"])
        target = Target(thread)
        for comment in spec["comments"]:
            self.comment(target, comment)
        return thread

    def support(self, obj, count: int) -> None:
        self._vote(obj, Target(obj), up=count, down=0)
        self.supports += count

    def backdate_participants(self) -> None:
        # A participant should not appear to have joined after their first contribution.
        for pk, moment in self._first_seen.items():
            Participant.objects.filter(pk=pk, created_at__gt=moment).update(created_at=moment)


def _demo_participants() -> dict[str, Participant]:
    participants = {
        spec["key"]: Participant.objects.create(
            session_token=secrets.token_urlsafe(32),
            guest_name=spec["guest_name"],
            **({"guest_number": spec["guest_number"]} if spec.get("guest_number") else {}),
        )
        for spec in discussion.PARTICIPANTS
    }
    User = get_user_model()
    for key, email in discussion.REGISTERED.items():
        user = User.objects.get(email__iexact=email)
        participants[key], _created = Participant.objects.get_or_create(user=user)
    return participants


def _ensure_discussion(
    home: HomePage, consultation: ConsultationPage, today: date, report: SeedReport
) -> None:
    """Citizens' comments, replies, votes, supports and forum threads, spread over the
    participation phase so far. Written once: any comment in the consultation means done."""
    if Comment.objects.filter(consultation=consultation).exists():
        return
    if not (consultation.allows(Action.COMMENTING) and consultation.allows(Action.VOTING)):
        # The demo's participation phase is over (an old demo database); the services
        # would refuse every contribution.
        return
    participants = _demo_participants()
    writer = _Discussion(participants, today)

    concept = _existing_child(consultation, ConceptDocumentPage, content.CONCEPT["slug"])
    paragraphs = {paragraph.number: paragraph for paragraph in concept.paragraphs}
    for number, comments in discussion.PARAGRAPH_COMMENTS.items():
        target = Target(concept, paragraphs[number])
        for spec in comments:
            writer.comment(target, spec)

    topics = {topic.slug: topic for topic in TopicPage.objects.child_of(consultation)}
    for slug, comments in discussion.TOPIC_COMMENTS.items():
        target = Target(topics[slug])
        for spec in comments:
            writer.comment(target, spec)
    for slug, count in discussion.TOPIC_SUPPORT.items():
        writer.support(topics[slug], count)

    target = Target(consultation)
    for spec in discussion.CONSULTATION_COMMENTS:
        writer.comment(target, spec)

    news_index = _existing_child(home, NewsIndexPage, NEWS_INDEX_SLUG)
    for slug, comments in discussion.NEWS_COMMENTS.items():
        target = Target(_existing_child(news_index, NewsArticlePage, slug))
        for spec in comments:
            writer.comment(target, spec)

    forum = _existing_child(consultation, ForumPage, content.FORUM["slug"])
    for spec in discussion.THREADS:
        writer.thread(forum, spec)

    writer.backdate_participants()
    report.add(
        f"Diskussion: {writer.comments} Kommentare und Antworten, "
        f"{len(discussion.THREADS)} Forenthemen, {writer.votes} Stimmen "
        f"(davon {writer.supports} Unterstützungen), {len(participants)} Teilnehmende"
    )


@transaction.atomic
def seed_demo(*, today: date) -> SeedReport:
    report = SeedReport()
    _ensure_users(report)
    home = _ensure_home(report)
    standard_pages = _ensure_standard_pages(home, report)
    _ensure_site_settings(home, standard_pages, report)
    consultation = _ensure_consultation(home, today, report)
    _ensure_topics(consultation, report)
    _ensure_concept(consultation, report)
    _ensure_forum(consultation, report)
    _ensure_news(home, today, report)
    _ensure_discussion(home, consultation, today, report)
    surveys.ensure_survey(consultation, today, report)
    moderation.ensure_moderation(consultation, today, report)
    summaries.ensure_summary(consultation, report)
    return report
