"""Writing exports: to a response stream, to a file, or as a background job with progress."""

import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from participation.consultations.models import ConsultationPage
from participation.exports import writers
from participation.exports.models import ExportJob, Format, JobStatus, What
from participation.exports.tables import Table, tables_for
from participation.surveys.models import SurveyPage

logger = logging.getLogger(__name__)

# Formats streamed as they are written; XLSX and the data package are files first.
STREAMED_FORMATS = (Format.CSV, Format.CSV_COMMA, Format.JSON, Format.JSONL)
CONTENT_TYPES = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.CSV_COMMA: "text/csv; charset=utf-8",
    Format.JSON: "application/json",
    Format.JSONL: "application/jsonl",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
EXTENSIONS = {
    Format.CSV: "csv",
    Format.CSV_COMMA: "csv",
    Format.JSON: "json",
    Format.JSONL: "jsonl",
    Format.XLSX: "xlsx",
}
# Progress is written to the job at most this often (in rows).
PROGRESS_STEP = 2000


@dataclass(frozen=True)
class Export:
    """What was asked for, resolved to tables."""

    consultation: ConsultationPage
    what: str
    format: str
    tables: list[Table]
    survey: SurveyPage | None = None

    @property
    def is_file(self) -> bool:
        return self.what == What.DATAPACKAGE or self.format not in STREAMED_FORMATS

    @property
    def extension(self) -> str:
        return "zip" if self.what == What.DATAPACKAGE else EXTENSIONS[self.format]

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES["zip" if self.what == What.DATAPACKAGE else self.format]

    @property
    def delimiter(self) -> str:
        return "," if self.format == Format.CSV_COMMA else ";"

    @property
    def file_name(self) -> str:
        stem = "datenpaket" if self.what == What.DATAPACKAGE else self.tables[0].name
        date = timezone.localdate().isoformat()
        return f"{self.consultation.slug}_{stem}_{date}.{self.extension}"

    @property
    def rows_total(self) -> int:
        """Rows of the data tables (a codebook sheet in an XLSX file is not counted)."""
        tables = self.tables if self.what == What.DATAPACKAGE else self.tables[:1]
        return sum(table.count() for table in tables)


def export_build(
    *,
    consultation: ConsultationPage,
    what: str,
    format: str,
    survey: SurveyPage | None = None,
    include_moderated: bool = False,
) -> Export:
    return Export(
        consultation=consultation,
        what=what,
        format=format,
        survey=survey,
        tables=tables_for(
            consultation,
            what=what,
            survey=survey,
            include_moderated=include_moderated,
            with_codebook=format == Format.XLSX,
        ),
    )


def export_stream(
    export: Export, *, progress: Callable[[int], None] | None = None
) -> Iterator[bytes]:
    """CSV, JSON or JSON Lines, chunk by chunk."""
    table = export.tables[0]
    if export.format == Format.JSON:
        return writers.json_stream(table, progress=progress)
    if export.format == Format.JSONL:
        return writers.jsonl_stream(table, progress=progress)
    return writers.csv_stream(table, delimiter=export.delimiter, progress=progress)


def export_write(
    export: Export, path: Path, *, progress: Callable[[int], None] | None = None
) -> None:
    """Writes the export to `path`, whatever its format."""
    if export.what == What.DATAPACKAGE:
        writers.write_datapackage(
            export.tables,
            path,
            name=f"{export.consultation.slug}-ergebnisse",
            title=export.consultation.title,
            delimiter=export.delimiter,
            progress=progress,
        )
    elif export.format == Format.XLSX:
        writers.write_xlsx(export.tables, path, progress=progress)
    else:
        with open(path, "wb") as file:
            for chunk in export_stream(export, progress=progress):
                file.write(chunk)


def export_temporary_file(export: Export):
    """The export written to a temporary file (gone when closed), at offset 0."""
    # Deleted when closed: the FileResponse closes it once it has been sent.
    file = tempfile.NamedTemporaryFile(prefix="export-", suffix=f".{export.extension}")  # noqa: SIM115
    export_write(export, Path(file.name))
    file.seek(0)
    return file


# --- Background jobs ----------------------------------------------------------------------


def exports_root() -> Path:
    root = Path(settings.EXPORTS_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def export_job_create(
    *,
    user,
    consultation: ConsultationPage,
    what: str,
    format: str,
    survey: SurveyPage | None = None,
    include_moderated: bool = False,
    rows_total: int = 0,
) -> ExportJob:
    """Records the job and hands it to the task queue (run at once by the immediate backend)."""
    from participation.exports.tasks import run_export_job

    job = ExportJob.objects.create(
        requested_by=user,
        consultation=consultation,
        survey=survey,
        what=what,
        format=format,
        include_moderated=include_moderated,
        rows_total=rows_total,
        expires_at=timezone.now() + timedelta(hours=settings.EXPORTS_RETENTION_HOURS),
    )
    run_export_job.enqueue(str(job.pk))
    job.refresh_from_db()
    return job


def export_job_run(*, job_id: str) -> ExportJob | None:
    """Writes the job's file to EXPORTS_ROOT, recording progress as it goes."""
    claimed = ExportJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING
    )
    if not claimed:
        return None  # already taken by another worker, or gone
    job = ExportJob.objects.select_related("consultation", "survey").get(pk=job_id)
    export = export_build(
        consultation=job.consultation,
        what=job.what,
        format=job.format,
        survey=job.survey,
        include_moderated=job.include_moderated,
    )
    rows_total = export.rows_total
    ExportJob.objects.filter(pk=job.pk).update(rows_total=rows_total)
    file_name = f"{job.pk}.{export.extension}"
    path = exports_root() / file_name
    last = 0

    def progress(done: int) -> None:
        nonlocal last
        if done - last >= PROGRESS_STEP:
            last = done
            ExportJob.objects.filter(pk=job.pk).update(rows_done=Least(done, F("rows_total")))

    try:
        export_write(export, path, progress=progress)
    except Exception as error:
        path.unlink(missing_ok=True)
        logger.exception("Export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=str(error)[:1000], finished_at=timezone.now()
        )
        return None
    ExportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE,
        rows_done=rows_total,
        file_name=file_name,
        download_name=export.file_name,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def export_job_path(job: ExportJob) -> Path | None:
    if job.status != JobStatus.DONE or not job.file_name or job.expires_at <= timezone.now():
        return None
    path = exports_root() / job.file_name
    return path if path.is_file() else None


def export_jobs_delete_expired(*, now=None) -> int:
    """Deletes expired jobs with their files, and files no job knows (left by a crash)."""
    now = now or timezone.now()
    root = exports_root()
    expired = ExportJob.objects.filter(expires_at__lte=now)
    for file_name in expired.exclude(file_name="").values_list("file_name", flat=True):
        (root / file_name).unlink(missing_ok=True)
    deleted, _ = expired.delete()
    known = set(ExportJob.objects.exclude(file_name="").values_list("file_name", flat=True))
    cutoff = (now - timedelta(hours=settings.EXPORTS_RETENTION_HOURS)).timestamp()
    for path in root.iterdir():
        if path.is_file() and path.name not in known and path.stat().st_mtime < cutoff:
            path.unlink()
    return deleted
