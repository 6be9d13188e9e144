"""Survey results (selectors): counts, shares and statistics from SQL aggregation.

Results are a handful of GROUP BY queries over the answer and choice rows — a fixed number of
queries whatever the number of responses; no response is ever loaded into Python. The
breakdown by a demographic question is the same queries joined once to that question's
choice rows and grouped by its option as well.

The rule for shares: every share is of the respondents WHO ANSWERED THE QUESTION. For a
multiple-choice question that is, per option, "how many of those who answered chose it" —
so the shares add up to more than 100 % (not a share of option combinations, the mistake of
Decidim #16421).

The results are frozen dataclasses of plain values; `to_dict()` / `from_dict()` turn them
into JSON and back (summaries freeze the figures when they are published).
"""

import dataclasses
import math
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.charts import format_number
from participation.consultations.models import ConsultationPage
from participation.consultations.phases import Action
from participation.contributions.models import Participant
from participation.surveys.availability import survey_availability
from participation.surveys.models import (
    Answer,
    AnswerChoice,
    QuoteStatus,
    Response,
    ResultsVisibility,
    Source,
    SurveyPage,
)
from participation.surveys.questions import (
    CHOICE_KINDS,
    Question,
    QuestionKind,
    SurveySchema,
)

# Approved quotes shown per question (they are moderated one by one, so few in practice).
QUOTES_PER_QUESTION = 50
# A number question with more distinct values than this is shown in ranges.
MAX_DISTINCT_VALUES = 12
NUMBER_BINS = 10
NO_ANSWER_KEY = ""
SOURCE_GROUP_KEY = "quelle"  # the breakdown by source instead of by a question


@dataclass(frozen=True)
class OptionCount:
    """An option (or a value, a range of values, a year) and how many chose it; `share` is of
    the respondents who answered the question (None when nobody did)."""

    key: str
    label: str
    count: int
    share: float | None


@dataclass(frozen=True)
class RowResult:
    """One statement of a matrix: its distribution over the shared scale."""

    key: str
    label: str
    answered: int
    options: tuple[OptionCount, ...]


@dataclass(frozen=True)
class RankResult:
    """One option of a ranking: `ranks[i]` is how many put it in place i + 1."""

    key: str
    label: str
    ranked: int
    average_rank: float | None
    ranks: tuple[int, ...]


@dataclass(frozen=True)
class NumberStats:
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None


@dataclass(frozen=True)
class QuestionResult:
    key: str
    code: str
    kind: str
    label: str
    respondents: int  # of the result set, whether they answered this question or not
    answered: int
    options: tuple[OptionCount, ...] = ()  # choices, yes/no, scale values, number ranges, years
    rows: tuple[RowResult, ...] = ()  # matrix
    ranking: tuple[RankResult, ...] = ()  # ranking, in order of average rank
    stats: NumberStats | None = None  # rating and number
    unit: str = ""
    decimal_places: int = 0
    quotes: tuple[str, ...] = ()  # approved text answers only
    archived: bool = False

    @property
    def multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE_CHOICE

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.respondents if self.respondents else None

    @classmethod
    def from_dict(cls, data: dict) -> "QuestionResult":
        stats = data.get("stats")
        return cls(
            **{
                **data,
                "options": tuple(OptionCount(**option) for option in data.get("options", ())),
                "rows": tuple(
                    RowResult(**{**row, "options": tuple(OptionCount(**o) for o in row["options"])})
                    for row in data.get("rows", ())
                ),
                "ranking": tuple(
                    RankResult(**{**rank, "ranks": tuple(rank["ranks"])})
                    for rank in data.get("ranking", ())
                ),
                "stats": NumberStats(**stats) if stats else None,
                "quotes": tuple(data.get("quotes", ())),
            }
        )


@dataclass(frozen=True)
class SourceCount:
    source: str
    label: str
    count: int


