from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from participation.privacy.services import (
    captchas_purge_expired,
    participants_purge_expired,
    sessions_purge_expired,
)


class Command(BaseCommand):
    help = (
        "Löscht, was nicht mehr gebraucht wird: Kennungen anonymer Teilnehmender nach Ablauf "
        "der Aufbewahrungsfrist, Teilnehmende ohne Beiträge, abgelaufene Captchas und "
        "Sitzungen. Täglich per cron aufrufen."
    )

    def handle(self, *args, **options):
        days = settings.PRIVACY_ANONYMOUS_TOKEN_RETENTION_DAYS
        participants = participants_purge_expired(retention_days=days)
        captchas = captchas_purge_expired()
        sessions = sessions_purge_expired()
        with translation.override(settings.LANGUAGE_CODE):
            lines = [
                _("Aufbewahrungsfrist für anonyme Kennungen: %(days)d Tage nach Verfahrensende.")
                % {"days": days},
                _("Anonyme Kennungen entfernt (Beiträge bleiben erhalten): %(n)d")
                % {"n": participants.tokens_removed},
                _("Teilnehmende ohne Beiträge gelöscht: %(n)d")
                % {"n": participants.participants_deleted},
                _("Abgelaufene Captchas gelöscht: %(n)d") % {"n": captchas},
                _("Abgelaufene Sitzungen gelöscht: %(n)d") % {"n": sessions}
                if sessions is not None
                else _("Sitzungen im Cache laufen von selbst ab; nichts zu löschen."),
            ]
        for line in lines:
            self.stdout.write(line)
