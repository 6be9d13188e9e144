from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "participation.contributions"
    label = "contributions"
    verbose_name = _("Beiträge")

    def ready(self):
        from django.db.models.signals import post_save

        from cms.cache import content_changed
        from participation.contributions.fragments import comment_saved
        from participation.contributions.models import Comment, Thread

        # Shared caches (participation/contributions/fragments.py, cms/cache.py) must not
        # show a contribution as it was before it was edited, deleted or moderated.
        post_save.connect(comment_saved, sender=Comment, dispatch_uid="contributions.fragments")
        for model in (Comment, Thread):
            post_save.connect(content_changed, sender=model, dispatch_uid="contributions.pages")
