"""The export tables: columns (with what the codebook says about them) and a row stream.

A table's rows are produced lazily, chunk by chunk: each chunk is one query over the main
rows (a server-side cursor on PostgreSQL) plus a fixed number of queries for what belongs to
the chunk, so the number of queries grows with the number of chunks, never with the rows,
and memory stays flat. Rows are tuples of plain values (str, int, Decimal, bool, date,
aware datetime, None); the writers turn them into CSV, XLSX or JSON.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import groupby, islice
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from participation.consultations.models import ConceptDocumentPage, ConsultationPage
from participation.contributions.models import Comment, Report, Status, Thread, Vote
from participation.exports import scope
from participation.exports.models import What
from participation.exports.pseudonyms import Pseudonymiser
from participation.moderation.models import ModerationCategory
from participation.surveys.models import Answer, AnswerChoice, Source, SurveyPage
from participation.surveys.questions import Question, QuestionKind

CHUNK_SIZE = 2000
GROUPS_PER_FETCH = 500  # responses with all their answers
EXCERPT_LENGTH = 120


class ColumnType:
    """Frictionless Table Schema field types."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    type: str = ColumnType.STRING
    question: Question | None = None
    # What the values mean: "code = label" pairs for coded columns, else a short note.
    values: str = ""


@dataclass
class Table:
    name: str  # the file name without extension
    title: str
    columns: list[Column]
    rows: Callable[[], Iterator[tuple]]
    count: Callable[[], int]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def chunked(iterable: Iterable, size: int = CHUNK_SIZE) -> Iterator[list]:
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_values(pairs: Iterable[tuple[str, str]]) -> str:
    """A coded column's meaning for the codebook: "code = label" pairs."""
    return "; ".join(f"{code} = {label}" for code, label in pairs)


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    return Truncator(" ".join(text.split())).chars(length)


def paragraph_excerpt(paragraph, length: int = EXCERPT_LENGTH) -> str:
    """The start of a concept paragraph as plain text, after its heading."""
    text = strip_tags(getattr(paragraph.text, "source", str(paragraph.text)))
    heading = f"{paragraph.heading}: " if paragraph.heading else ""
    return excerpt(heading + text, length)


# --- Targets ------------------------------------------------------------------------------

COMMENT_ID = "K-{}"
THREAD_ID = "F-{}"
PAGE_ID = "S-{}"


class TargetNames:
    """Names the target of a comment or vote, from lookups made once per export."""

    def __init__(self, consultation: ConsultationPage):
        types = ContentType.objects.get_for_models(Comment, Thread, Page)
        self.comment_type = types[Comment].pk
        self.thread_type = types[Thread].pk
        self.page_type = types[Page].pk
        self.pages = {}
        self.paragraphs = {}
        for page in scope.consultation_pages(consultation).specific():
            self.pages[page.pk] = (str(page.specific_class._meta.verbose_name), page.title)
            if isinstance(page, ConceptDocumentPage):
                for paragraph in page.paragraphs:
                    self.paragraphs[(page.pk, paragraph.key)] = paragraph
        self.threads = dict(
            Thread.objects.filter(
                pk__in=scope.consultation_threads(consultation, include_moderated=True).values("pk")
            ).values_list("pk", "title")
        )

    def describe(self, content_type_id: int, object_id: int, paragraph_key: str = "") -> tuple:
        """(kind, id, title, paragraph number, paragraph excerpt) of a target."""
        if content_type_id == self.thread_type:
            return (
                str(_("Forumsbeitrag")),
                THREAD_ID.format(object_id),
                self.threads.get(object_id, ""),
                "",
                "",
            )
        if content_type_id == self.comment_type:
            return (str(_("Kommentar")), COMMENT_ID.format(object_id), "", "", "")
        kind, title = self.pages.get(object_id, ("", ""))
        paragraph = self.paragraphs.get((object_id, paragraph_key)) if paragraph_key else None
        if paragraph is None:
            return (kind, PAGE_ID.format(object_id), title, "", "")
        return (
            str(_("Absatz")),
            PAGE_ID.format(object_id),
            title,
            paragraph.number,
            paragraph_excerpt(paragraph),
        )


