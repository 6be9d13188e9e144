from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """The moderation queue and its decisions, with categories and an audit log.

    Depends on contributions and surveys.
    """

    name = "participation.moderation"
    label = "moderation"
    verbose_name = _("Moderation")
