"""Site-wide template pieces: navigation, breadcrumbs, language switch. Multi-site aware."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


def _site(context) -> Site | None:
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def site_root(context) -> Page | None:
    site = _site(context)
    return site.root_page if site else None


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    site = _site(context)
    current = context.get("page")
    items = []
    if site:
        for page in site.root_page.get_children().live().public().in_menu():
            is_current = current is not None and current.path.startswith(page.path)
            items.append({"page": page, "is_current": is_current})
    return {
        "items": items,
        "root": site.root_page if site else None,
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    site = _site(context)
    page = context.get("page")
    if not site or page is None or page.depth <= site.root_page.depth:
        return {"ancestors": [], "page": None}
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    current = get_language()
    path = request.get_full_path() if request else "/"
    return {
        "languages": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
                "is_current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    }