PSEUDONYM_COLUMN = Column(
    "pseudonym", _("Pseudonym der Person (gleich in allen Exporten des Verfahrens)")
)
TARGET_COLUMNS = [
    Column("ziel_art", _("Art des Ziels (Seite, Absatz, Forumsbeitrag, Kommentar)")),
    Column("ziel_id", _("Kennung des Ziels (S- Seite, F- Forumsbeitrag, K- Kommentar)")),
    Column("ziel_titel", _("Titel der Seite oder des Forumsbeitrags")),
    Column("absatz_nr", _("Nummer des Absatzes im Konzeptdokument")),
    Column("absatz_auszug", _("Anfang des Absatztextes")),
]


# --- Comments and threads -----------------------------------------------------------------


def _count_of(queryset, group_field: str):
    return Coalesce(
        Subquery(
            queryset.order_by().values(group_field).annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _with_counts(queryset, model):
    content_type = ContentType.objects.get_for_model(model)
    votes = Vote.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
    reports = Report.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
    return queryset.annotate(
        up=_count_of(votes.filter(value=Vote.UP), "object_id"),
        down=_count_of(votes.filter(value=Vote.DOWN), "object_id"),
        report_count=_count_of(reports, "object_id"),
    ).prefetch_related(
        Prefetch("categories", queryset=ModerationCategory.objects.only("pk", "name"))
    )


def _category_names(contribution) -> str:
    return "; ".join(category.name for category in contribution.categories.all())


def _official_response(**target):
    """The text of the first published official comment on `target`, as a subquery."""
    return Subquery(
        Comment.objects.filter(
            **target,
            is_official=True,
            status=Status.PUBLISHED,
            deleted_at__isnull=True,
        )
        .order_by("created_at")
        .values("text")[:1],
        output_field=CharField(),
    )


def comments_table(consultation: ConsultationPage, *, include_moderated: bool = False) -> Table:
    comments = scope.consultation_comments(consultation, include_moderated=include_moderated)
    threads = scope.consultation_threads(consultation, include_moderated=include_moderated)
    columns = [
        Column("id", _("Kennung des Beitrags (K- Kommentar, F- Forumsbeitrag)")),
        Column("art", _("Kommentar oder Forumsbeitrag")),
        PSEUDONYM_COLUMN,
        *TARGET_COLUMNS,
        Column("antwort_auf", _("Kennung des Kommentars, auf den geantwortet wird")),
        Column("titel", _("Titel (Forumsbeiträge)")),
        Column("text", _("Text")),
        Column("erstellt_am", _("Erstellt (Ortszeit)"), ColumnType.DATETIME),
        Column("bearbeitet_am", _("Zuletzt bearbeitet (Ortszeit)"), ColumnType.DATETIME),
        Column(
            "status",
            _("Moderationsstatus"),
            values=code_values(Status.choices),
        ),
        Column("kategorien", _("Kategorien der Moderation, durch „; “ getrennt")),
        Column("dafuer", _("Stimmen dafür (Kommentare)"), ColumnType.INTEGER),
        Column("dagegen", _("Stimmen dagegen (Kommentare)"), ColumnType.INTEGER),
        Column("unterstuetzungen", _("Unterstützungen (Forumsbeiträge)"), ColumnType.INTEGER),
        Column("meldungen", _("Anzahl der Meldungen"), ColumnType.INTEGER),
        Column("ist_stellungnahme", _("Stellungnahme der Stadt"), ColumnType.BOOLEAN),
        Column("stellungnahme_der_stadt", _("Text der ersten Stellungnahme der Stadt darauf")),
        Column("hervorgehoben", _("Von der Moderation hervorgehoben"), ColumnType.BOOLEAN),
    ]

    def rows() -> Iterator[tuple]:
        pseudonym = Pseudonymiser(consultation.pk)
        targets = TargetNames(consultation)
        thread_kind = str(_("Forumsbeitrag"))
        comment_kind = str(_("Kommentar"))
        # A thread's official response is a top-level official comment on the thread.
        thread_rows = (
            _with_counts(threads, Thread)
            .annotate(
                official=_official_response(
                    content_type_id=targets.thread_type,
                    object_id=OuterRef("pk"),
                    parent__isnull=True,
                )
            )
            .order_by("pk")
        )
        for thread in thread_rows.iterator(chunk_size=CHUNK_SIZE):
            yield (
                THREAD_ID.format(thread.pk),
                thread_kind,
                pseudonym(thread.participant_id),
                *targets.describe(targets.page_type, thread.forum_id),
                "",
                thread.title,
                thread.text,
                thread.created_at,
                thread.edited_at,
                thread.status,
                _category_names(thread),
                None,
                None,
                thread.up,
                thread.report_count,
                False,
                thread.official or "",
                thread.highlighted_at is not None,
            )
        comment_rows = (
            _with_counts(comments, Comment)
            .annotate(official=_official_response(parent=OuterRef("pk")))
            .order_by("pk")
        )
        for comment in comment_rows.iterator(chunk_size=CHUNK_SIZE):
            yield (
                COMMENT_ID.format(comment.pk),
                comment_kind,
                pseudonym(comment.participant_id),
                *targets.describe(
                    comment.content_type_id, comment.object_id, comment.paragraph_key
                ),
                COMMENT_ID.format(comment.parent_id) if comment.parent_id else "",
                "",
                comment.text,
                comment.created_at,
                comment.edited_at,
                comment.status,
                _category_names(comment),
                comment.up,
                comment.down,
                None,
                comment.report_count,
                comment.is_official,
                comment.official or "",
                comment.highlighted_at is not None,
            )

    return Table(
        name="beitraege",
        title=str(_("Kommentare und Forumsbeiträge")),
        columns=columns,
        rows=rows,
        count=lambda: comments.count() + threads.count(),
    )


# --- Votes and supports -------------------------------------------------------------------


VOTE = _("Stimme")
SUPPORT = _("Unterstützung")
# Built from the very labels written into the column, so the codebook names them in every language.
VOTE_KIND_VALUES = format_lazy(
    "{} = {}; {} = {}",
    VOTE,
    _("Stimme zu einem Kommentar"),
    SUPPORT,
    _("für Thema oder Beitrag"),
)


def _vote_kind(targets: TargetNames, content_type_id: int) -> str:
    return str(VOTE if content_type_id == targets.comment_type else SUPPORT)


def votes_table(consultation: ConsultationPage, *, include_moderated: bool = False) -> Table:
    votes = scope.consultation_votes(consultation, include_moderated=include_moderated)
    columns = [
        PSEUDONYM_COLUMN,
        Column("art", _("Stimme oder Unterstützung"), values=VOTE_KIND_VALUES),
        *TARGET_COLUMNS,
        Column("wert", _("1 = dafür, -1 = dagegen"), ColumnType.INTEGER, values="1; -1"),
        Column("abgegeben_am", _("Abgegeben (Ortszeit)"), ColumnType.DATETIME),
    ]

    def rows() -> Iterator[tuple]:
        pseudonym = Pseudonymiser(consultation.pk)
        targets = TargetNames(consultation)
        fields = ("participant_id", "content_type_id", "object_id", "value", "created_at")
        for participant_id, content_type_id, object_id, value, created_at in (
            votes.order_by("pk").values_list(*fields).iterator(chunk_size=CHUNK_SIZE)
        ):
            yield (
                pseudonym(participant_id),
                _vote_kind(targets, content_type_id),
                *targets.describe(content_type_id, object_id),
                value,
                created_at,
            )

    return Table(
        name="stimmen",
        title=str(_("Stimmen und Unterstützungen (einzeln)")),
        columns=columns,
        rows=rows,
        count=votes.count,
    )


def vote_totals_table(consultation: ConsultationPage, *, include_moderated: bool = False) -> Table:
    totals = (
        scope.consultation_votes(consultation, include_moderated=include_moderated)
        .order_by("content_type_id", "object_id")
        .values("content_type_id", "object_id")
        .annotate(
            up=Count("pk", filter=Q(value=Vote.UP)),
            down=Count("pk", filter=Q(value=Vote.DOWN)),
        )
    )
    columns = [
        Column("art", _("Stimmen oder Unterstützungen"), values=VOTE_KIND_VALUES),
        *TARGET_COLUMNS,
        Column("dafuer", _("Stimmen dafür bzw. Unterstützungen"), ColumnType.INTEGER),
        Column("dagegen", _("Stimmen dagegen"), ColumnType.INTEGER),
        Column("gesamt", _("Alle Stimmen"), ColumnType.INTEGER),
    ]

    def rows() -> Iterator[tuple]:
        targets = TargetNames(consultation)
        for total in totals.iterator(chunk_size=CHUNK_SIZE):
            content_type_id, object_id = total["content_type_id"], total["object_id"]
            yield (
                _vote_kind(targets, content_type_id),
                *targets.describe(content_type_id, object_id),
                total["up"],
                total["down"],
                total["up"] + total["down"],
            )

    return Table(
        name="stimmen_summen",
        title=str(_("Stimmen und Unterstützungen je Ziel")),
        columns=columns,
        rows=rows,
        count=totals.count,
    )


# --- Survey responses, wide ---------------------------------------------------------------

KIND_LABELS = {
    QuestionKind.SINGLE_CHOICE: _("Einfachauswahl"),
    QuestionKind.DROPDOWN: _("Auswahlliste"),
    QuestionKind.MULTIPLE_CHOICE: _("Mehrfachauswahl"),
    QuestionKind.YES_NO: _("Ja/Nein"),
    QuestionKind.RATING: _("Bewertung"),
    QuestionKind.MATRIX: _("Matrix"),
    QuestionKind.RANKING: _("Rangfolge"),
    QuestionKind.NUMBER: _("Zahl"),
    QuestionKind.SHORT_TEXT: _("kurzer Text"),
    QuestionKind.LONG_TEXT: _("langer Text"),
    QuestionKind.DATE: _("Datum"),
}
CHOSEN_VALUES = _("1 = gewählt; 0 = nicht gewählt; leer = Frage nicht beantwortet")


def _codes(options) -> str:
    return code_values((option.code, option.label) for option in options)


class _ColumnNames:
    """Column names from question and option codes, made unique where codes collide."""

    def __init__(self, reserved: Iterable[str]):
        self.used = set(reserved)

    def __call__(self, *parts: str) -> str:
        base = "_".join(part for part in parts if part).replace("-", "_")
        name, number = base, 2
        while name in self.used:
            name, number = f"{base}_{number}", number + 1
        self.used.add(name)
        return name


# An answer joined with at most one of its choices, as `answer_groups` yields it.
QUESTION_KEY, NUMBER, DATE, TEXT, ROW_KEY, OPTION_KEY, RANK = range(7)
ANSWER_FIELDS = (
    "question_key",
    "number",
    "date",
    "text",
    "choices__row_key",
    "choices__option_key",
    "choices__rank",
)


def answer_groups(survey: SurveyPage) -> Iterator[tuple[int, Iterable[tuple]]]:
    """(response id, its answer rows) in response order, in one streamed pass.

    Each answer row is joined with at most one of its choices (an answer with three choices is
    three rows). On PostgreSQL the database groups them (array_agg), so a response is one row
    from a server-side cursor instead of some thirty rows through the ORM.
    """
    if connection.vendor != "postgresql":
        rows = (
            Answer.objects.filter(survey=survey)
            .order_by("response_id")
            .values_list("response_id", *ANSWER_FIELDS)
            .iterator(chunk_size=CHUNK_SIZE * 5)
        )
        for response_id, group in groupby(rows, key=itemgetter(0)):
            yield response_id, [row[1:] for row in group]
        return
    columns = ("question_key", "number", "date", "text")
    choice_columns = ("row_key", "option_key", "rank")
    aggregates = ", ".join(
        [f"array_agg(a.{name})" for name in columns]
        + [f"array_agg(c.{name})" for name in choice_columns]
    )
    sql = (
        f"SELECT a.response_id, {aggregates} FROM {Answer._meta.db_table} a"  # noqa: S608 - names from the models
        f" LEFT JOIN {AnswerChoice._meta.db_table} c ON c.answer_id = a.id"
        " WHERE a.survey_id = %s GROUP BY a.response_id ORDER BY a.response_id"
    )
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, [survey.pk])
        while rows := cursor.fetchmany(GROUPS_PER_FETCH):
            for response_id, *fields in rows:
                yield response_id, zip(*fields, strict=True)


def _number(value: Decimal | None, places: int):
    if value is None:
        return None
    return int(value) if places == 0 else value.quantize(Decimal(1).scaleb(-places))


def _fill_one(index: int, codes: dict, other: int | None):
    """Single choice, dropdown, yes/no: the chosen option's code (and the "Sonstiges" text)."""

    def fill(row: list, answer: tuple) -> None:
        if key := answer[OPTION_KEY]:
            row[index] = codes.get(key, key)
        if other is not None and answer[TEXT]:
            row[other] = answer[TEXT]

    return fill


def _fill_many(columns: dict, other: int | None):
    """Multiple choice: 1 for each chosen option, 0 for the others once answered."""
    first = min(columns.values())

    def fill(row: list, answer: tuple) -> None:
        if row[first] is None:
            for index in columns.values():
                row[index] = 0
        if (index := columns.get(answer[OPTION_KEY])) is not None:
            row[index] = 1
        if other is not None and answer[TEXT]:
            row[other] = answer[TEXT]

    return fill


def _fill_matrix(columns: dict, codes: dict):
    def fill(row: list, answer: tuple) -> None:
        index, key = columns.get(answer[ROW_KEY]), answer[OPTION_KEY]
        if index is not None and key:
            row[index] = codes.get(key, key)

    return fill


def _fill_ranking(columns: dict):
    def fill(row: list, answer: tuple) -> None:
        if (index := columns.get(answer[OPTION_KEY])) is not None:
            row[index] = answer[RANK]

    return fill


def _fill_value(index: int, field: int, places: int | None = None):
    """Number, rating, date or text: one value of the answer row."""

    def fill(row: list, answer: tuple) -> None:
        value = answer[field]
        row[index] = _number(value, places) if places is not None else value

    return fill


class ResponseColumns:
    """The wide table's columns, and per question a function that fills its columns."""

    BASE = ["antwort_id", "pseudonym", "quelle", "abgeschickt_am"]

    def __init__(self, survey: SurveyPage):
        self.schema = survey.schema
        sources = code_values(Source.choices)
        self.columns = [
            Column("antwort_id", _("Nummer des Antwortbogens"), ColumnType.INTEGER),
            Column("pseudonym", _("Pseudonym der Person (leer bei Papier und Workshop)")),
            Column("quelle", _("Quelle"), values=sources),
            Column("abgeschickt_am", _("Abgeschickt (Ortszeit)"), ColumnType.DATETIME),
        ]
        self.fillers: dict[str, Callable[[list, tuple], None]] = {}
        name = _ColumnNames(self.BASE)
        for question in self.schema.questions:
            self.fillers[question.key] = self._add(question, name)

    def _column(self, name: str, label: str, question: Question, type=ColumnType.STRING, values=""):
        self.columns.append(Column(name, label, type, question=question, values=str(values)))
        return len(self.columns) - 1

    def _add(self, question: Question, name: _ColumnNames):
        code, label, kind = question.code or question.key[:8], question.label, question.kind
        codes = {option.key: option.code for option in question.all_options}

        def each(items, type, values):
            return {
                item.key: self._column(
                    name(code, item.code), f"{label} – {item.label}", question, type, values
                )
                for item in items
            }

        if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.DROPDOWN, QuestionKind.YES_NO):
            index = self._column(name(code), label, question, values=_codes(question.all_options))
            return _fill_one(index, codes, self._other(question, code, name))
        if kind == QuestionKind.MULTIPLE_CHOICE:
            columns = each(question.all_options, ColumnType.INTEGER, CHOSEN_VALUES)
            return _fill_many(columns, self._other(question, code, name))
        if kind == QuestionKind.MATRIX:
            columns = each(question.rows, ColumnType.STRING, _codes(question.options))
            return _fill_matrix(columns, codes)
        if kind == QuestionKind.RANKING:
            ranks = _("Rang: 1 = wichtigste Wahl")
            return _fill_ranking(each(question.options, ColumnType.INTEGER, ranks))
        if kind == QuestionKind.RATING:
            scale = f"1 = {question.min_label}; {question.scale_max} = {question.max_label}"
            index = self._column(name(code), label, question, ColumnType.INTEGER, scale)
            return _fill_value(index, NUMBER, 0)
        if kind == QuestionKind.NUMBER:
            places = question.decimal_places or 0
            type = ColumnType.NUMBER if places else ColumnType.INTEGER
            index = self._column(name(code), label, question, type, question.unit)
            return _fill_value(index, NUMBER, places)
        if kind == QuestionKind.DATE:
            return _fill_value(self._column(name(code), label, question, ColumnType.DATE), DATE)
        return _fill_value(self._column(name(code), label, question), TEXT)

    def _other(self, question: Question, code: str, name: _ColumnNames) -> int | None:
        if not question.allow_other:
            return None
        label = f"{question.label} – {question.other_label_or_default}: {_('Freitext')}"
        return self._column(name(code, "sonstiges_text"), label, question)


