"""File formats for the personal data download: JSON, CSV for spreadsheets, and the ZIP.

CSV files are written for German spreadsheet programs: UTF-8 with a byte order mark (so
Excel detects the encoding), `;` between cells, and every text cell that a spreadsheet would
run as a formula (starting with = + - @, a tab or a carriage return) prefixed with a single
quote. Numbers stay numbers (a vote of -1 is no formula).
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
BOM = "\ufeff"


def csv_cell(value) -> str | int | float:
    """One cell, safe to open in a spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return text


def columns_of(rows: Iterable[dict]) -> list[str]:
    """All keys of all rows, in the order they first appear."""
    columns: list[str] = []
    seen: set[str] = set()
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                columns.append(key)
    return columns


def csv_bytes(rows: list[dict], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([csv_cell(column) for column in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return (BOM + buffer.getvalue()).encode("utf-8")


def json_bytes(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder).encode("utf-8")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A person's data is small: the archive is built in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
