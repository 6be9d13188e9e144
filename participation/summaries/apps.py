from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SummariesConfig(AppConfig):
    """Moderated summaries (Ergebnisbericht) whose figures freeze on publishing.

    Depends on moderation and surveys.
    """

    name = "participation.summaries"
    label = "summaries"
    verbose_name = _("Ergebnisberichte")