def responses_table(survey: SurveyPage, consultation: ConsultationPage) -> Table:
    """One row per response. Two queries, both streamed: the responses in id order, and their
    answers grouped by response in the same order; the two are merged as they come."""
    responses = scope.survey_responses(survey)
    layout = ResponseColumns(survey)
    width = len(layout.columns)

    def rows() -> Iterator[list]:
        pseudonym = Pseudonymiser(consultation.pk)
        fillers = layout.fillers
        heads = (
            responses.order_by("pk")
            .values_list("pk", "participant_id", "source", "submitted_at")
            .iterator(chunk_size=CHUNK_SIZE)
        )
        groups = answer_groups(survey)
        group = next(groups, None)
        for pk, participant_id, source, submitted_at in heads:
            row = [None] * width
            row[0:4] = (pk, pseudonym(participant_id), source, submitted_at)
            while group is not None and group[0] < pk:
                group = next(groups, None)
            if group is not None and group[0] == pk:
                for answer in group[1]:
                    if fill := fillers.get(answer[QUESTION_KEY]):
                        fill(row, answer)
                group = next(groups, None)
            yield row

    return Table(
        name=f"antworten_{survey.slug}",
        title=str(_("Antworten: %(survey)s") % {"survey": survey.title}),
        columns=layout.columns,
        rows=rows,
        count=responses.count,
    )


