from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo.seed import DEMO_USERS


class Command(BaseCommand):
    help = "Prints the site's addresses and the demo logins (development settings only)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default=settings.BASE_URL)

    def handle(self, *args, url, **options):
        passwords = getattr(settings, "DEMO_PASSWORDS", {})
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Stadtdialog läuft gleich unter:"))
        self.stdout.write(f"  Website:        {url}/")
        self.stdout.write(f"  Verwaltung:     {url}/admin/")
        self.stdout.write(f"  Anmeldung:      {url}/konto/login/")
        if not passwords:
            self.stdout.write("Demo-Passwörter gibt es nur mit cms.settings.dev.")
            return
        self.stdout.write("Demo-Zugänge (nur für die lokale Entwicklung):")
        for user in DEMO_USERS:
            role = user.group or "Bürger:in"
            self.stdout.write(f"  {role:<12} {user.email:<34} {passwords.get(user.email, '-')}")
        self.stdout.write("")
