"""Admin: the menu item and URLs of exports and the planners' dashboard."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from participation.consultations.models import ConsultationPage
from participation.exports import urls
from participation.exports.views import PERMISSION


class ExportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("exporte/", include(urls, namespace="exports"))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ExportsMenuItem(
        _("Exporte und Auswertung"), reverse("exports:index"), icon_name="download", order=900
    )


@hooks.register("register_page_header_buttons")
def consultation_buttons(page, user, view_name=None, next_url=None):
    """The "more" menu of a consultation in the page explorer links to its exports."""
    if page.specific_class is ConsultationPage and user.has_perm(PERMISSION):
        yield Button(
            _("Exportieren"),
            reverse("exports:export", args=[page.pk]),
            icon_name="download",
            priority=80,
        )
        yield Button(
            _("Auswertung"),
            reverse("exports:dashboard", args=[page.pk]),
            icon_name="table",
            priority=81,
        )
