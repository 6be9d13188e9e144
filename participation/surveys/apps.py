from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """Surveys built by editors in the admin, answered step by step, and their results.

    Depends on consultations and contributions (Participant, human checks, rate limits).
    """

    name = "participation.surveys"
    label = "surveys"
    verbose_name = _("Umfragen")
