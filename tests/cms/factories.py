import factory
import wagtail_factories
from wagtail.models import Collection

from cms.models import NewsArticlePage, NewsIndexPage, StandardPage
from tests.home.factories import HomePageFactory


def paragraphs(*texts: str) -> list[dict]:
    """A BaseStreamBlock body in raw JSON form: one paragraph block per text."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


class ImageFactory(wagtail_factories.ImageFactory):
    # wagtail-factories would otherwise add a second root collection for every image.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Bild {n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Standardseite {n}")
    intro = "Angaben gemäß § 5 Digitale-Dienste-Gesetz."
    body = factory.LazyFunction(lambda: paragraphs("Verantwortlich ist die Stadtverwaltung."))

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Aktuelles"
    intro = "Neuigkeiten rund um die Beteiligung."

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(NewsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Neuigkeit {n}")
    teaser = "Die Online-Beteiligung hat begonnen."
    body = factory.LazyFunction(lambda: paragraphs("Ab heute können alle mitreden."))

    class Meta:
        model = NewsArticlePage