@dataclass(frozen=True)
class SurveyResults:
    survey_id: int
    respondents: int  # counted in these results (of `sources`)
    # Every source's respondents (also those with none), whatever the `sources` filter.
    by_source: tuple[SourceCount, ...]
    sources: tuple[str, ...]  # the sources counted; empty: all
    questions: tuple[QuestionResult, ...]

    def question(self, key: str) -> QuestionResult | None:
        return next((question for question in self.questions if question.key == key), None)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SurveyResults":
        return cls(
            survey_id=data["survey_id"],
            respondents=data["respondents"],
            by_source=tuple(SourceCount(**source) for source in data["by_source"]),
            sources=tuple(data["sources"]),
            questions=tuple(QuestionResult.from_dict(question) for question in data["questions"]),
        )


@dataclass(frozen=True)
class Group:
    """The respondents who chose one option of the group question ("" = did not answer it)."""

    key: str
    label: str
    results: SurveyResults


@dataclass(frozen=True)
class GroupedResults:
    survey_id: int
    group_question_key: str
    group_question_label: str
    groups: tuple[Group, ...]

    def question(self, key: str) -> list[tuple[Group, QuestionResult]]:
        """One question's result in every group, in group order."""
        return [(group, group.results.question(key)) for group in self.groups]

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "GroupedResults":
        return cls(
            survey_id=data["survey_id"],
            group_question_key=data["group_question_key"],
            group_question_label=data["group_question_label"],
            groups=tuple(
                Group(
                    key=group["key"],
                    label=group["label"],
                    results=SurveyResults.from_dict(group["results"]),
                )
                for group in data["groups"]
            ),
        )


# --- Selectors -----------------------------------------------------------------------------


def survey_results(survey: SurveyPage, *, sources: list[str] | None = None) -> SurveyResults:
    """Every question's result over all responses (or those from `sources`), with the
    approved quotes of text answers. Five queries, whatever the number of responses."""
    sources = _valid_sources(sources)
    raw = _aggregate(survey.pk, sources=sources)
    return _build(
        survey.pk,
        survey.schema,
        raw[NO_ANSWER_KEY],
        sources=sources,
        quotes=_approved_quotes(survey.pk, sources),
    )


def _version_key(survey_id: int) -> str:
    return f"survey-results:version:{survey_id}"


def _new_version(survey_id: int) -> None:
    cache.set(_version_key(survey_id), uuid.uuid4().hex, None)


def survey_results_changed(survey_id: int) -> None:
    """Results cached before this write are not used again: the survey gets a new version
    now, and again when the writing transaction commits (results computed while it was still
    open did not see the write)."""
    _new_version(survey_id)
    transaction.on_commit(lambda: _new_version(survey_id))


def survey_results_cached(survey: SurveyPage, *, sources: list[str] | None = None) -> SurveyResults:
    """`survey_results()` kept in the cache for SURVEY_RESULTS_CACHE_SECONDS (0: not kept),
    per survey, published revision, language and source filter; every response write
    (`survey_results_changed`) and quote decision makes the stored results stale at once;
    deleted responses (a person's erasure) show after at most SURVEY_RESULTS_CACHE_SECONDS."""
    seconds = settings.SURVEY_RESULTS_CACHE_SECONDS
    if not seconds:
        return survey_results(survey, sources=sources)
    sources = _valid_sources(sources)
    versions = _version_key(survey.pk)
    key = ":".join(
        [
            "survey-results",
            str(survey.pk),
            str(survey.live_revision_id),
            get_language() or "",
            ",".join(sources),
        ]
    )
    found = cache.get_many([versions, key])
    stored = found.get(key)
    if stored and stored["version"] == found.get(versions):
        return SurveyResults.from_dict(stored["results"])
    version = found.get(versions)
    if version is None:  # the first results of this survey since the cache started
        cache.add(versions, uuid.uuid4().hex, None)
        version = cache.get(versions)
    results = survey_results(survey, sources=list(sources))
    cache.set(key, {"version": version, "results": results.to_dict()}, seconds)
    return results


