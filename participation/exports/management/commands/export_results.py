"""`python manage.py export_results --consultation SLUG --what ... --format ... --output PATH`

For scripts and cron: writes one export of a consultation to a file, with a progress bar on
a terminal. The same tables, pseudonyms and formats as the admin's exports.
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from participation.consultations.models import ConsultationPage
from participation.exports import scope, services
from participation.exports.models import SURVEY_WHATS, Format, What

FORMATS = {"csv": Format.CSV, "xlsx": Format.XLSX, "json": Format.JSON, "jsonl": Format.JSONL}
BAR_WIDTH = 30


class ProgressBar:
    def __init__(self, stream, total: int):
        self.stream, self.total, self.last = stream, total, 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and done < self.total:
            return
        self.last = now
        share = min(done / self.total, 1) if self.total else 1
        filled = int(BAR_WIDTH * share)
        bar = "█" * filled + "·" * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {share:4.0%} {done}/{self.total} Zeilen")
        self.stream.flush()

    def finish(self) -> None:
        self(self.total)
        self.stream.write("\n")


class Command(BaseCommand):
    help = "Exportiert Ergebnisse eines Beteiligungsverfahrens (pseudonymisiert) in eine Datei."

    def add_arguments(self, parser):
        parser.add_argument("--consultation", required=True, help="Slug des Verfahrens")
        parser.add_argument("--what", required=True, choices=[what.value for what in What])
        parser.add_argument("--format", default="csv", choices=sorted(FORMATS))
        parser.add_argument("--output", required=True, help="Pfad der Datei")
        parser.add_argument(
            "--survey", help="Slug der Umfrage (nötig, wenn das Verfahren mehrere hat)"
        )
        parser.add_argument(
            "--delimiter", default=";", choices=[";", ","], help="Trennzeichen für CSV"
        )
        parser.add_argument(
            "--include-moderated",
            action="store_true",
            help="Ausgeblendete und abgelehnte Beiträge einschließen",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        consultation = ConsultationPage.objects.filter(slug=options["consultation"]).first()
        if consultation is None:
            raise CommandError(
                _("Kein Beteiligungsverfahren mit dem Slug „%(slug)s“.")
                % {"slug": options["consultation"]}
            )
        what = What(options["what"])
        format = FORMATS[options["format"]]
        if what == What.DATAPACKAGE and format != Format.CSV:
            raise CommandError(_("Das Datenpaket gibt es nur als CSV (--format csv)."))
        if format == Format.CSV and options["delimiter"] == ",":
            format = Format.CSV_COMMA
        survey = self._survey(consultation, what, options["survey"])
        export = services.export_build(
            consultation=consultation,
            what=what,
            format=format,
            survey=survey,
            include_moderated=options["include_moderated"],
        )
        progress = None
        if not options["no_progress"] and sys.stderr.isatty():
            progress = ProgressBar(sys.stderr, export.rows_total)
        services.export_write(export, Path(options["output"]), progress=progress)
        if progress:
            progress.finish()
        self.stdout.write(f"{options['output']}: {export.file_name}")

    def _survey(self, consultation, what, slug):
        if what not in SURVEY_WHATS:
            return None
        surveys = scope.consultation_surveys(consultation)
        if slug:
            survey = surveys.filter(slug=slug).first()
            if survey is None:
                raise CommandError(
                    _("Keine Umfrage „%(slug)s“ in diesem Verfahren.") % {"slug": slug}
                )
            return survey
        found = list(surveys[:2])
        if len(found) != 1:
            slugs = ", ".join(surveys.values_list("slug", flat=True)) or "keine"
            raise CommandError(
                _("Bitte --survey angeben (Umfragen: %(slugs)s).") % {"slugs": slugs}
            )
        return found[0]
