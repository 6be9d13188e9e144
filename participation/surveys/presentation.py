"""Survey results as HTML: one question's figures, chart and table, in German.

Used by the public results page, the staff view in the admin and (with frozen figures from
`SurveyResults.from_dict`) by summary pages. Charts come from `cms.charts`.
"""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.charts import (
    Bar,
    StackedRow,
    bar_chart,
    format_number,
    format_percent,
    stacked_bar_chart,
)
from participation.surveys.questions import QuestionKind
from participation.surveys.results import Group, QuestionResult

CHOICE_LIKE = {
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.DROPDOWN,
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.YES_NO,
}
SCALE_LIKE = {QuestionKind.RATING, QuestionKind.NUMBER, QuestionKind.DATE}
TEXT_LIKE = {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT}


def _figure(label: str, value: str) -> dict:
    return {"label": label, "value": value}


def _stats_figures(result: QuestionResult) -> list[dict]:
    if result.stats is None:
        return []
    decimals = max(1, result.decimal_places)
    unit = f"\u00a0{result.unit}" if result.unit else ""
    stats = result.stats
    return [
        _figure(_("Mittelwert"), format_number(stats.mean, decimals) + unit),
        _figure(_("Median"), format_number(stats.median, decimals) + unit),
        _figure(_("kleinster Wert"), format_number(stats.minimum, result.decimal_places) + unit),
        _figure(_("größter Wert"), format_number(stats.maximum, result.decimal_places) + unit),
    ]


def _answered_figure(result: QuestionResult) -> dict:
    value = format_number(result.answered)
    if result.respondents:
        value = _("%(answered)s von %(respondents)s (%(share)s)") % {
            "answered": value,
            "respondents": format_number(result.respondents),
            "share": format_percent(result.answered_share),
        }
    return _figure(_("Antworten"), value)


def _bars(options, *, with_share: bool = True) -> list[Bar]:
    return [
        Bar(option.label, option.count, option.share if with_share else None) for option in options
    ]


def _chart(result: QuestionResult) -> tuple[SafeString | None, str]:
    """The chart for one question and a note on how to read it."""
    kind = result.kind
    answered_note = ngettext(
        "Anteile bezogen auf die %(count)s Person, die diese Frage beantwortet hat.",
        "Anteile bezogen auf die %(count)s Personen, die diese Frage beantwortet haben.",
        result.answered,
    ) % {"count": format_number(result.answered)}
    if kind in CHOICE_LIKE or kind in SCALE_LIKE:
        note = answered_note
        if kind == QuestionKind.MULTIPLE_CHOICE:
            note = _(
                "Mehrfachauswahl: %(note)s Wer mehrere Antworten gewählt hat, zählt bei jeder; "
                "die Anteile ergeben daher zusammen mehr als 100 %%."
            ) % {"note": answered_note}
        chart = bar_chart(
            caption=result.label,
            bars=_bars(result.options),
            value_label=_("Anzahl"),
            label_heading=_("Jahr") if kind == QuestionKind.DATE else _("Antwort"),
        )
        return chart, note
    if kind == QuestionKind.MATRIX:
        series = [option.label for option in result.rows[0].options] if result.rows else []
        chart = stacked_bar_chart(
            caption=result.label,
            series=series,
            rows=[
                StackedRow(row.label, tuple(option.count for option in row.options))
                for row in result.rows
            ],
            value_label=_("Anzahl"),
        )
        return chart, _("Anteile je Aussage bezogen auf alle, die diese Aussage bewertet haben.")
    if kind == QuestionKind.RANKING:
        places = len(result.ranking[0].ranks) if result.ranking else 0
        chart = stacked_bar_chart(
            caption=_("%(label)s: Verteilung der Plätze") % {"label": result.label},
            series=[_("Platz %(place)s") % {"place": place} for place in range(1, places + 1)],
            rows=[StackedRow(rank.label, rank.ranks) for rank in result.ranking],
            value_label=_("Anzahl"),
            label_heading=_("Option"),
        )
        return chart, _(
            "Sortiert nach dem durchschnittlichen Platz (1 = am wichtigsten); darunter, wie oft "
            "jede Option auf welchem Platz landete."
        )
    return None, ""


