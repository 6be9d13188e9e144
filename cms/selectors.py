"""Reads of generic content shared by pages."""

from django.db.models import QuerySet
from wagtail.models import Page

from cms.models import NewsArticlePage


def news_articles_below(page: Page) -> QuerySet[NewsArticlePage]:
    """Published, public news articles under `page`, newest first, with their images."""
    return (
        NewsArticlePage.objects.live()
        .public()
        .descendant_of(page)
        .select_related("image")
        .order_by("-date", "-first_published_at")
    )
