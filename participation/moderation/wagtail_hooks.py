"""Moderation in the Wagtail admin: the queue (with the number of waiting items in the menu)
and the categories (wagtail-modeladmin, one model per screen)."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from participation.moderation import selectors, urls
from participation.moderation.models import ModerationCategory
from participation.moderation.views import PERMISSION


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("moderation/", include(urls, namespace="moderation"))]


@hooks.register("insert_global_admin_css")
def moderation_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("moderation/admin.css"))


class QueueMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)

    def render_component(self, request):
        label = _("Moderation (%(count)s)") % {"count": selectors.waiting_count()}
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(
        gettext_lazy("Moderation"),
        reverse("moderation:queue"),
        name="moderation",
        icon_name="tasks",
        order=250,
    )


class CategoryAdmin(ModelAdmin):
    model = ModerationCategory
    menu_label = gettext_lazy("Kategorien")
    menu_icon = "tag"
    menu_order = 251
    add_to_admin_menu = True
    list_display = ("name", "consultation")
    list_filter = ("consultation",)
    search_fields = ("name",)
    # Items get their categories in the queue, not through thousands of options here.
    form_fields_exclude = ["comments", "threads", "answers"]


modeladmin_register(CategoryAdmin)