def survey_results_by_group(
    survey: SurveyPage, *, group_question_key: str, sources: list[str] | None = None
) -> GroupedResults:
    """Every question's result per option of the breakdown question (one of
    `schema.breakdown_questions`), plus the group of those who did not answer it. Respondents
    of a multiple-choice group question count in every group they chose. No quotes."""
    schema = survey.schema
    group_question = next(
        (q for q in schema.breakdown_questions if q.key == group_question_key), None
    )
    if group_question is None:
        raise ValueError(f"{group_question_key!r} is not a breakdown question of this survey")
    sources = _valid_sources(sources)
    keys = [option.key for option in group_question.all_options]
    raw = _aggregate(
        survey.pk,
        sources=sources,
        group_question_key=group_question_key,
        group_keys=(*keys, NO_ANSWER_KEY),
    )
    labels = {option.key: option.label for option in group_question.all_options}
    labels[NO_ANSWER_KEY] = _("keine Angabe")
    archived = {option.key for option in group_question.all_options if option.archived}
    ordered = [key for key in keys if key not in archived or key in raw]
    ordered += [NO_ANSWER_KEY] if NO_ANSWER_KEY in raw else []
    return GroupedResults(
        survey_id=survey.pk,
        group_question_key=group_question_key,
        group_question_label=group_question.label,
        groups=tuple(
            Group(
                key=key,
                label=labels[key],
                results=_build(survey.pk, schema, raw[key], sources=sources, quotes={}),
            )
            for key in ordered
        ),
    )


def _valid_sources(sources: list[str] | None) -> tuple[str, ...]:
    if not sources:
        return ()
    return tuple(source for source in Source.values if source in sources)


# --- SQL -----------------------------------------------------------------------------------


@dataclass
class _Raw:
    """The grouped rows of one result set (all respondents, or one group)."""

    by_source: dict[str, int] = dataclasses.field(default_factory=dict)
    # question key → [(number, year, count)]
    values: dict[str, list[tuple[Any, str | None, int]]] = dataclasses.field(
        default_factory=lambda: defaultdict(list)
    )
    answered: dict[str, int] = dataclasses.field(default_factory=lambda: defaultdict(int))
    # question key → [(row key, option key, rank, count)]
    choices: dict[str, list[tuple[str, str, int | None, int]]] = dataclasses.field(
        default_factory=lambda: defaultdict(list)
    )


