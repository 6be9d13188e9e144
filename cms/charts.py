"""Server-rendered, accessible SVG charts, each with the data table it was drawn from.

No JavaScript, no third-party code, printable. Every chart is a <figure>: the SVG carries
role="img" and is labelled by the caption plus a one-sentence summary; the table next to it
holds every figure, so nothing is conveyed by the drawing alone. Series are told apart by
pattern as well as colour (a palette that stays distinguishable with the common colour vision
deficiencies, every colour at least 3:1 against white); text is dark on white (17:1).

The input is plain frozen dataclasses; the functions return safe HTML:

    bar_chart(caption="Verkehrsmittel", bars=[Bar("Bus", 12, share=0.4)], value_label="Nennungen")
"""

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

Number = int | float | Decimal

WIDTH = 640
FONT_SIZE = 14
LABEL_CHARS = 80  # longer labels are shortened in the drawing; the table has them in full
NBSP = "\u00a0"

# Okabe-Ito inspired, darkened until each has ≥ 3:1 against white (WCAG 1.4.11).
COLOURS = ("#1f4e79", "#b35900", "#5e3c99", "#1b7837", "#a50f5a", "#4d4d4d", "#0b6e8a", "#7f5f00")
# White overlays that tell neighbouring series apart without colour.
PATTERNS = ("solid", "diagonal", "dots", "cross", "horizontal", "vertical", "backward", "grid")


@dataclass(frozen=True)
class Bar:
    """One bar: `share` (0–1) is shown as a percentage beside the value when given."""

    label: str
    value: Number
    share: float | None = None


@dataclass(frozen=True)
class StackedRow:
    """One row of a stacked chart: one value per series, in the order of `series`."""

    label: str
    values: tuple[Number, ...]


@dataclass(frozen=True)
class Column:
    label: str
    value: Number


def format_number(value: Number | None, decimals: int = 0) -> str:
    """A number in the active language's format (German: 1.234,5)."""
    if value is None:
        return "–"
    return number_format(round(Decimal(str(value)), decimals), decimals, force_grouping=True)


def format_percent(share: float | None, decimals: int = 1) -> str:
    """A share 0–1 as a percentage, e.g. "42,5 %"."""
    if share is None:
        return "–"
    return f"{format_number(share * 100, decimals)}{NBSP}%"


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _chart_id() -> str:
    return f"chart-{uuid.uuid4().hex[:10]}"


def _decimals(values: Sequence[Number]) -> int:
    return 0 if all(Decimal(str(value)) == int(value) for value in values) else 1


@dataclass(frozen=True)
class _Fill:
    index: int
    colour: str
    pattern: str
    id: str

    @property
    def url(self) -> str:
        return f"url(#{self.id})"


def _fills(chart_id: str, count: int) -> list[_Fill]:
    return [
        _Fill(
            index=index,
            colour=COLOURS[index % len(COLOURS)],
            pattern=PATTERNS[index % len(PATTERNS)],
            id=f"{chart_id}-fill-{index}",
        )
        for index in range(count)
    ]


def _figure(kind: str, *, context: dict) -> SafeString:
    """The <figure>: caption, the SVG drawn by `charts/<kind>_chart.html`, the table from
    `charts/<kind>_table.html` (in a <details> when `table_collapsed`)."""
    context = {**context, "kind": kind, "share_label": _("Anteil")}
    context["drawing"] = SafeString(render_to_string(f"charts/{kind}_chart.html", context))
    context["table"] = SafeString(render_to_string(f"charts/{kind}_table.html", context))
    return SafeString(render_to_string("charts/figure.html", context).strip())


def bar_chart(
    *,
    caption: str,
    bars: Sequence[Bar],
    value_label: str,
    label_heading: str | None = None,
    summary: str = "",
    table_collapsed: bool = False,
    decimals: int | None = None,
) -> SafeString:
    """Horizontal bars, one per label, with value (and share) written at the end of each
    bar. With a share on every bar the scale is 0–100 % (three of twelve is a quarter of
    the width, whatever the other bars); otherwise it runs to the largest value."""
    chart_id = _chart_id()
    decimals = _decimals([bar.value for bar in bars]) if decimals is None else decimals
    by_share = bool(bars) and all(bar.share is not None for bar in bars)
    largest = max((float(bar.value) for bar in bars), default=0) or 1
    row_height, bar_height, text_width = 46, 20, 130
    plot_width = WIDTH - text_width
    rows = []
    for index, bar in enumerate(bars):
        top = index * row_height
        width = plot_width * (bar.share if by_share else float(bar.value) / largest)
        text = format_number(bar.value, decimals)
        if bar.share is not None:
            text = f"{text} ({format_percent(bar.share)})"
        # Too long to fit after the bar: written in white at the bar's end instead.
        inside = width + 6 + len(text) * 8.5 > plot_width + text_width
        rows.append(
            {
                "bar": bar,
                "label_y": top + FONT_SIZE + 2,
                "bar_y": top + 22,
                "width": round(max(width, 2 if bar.value else 0), 2),
                "text": text,
                "text_x": round(width - 6 if inside else width + 6, 2),
                "inside": inside,
                "text_y": top + 22 + bar_height - 5,
                "short_label": _short(bar.label),
                "value": format_number(bar.value, decimals),
                "share": format_percent(bar.share) if bar.share is not None else "",
            }
        )
    return _figure(
        "bar",
        context={
            "id": chart_id,
            "caption": caption,
            "summary": summary
            or _("Balkendiagramm mit %(count)s Balken. Alle Werte stehen in der Tabelle.")
            % {"count": len(bars)},
            "rows": rows,
            "with_share": any(bar.share is not None for bar in bars),
            "width": WIDTH,
            "height": max(len(bars) * row_height, row_height),
            "bar_height": bar_height,
            "colour": COLOURS[0],
            "value_label": value_label,
            "label_heading": label_heading or _("Antwort"),
            "table_collapsed": table_collapsed,
        },
    )