# --- Survey aggregates --------------------------------------------------------------------


def aggregates_table(survey: SurveyPage) -> Table:
    """The results page's figures, one row per figure: exactly `survey_results(survey)`."""
    columns = [
        Column("frage_code", _("Code der Frage")),
        Column("frage", _("Fragetext")),
        Column("fragetyp", _("Art der Frage")),
        Column("aussage_code", _("Code der Aussage (Matrix)")),
        Column("aussage", _("Aussage (Matrix)")),
        Column("option_code", _("Code der Option, des Werts oder Wertebereichs")),
        Column("option", _("Option, Wert oder Wertebereich")),
        Column("rang", _("Rangplatz (Rangfolge)"), ColumnType.INTEGER),
        Column("anzahl", _("Anzahl"), ColumnType.INTEGER),
        Column(
            "anteil",
            _("Anteil an denen, die die Frage beantwortet haben (0–1)"),
            ColumnType.NUMBER,
        ),
        Column("kennzahl", _("Name der Kennzahl (Mittelwert, Median, …)")),
        Column("wert", _("Wert der Kennzahl"), ColumnType.NUMBER),
        Column("beantwortet", _("Anzahl, die die Frage beantwortet haben"), ColumnType.INTEGER),
        Column("befragte", _("Anzahl der Antwortbögen"), ColumnType.INTEGER),
    ]

    def line(head, *, answered, respondents, row=("", ""), option=("", ""), rank=None,
             count=None, share=None, measure="", value=None) -> tuple:  # fmt: skip
        """One row in the column order above; what a figure leaves out stays empty."""
        return (*head, *row, *option, rank, count, share, measure, value, answered, respondents)

    @cache
    def computed():
        """Computed once per table: counting the rows and writing them share it."""
        from participation.surveys.results import survey_results

        return survey_results(survey)

    def rows() -> Iterator[tuple]:
        results = computed()
        schema = survey.schema
        for source in results.by_source:
            yield line(
                ("", "", ""),
                option=(source.source, source.label),
                count=source.count,
                measure=str(_("Antwortbögen")),
                answered=None,
                respondents=results.respondents,
            )
        for result in results.questions:
            question = schema.question(result.key)
            head = (result.code, result.label, str(KIND_LABELS.get(result.kind, result.kind)))
            tail = {"answered": result.answered, "respondents": result.respondents}

            def code(key: str, question=question) -> str:
                option = question.option(key) if question else None
                return option.code if option else key

            for option in result.options:
                yield line(
                    head,
                    option=(code(option.key), option.label),
                    count=option.count,
                    share=option.share,
                    **tail,
                )
            for row in result.rows:
                rows_of = question.rows if question else ()
                row_code = next((r.code for r in rows_of if r.key == row.key), row.key)
                for option in row.options:
                    yield line(
                        head,
                        row=(row_code, row.label),
                        option=(code(option.key), option.label),
                        count=option.count,
                        share=option.share,
                        answered=row.answered,
                        respondents=result.respondents,
                    )
            for rank in result.ranking:
                ranked = {
                    "option": (code(rank.key), rank.label),
                    "answered": rank.ranked,
                    "respondents": result.respondents,
                }
                for place, count in enumerate(rank.ranks, start=1):
                    yield line(head, rank=place, count=count, **ranked)
                yield line(
                    head, measure=str(_("mittlerer Rang")), value=rank.average_rank, **ranked
                )
            if result.stats:
                for name, value in (
                    (_("Mittelwert"), result.stats.mean),
                    (_("Median"), result.stats.median),
                    (_("Minimum"), result.stats.minimum),
                    (_("Maximum"), result.stats.maximum),
                ):
                    yield line(head, measure=str(name), value=value, **tail)
            if not (result.options or result.rows or result.ranking or result.stats):
                yield line(head, **tail)

    def count() -> int:
        return sum(1 for _row in rows())

    return Table(
        name=f"ergebnisse_{survey.slug}",
        title=str(_("Ergebnisse: %(survey)s") % {"survey": survey.title}),
        columns=columns,
        rows=rows,
        count=count,
    )