def render_question_result(result: QuestionResult, *, heading_level: int = 3) -> SafeString:
    """Heading, key figures, chart with its table, and how to read it; for text questions the
    number of answers and the approved quotes only."""
    chart, note = _chart(result) if result.answered else (None, "")
    figures = [_answered_figure(result), *_stats_figures(result)]
    return SafeString(
        render_to_string(
            "surveys/results/question.html",
            {
                "result": result,
                "heading_level": min(max(heading_level, 2), 6),
                "figures": figures,
                "chart": chart,
                "note": note,
                "ranking": [
                    {"label": rank.label, "average": format_number(rank.average_rank, 2)}
                    for rank in result.ranking
                ],
                "is_text": result.kind in TEXT_LIKE,
            },
        ).strip()
    )


def _group_cells(kind: str, result: QuestionResult) -> list[str]:
    if kind == QuestionKind.NUMBER:
        figures = _stats_figures(result) or [_figure("", "–")] * 4
        return [format_number(result.answered)] + [figure["value"] for figure in figures]
    if kind == QuestionKind.RANKING:
        return [format_number(rank.average_rank, 2) for rank in result.ranking]
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return [format_number(result.answered)] + [
            f"{format_number(o.count)} ({format_percent(o.share)})" for o in result.options
        ]
    return [format_number(result.answered)]


def render_grouped_question(
    pairs: list[tuple[Group, QuestionResult]], *, group_label: str, heading_level: int = 3
) -> SafeString:
    """One question's result per group (from `GroupedResults.question(key)`): stacked bars
    with their table for single answers, scales and matrix statements; a table otherwise."""
    first = pairs[0][1]
    kind = first.kind
    charts, table = [], None
    caption = _("%(label)s – nach %(group)s") % {"label": first.label, "group": group_label}
    single = kind in CHOICE_LIKE - {QuestionKind.MULTIPLE_CHOICE} or kind == QuestionKind.RATING
    if single:
        charts.append(
            stacked_bar_chart(
                caption=caption,
                series=[option.label for option in first.options],
                rows=[
                    StackedRow(group.label, tuple(option.count for option in result.options))
                    for group, result in pairs
                ],
                value_label=_("Anzahl"),
                label_heading=group_label,
            )
        )
    elif kind == QuestionKind.MATRIX:
        for index, row in enumerate(first.rows):
            charts.append(
                stacked_bar_chart(
                    caption=_("%(statement)s – nach %(group)s")
                    % {"statement": row.label, "group": group_label},
                    series=[option.label for option in row.options],
                    rows=[
                        StackedRow(
                            group.label,
                            tuple(option.count for option in result.rows[index].options),
                        )
                        for group, result in pairs
                    ],
                    value_label=_("Anzahl"),
                    label_heading=group_label,
                    table_collapsed=True,
                )
            )
    else:
        if kind == QuestionKind.RANKING:
            headings = [_("Ø Platz: %(option)s") % {"option": r.label} for r in first.ranking]
        elif kind == QuestionKind.MULTIPLE_CHOICE:
            headings = [_("Antworten")] + [option.label for option in first.options]
        elif kind == QuestionKind.NUMBER:
            headings = [
                _("Antworten"),
                _("Mittelwert"),
                _("Median"),
                _("kleinster Wert"),
                _("größter Wert"),
            ]
        else:
            headings = [_("Antworten")]
        table = {
            "caption": caption,
            "group_label": group_label,
            "headings": headings,
            "rows": [
                {"label": group.label, "cells": _group_cells(kind, result)}
                for group, result in pairs
            ],
        }
    note = ""
    if kind == QuestionKind.MULTIPLE_CHOICE:
        note = _(
            "Mehrfachauswahl: Anteile je Gruppe bezogen auf die Personen der Gruppe, die die "
            "Frage beantwortet haben."
        )
    elif single or kind == QuestionKind.MATRIX:
        note = _("Anteile je Gruppe bezogen auf die Personen der Gruppe, die geantwortet haben.")
    return SafeString(
        render_to_string(
            "surveys/results/grouped_question.html",
            {
                "result": first,
                "heading_level": min(max(heading_level, 2), 6),
                "charts": charts,
                "table": table,
                "note": note,
            },
        ).strip()
    )
