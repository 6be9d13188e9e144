from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Exports in CSV, XLSX and JSON, the data package, and the planners' dashboard.

    Depends on every other participation app; nothing depends on it.
    """

    name = "participation.exports"
    label = "exports"
    verbose_name = _("Exporte und Auswertung")