# --- Codebook -----------------------------------------------------------------------------


def codebook_table(tables: list[Table]) -> Table:
    columns = [
        Column("tabelle", _("Datei (ohne Endung)")),
        Column("spalte", _("Spalte")),
        Column("beschreibung", _("Bedeutung bzw. Fragetext")),
        Column("typ", _("Datentyp (Frictionless Table Schema)")),
        Column("frage_code", _("Code der Frage")),
        Column("fragetyp", _("Art der Frage")),
        Column("werte", _("Codes und ihre Bedeutung")),
    ]

    def rows() -> Iterator[tuple]:
        for table in tables:
            for column in table.columns:
                question = column.question
                yield (
                    table.name,
                    column.name,
                    str(column.label),
                    column.type,
                    question.code if question else "",
                    str(KIND_LABELS.get(question.kind, "")) if question else "",
                    str(column.values),
                )

    return Table(
        name="codebuch",
        title=str(_("Codebuch")),
        columns=columns,
        rows=rows,
        count=lambda: sum(len(table.columns) for table in tables),
    )


# --- What can be exported -----------------------------------------------------------------


def consultation_tables(
    consultation: ConsultationPage, *, include_moderated: bool = False
) -> list[Table]:
    """Every data table of a consultation: what the data package holds, besides the codebook."""
    tables = [
        comments_table(consultation, include_moderated=include_moderated),
        votes_table(consultation, include_moderated=include_moderated),
        vote_totals_table(consultation, include_moderated=include_moderated),
    ]
    for survey in scope.consultation_surveys(consultation):
        tables.append(responses_table(survey, consultation))
        tables.append(aggregates_table(survey))
    return tables


def tables_for(
    consultation: ConsultationPage,
    *,
    what: str,
    survey: SurveyPage | None = None,
    include_moderated: bool = False,
    with_codebook: bool = False,
) -> list[Table]:
    """The tables of one export: the data table first, then (if asked) its codebook."""
    if what in (What.CODEBOOK, What.DATAPACKAGE):
        tables = consultation_tables(consultation, include_moderated=include_moderated)
        codebook = codebook_table(tables)
        return [codebook] if what == What.CODEBOOK else [*tables, codebook]
    builders = {
        What.COMMENTS: lambda: comments_table(consultation, include_moderated=include_moderated),
        What.VOTES: lambda: votes_table(consultation, include_moderated=include_moderated),
        What.VOTE_TOTALS: lambda: vote_totals_table(
            consultation, include_moderated=include_moderated
        ),
        What.RESPONSES: lambda: responses_table(survey, consultation),
        What.AGGREGATES: lambda: aggregates_table(survey),
    }
    table = builders[what]()
    return [table, codebook_table([table])] if with_codebook else [table]
