"""Background work: large exports are written by a task (the immediate backend runs it at
once in development and tests; production runs it in the database-backed worker)."""

from django.tasks import task

from participation.exports.services import export_job_run


@task
def run_export_job(job_id: str) -> str | None:
    job = export_job_run(job_id=job_id)
    return job.status if job else None