def _legend(fills: list[_Fill], series: Sequence[str]) -> tuple[list[dict], int]:
    """Legend entries laid out left to right, wrapping; returns them and the height used."""
    entries, x, y, line = [], 0, 0, 24
    for fill, label in zip(fills, series, strict=True):
        text = _short(label, 40)
        width = 24 + len(text) * 7.6 + 20
        if x and x + width > WIDTH:
            x, y = 0, y + line
        entries.append(
            {
                "fill": fill,
                "label": text,
                "x": round(x, 2),
                "y": y,
                "text_x": round(x + 24, 2),
                "text_y": y + 14,
            }
        )
        x += width
    return entries, y + line + 8


def stacked_bar_chart(
    *,
    caption: str,
    series: Sequence[str],
    rows: Sequence[StackedRow],
    value_label: str,
    label_heading: str | None = None,
    summary: str = "",
    table_collapsed: bool = False,
) -> SafeString:
    """100 % stacked horizontal bars: each row (a matrix statement, a group) split into the
    shares of the series (the shared scale's options), with a legend and a table of counts
    and row percentages."""
    chart_id = _chart_id()
    fills = _fills(chart_id, len(series))
    legend, legend_height = _legend(fills, series)
    row_height, bar_height = 50, 24
    decimals = _decimals([value for row in rows for value in row.values])
    drawn = []
    for index, row in enumerate(rows):
        top = legend_height + index * row_height
        total = sum(float(value) for value in row.values)
        x, segments, cells = 0.0, [], []
        for fill, label, value in zip(fills, series, row.values, strict=True):
            share = float(value) / total if total else None
            width = WIDTH * share if share else 0
            if width:
                segments.append(
                    {
                        "fill": fill,
                        "x": round(x, 2),
                        "width": round(width, 2),
                        "label": label,
                        "share": format_percent(share),
                    }
                )
            x += width
            cells.append({"value": format_number(value, decimals), "share": format_percent(share)})
        drawn.append(
            {
                "row": row,
                "short_label": _short(row.label),
                "label_y": top + FONT_SIZE + 2,
                "bar_y": top + 22,
                "segments": segments,
                "cells": cells,
                "total": format_number(total, decimals),
            }
        )
    return _figure(
        "stacked_bar",
        context={
            "id": chart_id,
            "caption": caption,
            "summary": summary
            or _(
                "Gestapeltes Balkendiagramm: %(rows)s Zeilen, je aufgeteilt in %(series)s "
                "Anteile. Alle Werte stehen in der Tabelle."
            )
            % {"rows": len(rows), "series": len(series)},
            "fills": fills,
            "legend": legend,
            "series": series,
            "rows": drawn,
            "width": WIDTH,
            "height": legend_height + max(len(rows), 1) * row_height,
            "bar_height": bar_height,
            "value_label": value_label,
            "label_heading": label_heading or _("Aussage"),
            "table_collapsed": table_collapsed,
        },
    )


def _nice_ticks(largest: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2, 5 × 10ⁿ) up to at least `largest`."""
    if largest <= 0:
        return [0, 1]
    raw = largest / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return [step * index for index in range(math.ceil(largest / step) + 1)]


def column_chart(
    *,
    caption: str,
    columns: Sequence[Column],
    value_label: str,
    label_heading: str | None = None,
    summary: str = "",
    table_collapsed: bool = False,
) -> SafeString:
    """Vertical columns, e.g. contributions per day, with a value axis and gridlines; with
    many columns only every n-th label is drawn (the table has them all)."""
    chart_id = _chart_id()
    decimals = _decimals([column.value for column in columns])
    ticks = _nice_ticks(max((float(column.value) for column in columns), default=0))
    top, left, bottom, height = 24, 56, 48, 260
    plot_height = height - top - bottom
    plot_width = WIDTH - left - 8
    slot = plot_width / max(len(columns), 1)
    label_every = max(1, math.ceil(len(columns) / 10))
    scale = plot_height / ticks[-1]
    drawn = []
    for index, column in enumerate(columns):
        column_height = float(column.value) * scale
        x = left + index * slot + slot * 0.15
        drawn.append(
            {
                "column": column,
                "x": round(x, 2),
                "y": round(top + plot_height - column_height, 2),
                "value_y": round(top + plot_height - column_height - 4, 2),
                "width": round(slot * 0.7, 2),
                "height": round(column_height, 2),
                "centre": round(x + slot * 0.35, 2),
                "show_label": index % label_every == 0,
                "show_value": len(columns) <= 16 and column.value,
                "value": format_number(column.value, decimals),
                "short_label": _short(column.label, 12),
            }
        )
    return _figure(
        "column",
        context={
            "id": chart_id,
            "caption": caption,
            "summary": summary
            or _("Säulendiagramm mit %(count)s Säulen. Alle Werte stehen in der Tabelle.")
            % {"count": len(columns)},
            "columns": drawn,
            "ticks": [
                {
                    "y": round(top + plot_height - tick * scale, 2),
                    "text_y": round(top + plot_height - tick * scale + 5, 2),
                    "text": format_number(tick, _decimals(ticks)),
                }
                for tick in ticks
            ],
            "tick_x": left - 6,
            "width": WIDTH,
            "height": height,
            "left": left,
            "right": WIDTH - 8,
            "baseline": top + plot_height,
            "label_y": top + plot_height + 20,
            "colour": COLOURS[0],
            "value_label": value_label,
            "label_heading": label_heading or _("Datum"),
            "table_collapsed": table_collapsed,
        },
    )
