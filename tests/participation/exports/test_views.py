"""The admin: who may export, streaming with a bounded number of queries, background jobs."""

import pytest
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation.accounts import roles
from participation.exports import services
from participation.exports.models import ExportJob, Format, JobStatus, What
from tests.participation.accounts.factories import UserFactory
from tests.participation.exports.conftest import many_comments, read_csv, streamed
from tests.participation.exports.test_tables import export_bytes

pytestmark = pytest.mark.django_db

ROLES = ["Besucher:in", "Bürger:in", roles.EDITORS, roles.MODERATORS, roles.PLANNERS]


def client_as(client, role):
    if role == "Besucher:in":
        return client
    user = UserFactory(roles=[] if role == "Bürger:in" else [role], verified=True)
    client.force_login(user)
    return client


def refused(response) -> bool:
    """403, or Wagtail's redirect to the admin home (it turns PermissionDenied into that, with
    its "no permission" message), or the redirect to the login page."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_login"),
    )


def post_export(client, consultation, **data):
    return client.post(
        reverse("exports:export", args=[consultation.pk]),
        {"what": What.COMMENTS, "format": Format.CSV, **data},
    )


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    client = client_as(client, role)
    allowed = role in (roles.MODERATORS, roles.PLANNERS)
    urls = [
        reverse("exports:index"),
        reverse("exports:export", args=[world.consultation.pk]),
        reverse("exports:dashboard", args=[world.consultation.pk]),
    ]
    for url in urls:
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
        elif role == "Besucher:in":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("wagtailadmin_login"))
        else:
            assert refused(response), url
    response = post_export(client, world.consultation)
    if allowed:
        assert isinstance(response, StreamingHttpResponse)
        assert read_csv(streamed(response))
    else:
        assert refused(response)
    menu = client.get(reverse("wagtailadmin_home"))
    if menu.status_code == 200:
        assert (reverse("exports:index").encode() in menu.content) == allowed


def test_small_exports_download_at_once(planner_client, world):
    response = post_export(planner_client, world.consultation)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert streamed(response) == export_bytes(world, What.COMMENTS)
    xlsx = post_export(planner_client, world.consultation, format=Format.XLSX)
    assert isinstance(xlsx, FileResponse)
    assert b"".join(xlsx.streaming_content).startswith(b"PK")
    package = post_export(planner_client, world.consultation, what=What.DATAPACKAGE)
    assert package["Content-Type"] == "application/zip"
    assert not ExportJob.objects.exists()


def test_form_errors(planner_client, world):
    response = post_export(planner_client, world.consultation, what=What.RESPONSES)
    assert response.status_code == 200
    assert "Bitte wählen Sie die Umfrage aus." in response.content.decode()
    response = post_export(
        planner_client, world.consultation, what=What.DATAPACKAGE, format=Format.XLSX
    )
    assert "Bitte wählen Sie ein CSV-Format." in response.content.decode()


def _queries_of_export(client, consultation, what, **data) -> int:
    with CaptureQueriesContext(connection) as context:
        response = post_export(client, consultation, what=what, **data)
        assert isinstance(response, StreamingHttpResponse)
        content = streamed(response)
    return len(context.captured_queries), len(read_csv(content))


@pytest.mark.parametrize("what", [What.COMMENTS, What.VOTES, What.VOTE_TOTALS])
def test_query_count_does_not_grow_with_rows(planner_client, world, what):
    few, few_rows = _queries_of_export(planner_client, world.consultation, what)
    many_comments(world.consultation, world.topic, 30)
    many, many_rows = _queries_of_export(planner_client, world.consultation, what)
    assert many_rows >= few_rows + 1
    assert many == few


def test_response_query_count_does_not_grow_with_rows(planner_client, world):
    from participation.surveys.models import Source
    from tests.participation.exports.conftest import respond

    data = {"what": What.RESPONSES, "survey": world.survey.pk}
    few, _rows = _queries_of_export(planner_client, world.consultation, **data)
    for _index in range(25):
        respond(world.survey, source=Source.PAPER, ortsteil="hundisburg", verkehrsmittel=["bus"])
    many, rows = _queries_of_export(planner_client, world.consultation, **data)
    assert rows == 27
    assert many == few


def test_large_exports_run_in_the_background(planner_client, planner, world, settings):
    settings.EXPORTS_BACKGROUND_ROWS = 3
    response = post_export(planner_client, world.consultation)
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exports:job", args=[job.pk])
    # The immediate backend ran the task at once.
    assert job.status == JobStatus.DONE
    assert job.requested_by == planner
    assert job.rows_done == job.rows_total == 6
    page = planner_client.get(response["Location"])
    html = page.content.decode()
    assert '<progress id="export-progress" max="100" value="100">' in html
    assert "6 von 6 Zeilen" in html
    assert 'http-equiv="refresh"' not in html
    download_url = reverse("exports:job_download", args=[job.pk])
    assert download_url in html
    download = planner_client.get(download_url)
    assert download["Content-Disposition"] == f'attachment; filename="{job.download_name}"'
    assert b"".join(download.streaming_content) == export_bytes(world, What.COMMENTS)
    # Not under MEDIA_ROOT, and nobody else's.
    assert str(settings.MEDIA_ROOT) not in str(services.export_job_path(job))
    other = UserFactory(roles=[roles.PLANNERS], verified=True)
    planner_client.force_login(other)
    assert refused(planner_client.get(download_url))
    assert refused(planner_client.get(response["Location"]))


def test_progress_while_running(planner_client, planner, world, settings, monkeypatch):
    many_comments(world.consultation, world.topic, 12)
    seen = []
    original = services.export_write

    def watching(export, path, *, progress=None):
        def spy(done):
            progress(done)
            seen.append(ExportJob.objects.values_list("status", "rows_done", "rows_total").get())

        original(export, path, progress=spy)

    monkeypatch.setattr(services, "export_write", watching)
    monkeypatch.setattr(services, "PROGRESS_STEP", 1)
    monkeypatch.setattr("participation.exports.writers.BATCH", 5)
    job = ExportJob.objects.create(
        requested_by=planner,
        consultation=world.consultation,
        what=What.COMMENTS,
        format=Format.CSV,
        expires_at=world.online_response.submitted_at.replace(year=2999),
    )
    page = planner_client.get(reverse("exports:job", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "0 von 0 Zeilen" in page
    services.export_job_run(job_id=str(job.pk))
    assert [row[1] for row in seen] == [5, 10, 15, 18]
    assert {row[0] for row in seen} == {JobStatus.RUNNING}
    assert {row[2] for row in seen} == {18}
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.percent) == (JobStatus.DONE, 18, 100)
    # A job is run once: a second worker finds it taken.
    assert services.export_job_run(job_id=str(job.pk)) is None


def test_expired_jobs_are_deleted_with_their_files(planner, world, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.EXPORTS_BACKGROUND_ROWS = 0
    job = services.export_job_create(
        user=planner, consultation=world.consultation, what=What.VOTES, format=Format.XLSX
    )
    path = services.export_job_path(job)
    assert path.is_file() and path.parent == settings.EXPORTS_ROOT
    stray = settings.EXPORTS_ROOT / "left-by-a-crash.csv"
    stray.write_text("x")
    assert services.export_jobs_delete_expired() == 0
    later = timezone.now() + timedelta(hours=settings.EXPORTS_RETENTION_HOURS, minutes=1)
    import os

    os.utime(stray, (0, 0))
    assert services.export_jobs_delete_expired(now=later) == 1
    assert not path.exists() and not stray.exists()
    assert not ExportJob.objects.exists()


def test_failed_job_is_recorded(planner, world, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("Platte voll")

    monkeypatch.setattr(services, "export_write", broken)
    job = services.export_job_create(
        user=planner, consultation=world.consultation, what=What.COMMENTS, format=Format.CSV
    )
    assert (job.status, job.error) == (JobStatus.FAILED, "Platte voll")
    assert services.export_job_path(job) is None
    assert not list(services.exports_root().iterdir())


def test_consultation_page_links_to_exports_for_a_superuser(client, world):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("wagtailadmin_explore", args=[world.consultation.pk])).content
    assert reverse("exports:export", args=[world.consultation.pk]).encode() in html
    assert reverse("exports:dashboard", args=[world.consultation.pk]).encode() in html
    topic_html = client.get(reverse("wagtailadmin_explore", args=[world.topic.pk])).content
    assert reverse("exports:export", args=[world.consultation.pk]).encode() not in topic_html
