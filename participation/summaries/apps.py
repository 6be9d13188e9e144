from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SummariesConfig(AppConfig):
    """Moderated summaries (Ergebnisbericht) whose figures freeze on publishing.

    Depends on moderation, contributions, consultations and surveys; nothing depends on it
    (the consultation page finds its report through the `summaries_tags` template tag).
    """

    name = "participation.summaries"
    label = "summaries"
    verbose_name = _("Ergebnisberichte")

    def ready(self):
        from wagtail.signals import page_published

        from participation.summaries import receivers
        from participation.summaries.models import SummaryPage

        page_published.connect(
            receivers.freeze_on_publish, sender=SummaryPage, dispatch_uid="summaries-freeze"
        )
