from django.core.management.base import BaseCommand
from django.utils import timezone

from home.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Builds the Haldensleben ISEK demo site. Running it again changes nothing."

    def handle(self, *args, **options):
        report = seed_demo(today=timezone.localdate())
        if not report.created:
            self.stdout.write("Demo content is complete; nothing to do.")
            return
        for line in report.created:
            self.stdout.write(f"  + {line}")
        self.stdout.write(self.style.SUCCESS(f"Demo content: {len(report.created)} items created."))