def _aggregate(
    survey_id: int,
    *,
    sources: tuple[str, ...],
    group_question_key: str | None = None,
    group_keys: tuple[str, ...] = (),
) -> dict[str, _Raw]:
    """Three GROUP BY queries (respondents, answers, choices). For a breakdown, each joins
    the group question's choice rows once and counts per group in one column each
    (`SUM(CASE …)` over `group_keys`): the grouping stays as small as for the full results,
    which keeps PostgreSQL on a hash aggregate. Returns the rows per group key."""
    answers = Answer._meta.db_table
    choices = AnswerChoice._meta.db_table
    responses = Response._meta.db_table
    qn = connection.ops.quote_name
    grouped = group_question_key is not None

    def query(select, table, alias, joins, response_ref, *, all_sources: bool = False):
        params, sql_joins = [], list(joins)
        counts = "COUNT(*)"
        where = [f"{alias}.{qn('survey_id')} = %s"]
        if grouped:
            group = f"COALESCE(g.option_key, '{NO_ANSWER_KEY}')"
            counts = ", ".join([f"SUM(CASE WHEN {group} = %s THEN 1 ELSE 0 END)"] * len(group_keys))
            params += group_keys
        if sources and not all_sources:
            if alias != "r":
                sql_joins.append(f"JOIN {qn(responses)} r ON r.{qn('id')} = {response_ref}")
            where.append(f"r.{qn('source')} IN ({', '.join(['%s'] * len(sources))})")
        if grouped:
            # One row per (response, chosen option) of the group question, found by the
            # choice index; SQL built from identifiers only, every value is a parameter.
            sql_joins.append(
                f"LEFT JOIN (SELECT ga.{qn('response_id')} AS response_id, "  # noqa: S608
                f"gc.{qn('option_key')} AS option_key FROM {qn(choices)} gc "
                f"JOIN {qn(answers)} ga ON ga.{qn('id')} = gc.{qn('answer_id')} "
                f"WHERE gc.{qn('survey_id')} = %s AND gc.{qn('question_key')} = %s "
                f"AND gc.{qn('row_key')} = '' "
                # Redundant, but lets both sides use their (survey, question) index.
                f"AND ga.{qn('survey_id')} = %s AND ga.{qn('question_key')} = %s"
                f") g ON g.response_id = {response_ref}"
            )
            params += [survey_id, group_question_key] * 2
        params.append(survey_id)
        params += [] if all_sources else list(sources)
        sql = (
            f"SELECT {', '.join(select)}, {counts} FROM {qn(table)} {alias} "  # noqa: S608
            f"{' '.join(sql_joins)} WHERE {' AND '.join(where)} GROUP BY {', '.join(select)}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not grouped:
            return [(NO_ANSWER_KEY, *row) for row in rows]
        width = len(select)
        return [
            (key, *row[:width], count)
            for row in rows
            for key, count in zip(group_keys, row[width:], strict=True)
            if count
        ]

    result: dict[str, _Raw] = defaultdict(_Raw)
    for group, source, count in query(
        [f"r.{qn('source')}"], responses, "r", [], f"r.{qn('id')}", all_sources=True
    ):
        result[group].by_source[source] = count
    number = f"a.{qn('number')}"
    year = f"SUBSTR(CAST(a.{qn('date')} AS TEXT), 1, 4)"
    for group, key, value, year_value, count in query(
        [f"a.{qn('question_key')}", number, year], answers, "a", [], f"a.{qn('response_id')}"
    ):
        result[group].answered[key] += count
        if value is not None or year_value is not None:
            result[group].values[key].append((value, year_value, count))
    answer_join = f"JOIN {qn(answers)} a ON a.{qn('id')} = c.{qn('answer_id')}"
    for group, key, row_key, option_key, rank, count in query(
        [f"c.{qn(name)}" for name in ("question_key", "row_key", "option_key", "rank")],
        choices,
        "c",
        [answer_join] if sources or grouped else [],
        f"a.{qn('response_id')}",
    ):
        result[group].choices[key].append((row_key, option_key, rank, count))
    return result


def _approved_quotes(survey_id: int, sources: tuple[str, ...]) -> dict[str, list[str]]:
    """Approved text answers, the newest first, at most QUOTES_PER_QUESTION per question."""
    queryset = Answer.objects.filter(survey_id=survey_id, quote_status=QuoteStatus.APPROVED)
    if sources:
        queryset = queryset.filter(response__source__in=sources)
    ranked = (
        queryset.exclude(text="")
        .annotate(
            position=Window(
                RowNumber(), partition_by=[F("question_key")], order_by=F("response_id").desc()
            )
        )
        .filter(position__lte=QUOTES_PER_QUESTION)
        .order_by("question_key", "position")
        .values_list("question_key", "text")
    )
    quotes = defaultdict(list)
    for key, text in ranked:
        quotes[key].append(text)
    return quotes


# --- From rows to results ------------------------------------------------------------------


def _share(count: int, total: int) -> float | None:
    return count / total if total else None


def _build(
    survey_id: int,
    schema: SurveySchema,
    raw: _Raw,
    *,
    sources: tuple[str, ...],
    quotes: dict[str, list[str]],
) -> SurveyResults:
    respondents = sum(
        count for source, count in raw.by_source.items() if not sources or source in sources
    )
    questions = []
    for question in schema.questions:
        answered = raw.answered.get(question.key, 0)
        if question.archived and not answered:
            continue
        fields = {
            "key": question.key,
            "code": question.code,
            "kind": str(question.kind),
            "label": question.label,
            "respondents": respondents,
            "answered": answered,
            "archived": question.archived,
            "quotes": tuple(quotes.get(question.key, ())),
        }
        fields.update(_details(question, raw, answered))
        questions.append(QuestionResult(**fields))
    return SurveyResults(
        survey_id=survey_id,
        respondents=respondents,
        by_source=tuple(
            SourceCount(source=value, label=str(label), count=raw.by_source.get(value, 0))
            for value, label in Source.choices
        ),
        sources=sources,
        questions=tuple(questions),
    )


def _details(question: Question, raw: _Raw, answered: int) -> dict:
    kind = question.kind
    choices = raw.choices.get(question.key, [])
    if kind in CHOICE_KINDS or kind == QuestionKind.YES_NO:
        counts = {option_key: count for _row, option_key, _rank, count in choices}
        return {"options": _option_counts(question.all_options, counts, answered)}
    if kind == QuestionKind.MATRIX:
        return {"rows": _matrix(question, choices)}
    if kind == QuestionKind.RANKING:
        return {"ranking": _ranking(question, choices)}
    if kind == QuestionKind.RATING:
        counts = _value_counts(raw.values.get(question.key, []))
        values = [Decimal(value) for value in range(1, (question.scale_max or 5) + 1)]
        options = tuple(
            OptionCount(
                key=format(value, "f"),
                label=_scale_label(question, int(value)),
                count=counts.get(value, 0),
                share=_share(counts.get(value, 0), answered),
            )
            for value in values
        )
        return {"options": options, "stats": _stats(counts)}
    if kind == QuestionKind.NUMBER:
        counts = _value_counts(raw.values.get(question.key, []))
        return {
            "options": _number_distribution(question, counts, answered),
            "stats": _stats(counts),
            "unit": question.unit,
            "decimal_places": question.decimal_places,
        }
    if kind == QuestionKind.DATE:
        years: dict[str, int] = defaultdict(int)
        for _value, year, count in raw.values.get(question.key, []):
            years[year] += count
        return {
            "options": tuple(
                OptionCount(key=year, label=year, count=count, share=_share(count, answered))
                for year, count in sorted(years.items())
            )
        }
    return {}  # text answers: the count (and approved quotes) only


def _option_counts(options, counts: dict[str, int], answered: int) -> tuple[OptionCount, ...]:
    """Every active option (archived ones only if chosen), share of those who answered."""
    return tuple(
        OptionCount(
            key=option.key,
            label=option.label,
            count=counts.get(option.key, 0),
            share=_share(counts.get(option.key, 0), answered),
        )
        for option in options
        if not option.archived or counts.get(option.key)
    )


def _matrix(question: Question, choices) -> tuple[RowResult, ...]:
    per_row: dict[str, dict[str, int]] = defaultdict(dict)
    for row_key, option_key, _rank, count in choices:
        per_row[row_key][option_key] = count
    rows = []
    for row in question.rows:
        counts = per_row.get(row.key, {})
        if row.archived and not counts:
            continue
        answered = sum(counts.values())
        rows.append(
            RowResult(
                key=row.key,
                label=row.label,
                answered=answered,
                options=_option_counts(question.options, counts, answered),
            )
        )
    return tuple(rows)


def _ranking(question: Question, choices) -> tuple[RankResult, ...]:
    places = len(question.options)
    per_option: dict[str, dict[int, int]] = defaultdict(dict)
    for _row, option_key, rank, count in choices:
        if rank:
            per_option[option_key][rank] = count
            places = max(places, rank)
    results = []
    for option in question.options:
        ranks = per_option.get(option.key, {})
        if option.archived and not ranks:
            continue
        ranked = sum(ranks.values())
        total = sum(rank * count for rank, count in ranks.items())
        results.append(
            RankResult(
                key=option.key,
                label=option.label,
                ranked=ranked,
                average_rank=total / ranked if ranked else None,
                ranks=tuple(ranks.get(place, 0) for place in range(1, places + 1)),
            )
        )
    # Best (lowest) average rank first; never ranked last.
    return tuple(sorted(results, key=lambda r: (r.average_rank is None, r.average_rank or 0)))


def _scale_label(question: Question, value: int) -> str:
    end_label = {1: question.min_label, question.scale_max: question.max_label}.get(value)
    return f"{value} – {end_label}" if end_label else str(value)


def _value_counts(values) -> dict[Decimal, int]:
    counts: dict[Decimal, int] = defaultdict(int)
    for value, _year, count in values:
        if value is not None:
            counts[Decimal(str(value)).normalize()] += count
    return counts


def _stats(counts: dict[Decimal, int]) -> NumberStats | None:
    total = sum(counts.values())
    if not total:
        return None
    ordered = sorted(counts.items())

    def nth(position: int) -> Decimal:  # 0-based position in the sorted answers
        seen = 0
        for value, count in ordered:
            seen += count
            if position < seen:
                return value
        raise IndexError(position)

    middle = (total - 1) // 2
    median = nth(middle) if total % 2 else (nth(middle) + nth(middle + 1)) / 2
    return NumberStats(
        mean=float(sum(value * count for value, count in ordered) / total),
        median=float(median),
        minimum=float(ordered[0][0]),
        maximum=float(ordered[-1][0]),
    )


def _number_distribution(
    question: Question, counts: dict[Decimal, int], answered: int
) -> tuple[OptionCount, ...]:
    """Each value, or — with more than MAX_DISTINCT_VALUES of them — equal ranges."""
    if len(counts) <= MAX_DISTINCT_VALUES:
        return tuple(
            OptionCount(
                key=format(value, "f"),
                label=format_number(value, question.decimal_places),
                count=count,
                share=_share(count, answered),
            )
            for value, count in sorted(counts.items())
        )
    low, high = min(counts), max(counts)
    step = (high - low) / NUMBER_BINS
    if not question.decimal_places:  # whole numbers: ranges of whole numbers, no overlap
        step = Decimal(math.ceil((high - low + 1) / NUMBER_BINS))
    bins = []
    for index in range(NUMBER_BINS):
        start = low + step * index
        if start > high:
            break
        end = start + step
        last = index == NUMBER_BINS - 1 or end > high
        count = sum(c for value, c in counts.items() if start <= value and (value < end or last))
        shown_end = end - 1 if not question.decimal_places else end
        label = (
            f"{format_number(start, question.decimal_places)} – "
            f"{format_number(min(shown_end, high), question.decimal_places)}"
        )
        bins.append(
            OptionCount(
                key=format(start, "f"), label=label, count=count, share=_share(count, answered)
            )
        )
        if last:
            break
    return tuple(bins)


# --- Who may see them ------------------------------------------------------------------------


class ResultsAccess(StrEnum):
    """What the public results page shows a visitor."""

    VISIBLE = "visible"
    NOT_PUBLIC = "not_public"  # results are never public: the page does not exist
    AFTER_ANSWER = "after_answer"  # visible once this visitor has answered
    AFTER_CLOSE = "after_close"  # visible once the survey has closed


def _phases_of(survey: SurveyPage) -> ConsultationPage | None:
    """The consultation whose phases the survey follows, if it does."""
    parent = survey.get_parent().specific
    return parent if survey.follow_phases and isinstance(parent, ConsultationPage) else None


def survey_is_closed(survey: SurveyPage, *, now: datetime | None = None) -> bool:
    """Closed for answers: the same rule the answering pages apply (availability.py)."""
    return survey_availability(survey, now=now).state == "closed"


def results_access(survey: SurveyPage, *, participant: Participant | None) -> ResultsAccess:
    """The survey's result visibility applied to this visitor. For a survey following its
    consultation's phases, a current phase that shows results counts as closed."""
    visibility = survey.results_visibility
    if visibility == ResultsVisibility.NEVER:
        return ResultsAccess.NOT_PUBLIC
    if visibility == ResultsVisibility.AFTER_ANSWER:
        answered = (
            participant is not None
            and Response.objects.filter(survey=survey, participant=participant).exists()
        )
        return ResultsAccess.VISIBLE if answered else ResultsAccess.AFTER_ANSWER
    consultation = _phases_of(survey)
    if consultation is not None and consultation.allows(Action.RESULTS):
        return ResultsAccess.VISIBLE
    return ResultsAccess.VISIBLE if survey_is_closed(survey) else ResultsAccess.AFTER_CLOSE


def survey_results_by_source(survey: SurveyPage) -> GroupedResults:
    """The results once per source (online, Papier, Workshop), shaped like a breakdown."""
    return GroupedResults(
        survey_id=survey.pk,
        group_question_key=SOURCE_GROUP_KEY,
        group_question_label=_("Quelle"),
        groups=tuple(
            Group(key=value, label=str(label), results=survey_results(survey, sources=[value]))
            for value, label in Source.choices
        ),
    )


def responses_per_day(
    survey: SurveyPage, *, sources: list[str] | None = None
) -> list[tuple[date, int]]:
    """Responses per day (local time) from the first to the last, days without any as 0."""
    queryset = Response.objects.filter(survey=survey)
    if sources := _valid_sources(sources):
        queryset = queryset.filter(source__in=sources)
    counts = dict(
        queryset.annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(count=Count("id"))
        .values_list("day", "count")
    )
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [
        (first + timedelta(days=offset), counts.get(first + timedelta(days=offset), 0))
        for offset in range((last - first).days + 1)
    ]
