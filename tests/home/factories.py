import factory
import wagtail_factories
from wagtail.models import Page

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page directly under Wagtail's root node (the only place it may live)."""

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = factory.Sequence(lambda n: f"Stadtdialog Teststadt {n}")
    intro = "Willkommen beim Stadtdialog. Reden Sie mit über die Zukunft unserer Stadt."

    class Meta:
        model = HomePage
