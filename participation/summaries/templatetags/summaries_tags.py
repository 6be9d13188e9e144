from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from cms.charts import Bar, bar_chart
from participation.exports.selectors import KeyFigures
from participation.summaries.selectors import published_summary

register = template.Library()


@register.simple_tag
def consultation_summary(consultation):
    return published_summary(consultation)


@register.simple_tag
def key_figures(figures: dict | None) -> KeyFigures | None:
    return KeyFigures.from_dict(figures) if figures else None


@register.simple_tag
def category_chart(categories: list[dict]):
    return bar_chart(
        caption=_("Beiträge je Kategorie"),
        bars=[Bar(row["name"], row["count"]) for row in categories],
        value_label=_("Kommentare und Forenbeiträge"),
        label_heading=_("Kategorie"),
    )


@register.filter
def localized_url(url: str) -> str:
    """A stored address (written in the default language) in the reader's language."""
    language = translation.get_language()
    if not url or language == settings.LANGUAGE_CODE:
        return url
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, language)
