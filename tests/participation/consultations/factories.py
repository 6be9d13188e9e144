import uuid
from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from participation.consultations.models import (
    ConceptDocumentPage,
    ConsultationPage,
    ForumPage,
    ImpulseTopic,
    Phase,
    TopicPage,
)
from tests.cms.factories import paragraphs
from tests.home.factories import HomePageFactory


def concept_body(chapters: list[tuple[str, list[str]]], *, with_ids: bool = True) -> list[dict]:
    """A concept document body in raw JSON, shaped like home/demo/seed.py builds it.

    `chapters` is [(title, [paragraph text, ...]), ...]. With `with_ids=False` the list items
    are plain values without block ids (the older ListBlock storage format).
    """

    def item(text: str) -> dict:
        value = {"heading": "", "text": f"<p>{text}</p>"}
        return {"type": "item", "id": str(uuid.uuid4()), "value": value} if with_ids else value

    return [
        {
            "type": "chapter",
            **({"id": str(uuid.uuid4())} if with_ids else {}),
            "value": {"title": title, "paragraphs": [item(text) for text in texts]},
        }
        for title, texts in chapters
    ]


class PhaseFactory(factory.django.DjangoModelFactory):
    consultation = factory.SubFactory(
        "tests.participation.consultations.factories.ConsultationPageFactory", phases=[]
    )
    name = factory.Sequence(lambda n: f"Phase {n}")
    start = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    end = factory.LazyAttribute(lambda phase: phase.start + timedelta(days=28))

    class Meta:
        model = Phase


class ConsultationPageFactory(wagtail_factories.PageFactory):
    """A consultation under a home page. Unless `phases=[...]` (keyword dicts for
    PhaseFactory) is given, it gets one open phase around today that allows commenting."""

    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Beteiligungsverfahren {n}")
    teaser = "Gemeinsam den Rahmen für die Stadtentwicklung der nächsten zehn Jahre setzen."

    class Meta:
        model = ConsultationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def phases(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = [
                {"name": "Online-Beteiligung", "allows_commenting": True, "allows_voting": True}
            ]
        for spec in extracted:
            PhaseFactory(consultation=self, **spec)


class TopicPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(ConsultationPageFactory)
    title = factory.Sequence(lambda n: f"Themenfeld {n}")
    teaser = "Bezahlbarer Wohnraum und eine belebte Altstadt."
    body = factory.LazyFunction(lambda: paragraphs("Baulücken sollen vorrangig genutzt werden."))

    class Meta:
        model = TopicPage


class ConceptDocumentPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(ConsultationPageFactory)
    title = "Entwurf des Konzepts"
    intro = "Sie können jeden Abschnitt einzeln kommentieren."
    body = factory.LazyFunction(
        lambda: concept_body(
            [
                ("Ausgangslage", ["Der Stadtrat hat die Fortschreibung beschlossen."]),
                ("Leitbild", ["Eine lebenswerte Kreisstadt im Grünen.", "Autoarme Innenstadt."]),
            ]
        )
    )

    class Meta:
        model = ConceptDocumentPage


class ForumPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(ConsultationPageFactory)
    title = factory.Sequence(lambda n: f"Diskussionsforum {n}")
    intro = factory.LazyFunction(lambda: paragraphs("Diskutieren Sie mit den Nachbargemeinden."))

    class Meta:
        model = ForumPage
        skip_postgeneration_save = True

    @factory.post_generation
    def impulse_topics(self, create, extracted, **kwargs):
        if create:
            for title in extracted or []:
                ImpulseTopicFactory(forum=self, title=title)


class ImpulseTopicFactory(factory.django.DjangoModelFactory):
    forum = factory.SubFactory(ForumPageFactory)
    title = factory.Sequence(lambda n: f"Impulsthema {n}")
    description = "Wie verändert die Digitalisierung unser Arbeiten?"

    class Meta:
        model = ImpulseTopic
