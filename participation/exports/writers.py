"""Writers: a table as CSV, JSON or JSON Lines (streamed), as XLSX or a data package (a file).

Memory stays flat: rows are written as they come, in batches; XLSX is written by openpyxl in
write-only mode to a file, the data package is a zip written to a file entry by entry.

CSV is for German spreadsheets by default: UTF-8 with a byte order mark, `;` between cells
and a decimal comma; with `,` between cells numbers keep a decimal point. Text cells that a
spreadsheet would run as a formula (starting with = + - @, tab or carriage return) get a
leading single quote. XLSX writes every text cell as text, never as a formula.
"""

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from participation.exports.tables import ColumnType, Table, chunked
from participation.privacy.files import BOM, FORMULA_STARTS

Progress = Callable[[int], None]
BATCH = 500
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
TRUE, FALSE = "ja", "nein"
SHEET_TITLE_UNSAFE = re.compile(r"[\[\]:*?/\\]")


def _local(value: datetime | None) -> datetime | None:
    return None if value is None else timezone.localtime(value).replace(tzinfo=None)


# --- CSV ----------------------------------------------------------------------------------


def _csv_text(value) -> str | None:
    if value is None:
        return None
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_number_comma(value) -> str | None:
    return None if value is None else str(value).replace(".", ",")


def _csv_boolean(value) -> str | None:
    return None if value is None else (TRUE if value else FALSE)


def _csv_datetime(value) -> str | None:
    return None if value is None else _local(value).strftime(DATETIME_FORMAT)


def _csv_converters(table: Table, decimal_comma: bool) -> list:
    by_type = {
        ColumnType.STRING: _csv_text,
        ColumnType.NUMBER: _csv_number_comma if decimal_comma else None,
        ColumnType.BOOLEAN: _csv_boolean,
        ColumnType.DATETIME: _csv_datetime,
    }
    return [by_type.get(column.type) for column in table.columns]


def _converted(rows: Iterable[tuple], converters: list) -> Iterator[list]:
    plan = [(index, convert) for index, convert in enumerate(converters) if convert]
    for row in rows:
        row = list(row)
        for index, convert in plan:
            row[index] = convert(row[index])
        yield row


def _report(progress: Progress | None, done: int) -> None:
    if progress is not None:
        progress(done)


def csv_stream(
    table: Table, *, delimiter: str = ";", progress: Progress | None = None
) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(table.column_names)
    yield (BOM + buffer.getvalue()).encode("utf-8")
    converters = _csv_converters(table, decimal_comma=delimiter == ";")
    done = 0
    for batch in chunked(_converted(table.rows(), converters), BATCH):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(batch)
        done += len(batch)
        yield buffer.getvalue().encode("utf-8")
        _report(progress, done)


# --- JSON and JSON Lines ------------------------------------------------------------------


def _json_number(value):
    return None if value is None else float(value) if isinstance(value, Decimal) else value


def _json_datetime(value):
    return None if value is None else timezone.localtime(value).isoformat()


def _json_date(value):
    return None if value is None else value.isoformat()


def _json_rows(table: Table, progress: Progress | None) -> Iterator[list[str]]:
    by_type = {
        ColumnType.NUMBER: _json_number,
        ColumnType.DATETIME: _json_datetime,
        ColumnType.DATE: _json_date,
    }
    converters = [by_type.get(column.type) for column in table.columns]
    names = table.column_names
    done = 0
    for batch in chunked(_converted(table.rows(), converters), BATCH):
        done += len(batch)
        yield [json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) for row in batch]
        _report(progress, done)


def json_stream(table: Table, *, progress: Progress | None = None) -> Iterator[bytes]:
    """One JSON array of objects, one object per row."""
    separator = "[\n"
    for batch in _json_rows(table, progress):
        yield (separator + ",\n".join(batch)).encode("utf-8")
        separator = ",\n"
    yield ("[]\n" if separator == "[\n" else "\n]\n").encode("utf-8")


def jsonl_stream(table: Table, *, progress: Progress | None = None) -> Iterator[bytes]:
    """JSON Lines: one object per line, for tables too large to load as one document."""
    for batch in _json_rows(table, progress):
        yield ("\n".join(batch) + "\n").encode("utf-8")


# --- XLSX ---------------------------------------------------------------------------------


def _xlsx_sheet(workbook: Workbook, table: Table, progress: Progress | None) -> None:
    sheet = workbook.create_sheet(title=SHEET_TITLE_UNSAFE.sub("_", table.title)[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in table.column_names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)

    def text(value):
        if value is None:
            return None
        value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        if value.startswith("="):
            # openpyxl would store it as a formula; text stays text.
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value

    by_type = {ColumnType.STRING: text, ColumnType.DATETIME: _local}
    converters = [by_type.get(column.type) for column in table.columns]
    done = 0
    for row in _converted(table.rows(), converters):
        sheet.append(row)
        done += 1
        if done % BATCH == 0:
            _report(progress, done)
    _report(progress, done)


def write_xlsx(tables: list[Table], path: Path, *, progress: Progress | None = None) -> None:
    """The first table is the data; the others (its codebook) follow as sheets."""
    workbook = Workbook(write_only=True)
    for index, table in enumerate(tables):
        _xlsx_sheet(workbook, table, progress if index == 0 else None)
    workbook.save(path)


# --- Data package -------------------------------------------------------------------------


def table_schema(table: Table, *, decimal_comma: bool) -> dict:
    """A Frictionless Table Schema for the table's CSV file."""
    fields = []
    for column in table.columns:
        field = {"name": column.name, "title": str(column.label), "type": column.type}
        if column.values:
            field["description"] = str(column.values)
        if column.type == ColumnType.BOOLEAN:
            field["trueValues"], field["falseValues"] = [TRUE], [FALSE]
        elif column.type == ColumnType.DATETIME:
            field["format"] = DATETIME_FORMAT
        elif column.type == ColumnType.NUMBER and decimal_comma:
            field["decimalChar"] = ","
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def write_datapackage(
    tables: list[Table],
    path: Path,
    *,
    name: str,
    title: str,
    delimiter: str = ";",
    progress: Progress | None = None,
) -> None:
    """A zip with one CSV per table and a datapackage.json describing them."""
    resources = []
    done_before = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            file_name = f"{table.name}.csv"
            done = 0

            def report(count: int, before=done_before) -> None:
                nonlocal done
                done = count
                _report(progress, before + count)

            with archive.open(file_name, "w", force_zip64=True) as entry:
                for chunk in csv_stream(table, delimiter=delimiter, progress=report):
                    entry.write(chunk)
            done_before += done
            resources.append(
                {
                    "name": table.name.replace("_", "-").lower(),
                    "path": file_name,
                    "title": table.title,
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8-sig",
                    "dialect": {"delimiter": delimiter, "header": True},
                    "schema": table_schema(table, decimal_comma=delimiter == ";"),
                }
            )
        package = {
            "profile": "tabular-data-package",
            "name": name,
            "title": title,
            "created": timezone.now().isoformat(),
            "resources": resources,
        }
        archive.writestr(
            "datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n"
        )
