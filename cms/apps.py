from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Allgemeine Inhalte")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms.cache import content_changed

        # Any change to the page tree makes every stored page (menus, teasers) out of date.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(content_changed, dispatch_uid="cms.cache.content_changed")
        post_delete.connect(content_changed, sender=Page, dispatch_uid="cms.cache.content_changed")
