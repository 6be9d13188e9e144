"""`python manage.py delete_expired_exports` (cron, hourly): deletes expired export files."""

from django.core.management.base import BaseCommand

from participation.exports.services import export_jobs_delete_expired


class Command(BaseCommand):
    help = "Löscht abgelaufene Exporte und ihre Dateien."

    def handle(self, *args, **options):
        deleted = export_jobs_delete_expired()
        self.stdout.write(f"{deleted} abgelaufene Exporte gelöscht.")
