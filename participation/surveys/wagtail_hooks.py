"""Admin integration: paper and workshop entry, reachable from the survey's page actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from participation.surveys import results_admin  # noqa: F401 (registers the results view)
from participation.surveys.admin_views import (
    PAPER_PERMISSION,
    paper_entry,
    paper_entry_url,
    paper_surveys,
)
from participation.surveys.models import SurveyPage


class PaperEntryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PAPER_PERMISSION)


@hooks.register("register_admin_urls")
def paper_entry_urls():
    return [
        path("umfragen/papier/", paper_surveys, name="surveys_paper_surveys"),
        path("umfragen/<int:page_id>/papier/", paper_entry, name="surveys_paper_entry"),
    ]


@hooks.register("register_admin_menu_item")
def paper_entry_menu_item():
    return PaperEntryMenuItem(
        _("Papierbögen erfassen"),
        reverse("surveys_paper_surveys"),
        icon_name="doc-full",
        order=420,
    )


def _paper_button(page, user, priority: int):
    if page.specific_class is SurveyPage and user.has_perm(PAPER_PERMISSION):
        yield Button(
            _("Papierbögen erfassen"),
            url=paper_entry_url(page),
            icon_name="doc-full",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def paper_entry_listing_button(page, user, next_url=None):
    yield from _paper_button(page, user, priority=60)


@hooks.register("register_page_header_buttons")
def paper_entry_header_button(page, user, view_name, next_url=None):
    yield from _paper_button(page, user, priority=60)
