"""Reading the download as the person would: unpack the ZIP, parse JSON, read CSV."""

import csv
import io
import json
import zipfile

from django.urls import reverse

MY_DATA_URL = "/konto/meine-daten/"
DOWNLOAD_URL = "/konto/meine-daten/herunterladen/"
DELETE_URL = "/konto/loeschen/"


def download(client) -> zipfile.ZipFile:
    response = client.get(DOWNLOAD_URL)
    assert response.status_code == 200, response
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="stadtdialog-')
    return zipfile.ZipFile(io.BytesIO(response.content))


def json_rows(archive: zipfile.ZipFile, name: str) -> list[dict]:
    return json.loads(archive.read(f"{name}.json").decode("utf-8"))


def csv_rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    raw = archive.read(f"{name}.csv")
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def csv_dicts(archive: zipfile.ZipFile, name: str) -> list[dict]:
    header, *rows = csv_rows(archive, name)
    return [dict(zip(header, row, strict=True)) for row in rows]


def thread_url(thread) -> str:
    return reverse("contributions:thread", args=[thread.forum_id, thread.pk])
