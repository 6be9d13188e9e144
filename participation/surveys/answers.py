"""Reading, checking and evaluating answers, independent of where they come from.

A *raw* answer is what a person typed, kept as plain strings (it lives in the session as a
draft and is shown again on errors): ``{"value": [...], "other": "", "rows": {}, "ranks": {}}``.
A checked answer is an :class:`AnswerValue`. Every check happens here on the server; the
browser's script only shows and hides conditional questions.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participation.surveys.questions import (
    OTHER_KEY,
    QuestionKind,
    Section,
    SurveySchema,
)
from participation.surveys.questions import Question as SurveyQuestion

OTHER_MAX_LENGTH = 200
SINGLE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.DROPDOWN, QuestionKind.YES_NO})


@dataclass(frozen=True)
class AnswerValue:
    """One question's checked answer. Only the parts its kind uses are set."""

    options: tuple[str, ...] = ()  # option keys chosen (OTHER_KEY for "Sonstiges")
    other: str = ""
    rows: dict[str, str] = field(default_factory=dict)  # matrix: statement key -> option key
    ranks: dict[str, int] = field(default_factory=dict)  # ranking: option key -> rank (1 = top)
    number: Decimal | None = None
    date: dt.date | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not (
            self.options
            or self.rows
            or self.ranks
            or self.number is not None
            or self.date
            or self.text
        )


def field_name(question: SurveyQuestion, part: str = "") -> str:
    """The form field name (and, with "q-" in front, the element id) of a question's part."""
    return f"q-{question.key}" + (f"-{part}" if part else "")


def raw_from_post(question: SurveyQuestion, data) -> dict:
    """What the person entered for `question` in a submitted form, as plain strings."""
    name = field_name(question)
    raw: dict = {"value": [value.strip() for value in data.getlist(name) if value.strip()]}
    if question.allow_other:
        raw["other"] = data.get(field_name(question, OTHER_KEY), "").strip()
    if question.kind == QuestionKind.MATRIX:
        raw["rows"] = {
            row.key: data.get(field_name(question, row.key), "").strip()
            for row in question.active_rows
        }
    if question.kind == QuestionKind.RANKING:
        raw["ranks"] = {
            option.key: data.get(field_name(question, option.key), "").strip()
            for option in question.active_options
        }
    return raw


def raw_from_value(question: SurveyQuestion, value: AnswerValue) -> dict:
    """A stored answer as a draft, for editing a response."""
    if question.kind in (QuestionKind.NUMBER, QuestionKind.RATING):
        number = "" if value.number is None else format_number(value.number, question)
        return {"value": [number] if number else []}
    if question.kind == QuestionKind.DATE:
        return {"value": [value.date.isoformat()] if value.date else []}
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return {"value": [value.text] if value.text else []}
    return {
        "value": list(value.options),
        "other": value.other,
        "rows": dict(value.rows),
        "ranks": {key: str(rank) for key, rank in value.ranks.items()},
    }


def format_number(number: Decimal, question: SurveyQuestion) -> str:
    """German notation with the question's decimal places: 12,5."""
    places = question.decimal_places if question.kind == QuestionKind.NUMBER else 0
    text = f"{number:.{places}f}"
    return text.replace(".", ",")


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_number(text: str, unit: str = "") -> Decimal | None:
    """Reads "12", "12,5", "12.5", "1.234,5", "1 234" and "12,5 km" (with the unit); None if
    it is not a number."""
    cleaned = text.strip()
    if unit and cleaned.lower().endswith(unit.lower()):
        cleaned = cleaned[: -len(unit)].strip()
    cleaned = cleaned.replace("\u00a0", "").replace(" ", "")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "")  # 1.234,5: dots group thousands
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_date(text: str) -> date | None:
    """Reads the date field's ISO value, or a typed German date (31.12.2024)."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _format_date(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _check_choice(question: SurveyQuestion, raw: dict) -> tuple[AnswerValue, list[str]]:
    allowed = {option.key for option in question.active_options}
    if question.allow_other:
        allowed.add(OTHER_KEY)
    chosen = list(dict.fromkeys(raw.get("value", [])))
    if any(key not in allowed for key in chosen):
        return AnswerValue(), [_("Bitte wählen Sie eine der angebotenen Antworten.")]
    errors = []
    if question.kind in SINGLE_KINDS and len(chosen) > 1:
        errors.append(_("Bitte wählen Sie nur eine Antwort."))
    other = raw.get("other", "").strip() if OTHER_KEY in chosen else ""
    if OTHER_KEY in chosen and not other:
        errors.append(
            _("Bitte beschreiben Sie kurz, was Sie mit „%(label)s“ meinen.")
            % {"label": question.other_label_or_default}
        )
    if len(other) > OTHER_MAX_LENGTH:
        errors.append(
            _("Der Text zu „%(label)s“ ist zu lang: höchstens %(max)d Zeichen.")
            % {"label": question.other_label_or_default, "max": OTHER_MAX_LENGTH}
        )
    if question.kind == QuestionKind.MULTIPLE_CHOICE and chosen:
        if question.min_selections and len(chosen) < question.min_selections:
            errors.append(
                ngettext(
                    "Bitte wählen Sie mindestens %(count)d Antwort.",
                    "Bitte wählen Sie mindestens %(count)d Antworten.",
                    question.min_selections,
                )
                % {"count": question.min_selections}
            )
        if question.max_selections and len(chosen) > question.max_selections:
            errors.append(
                ngettext(
                    "Bitte wählen Sie höchstens %(count)d Antwort.",
                    "Bitte wählen Sie höchstens %(count)d Antworten.",
                    question.max_selections,
                )
                % {"count": question.max_selections}
            )
    return AnswerValue(options=tuple(chosen), other=other), errors


def _check_rating(question: SurveyQuestion, raw: dict) -> tuple[AnswerValue, list[str]]:
    values = raw.get("value", [])
    if not values:
        return AnswerValue(), []
    if len(values) == 1 and values[0].isdecimal() and 1 <= int(values[0]) <= question.scale_max:
        return AnswerValue(number=Decimal(values[0])), []
    return AnswerValue(), [
        _("Bitte wählen Sie einen Wert von 1 bis %(max)d.") % {"max": question.scale_max}
    ]


def _check_matrix(question: SurveyQuestion, raw: dict) -> tuple[AnswerValue, list[str]]:
    allowed = {option.key for option in question.active_options}
    given = raw.get("rows", {})
    rows = {}
    for row in question.active_rows:
        chosen = given.get(row.key, "")
        if not chosen:
            continue
        if chosen not in allowed:
            return AnswerValue(), [_("Bitte wählen Sie eine der angebotenen Antworten.")]
        rows[row.key] = chosen
    if rows and question.required and len(rows) < len(question.active_rows):
        return AnswerValue(rows=rows), [_("Bitte beantworten Sie jede Aussage.")]
    return AnswerValue(rows=rows), []


def _check_ranking(question: SurveyQuestion, raw: dict) -> tuple[AnswerValue, list[str]]:
    options = question.active_options
    given = {key: value for key, value in raw.get("ranks", {}).items() if value}
    if not given:
        return AnswerValue(), []
    count = len(options)
    ranks: dict[str, int] = {}
    for option in options:
        value = given.get(option.key, "")
        if value.isdecimal() and 1 <= int(value) <= count:
            ranks[option.key] = int(value)
    if len(ranks) != len(given) or set(given) - {option.key for option in options}:
        return AnswerValue(), [
            _("Bitte wählen Sie für jede Option einen Platz von 1 bis %(max)d.") % {"max": count}
        ]
    if len(ranks) < count:
        return AnswerValue(), [
            _("Bitte vergeben Sie jeden Platz von 1 bis %(max)d, jeder Option einen.")
            % {"max": count}
        ]
    if len(set(ranks.values())) < count:
        return AnswerValue(), [
            _(
                "Jeder Platz darf nur einmal vorkommen. "
                "Bitte vergeben Sie die Plätze 1 bis %(max)d je einmal."
            )
            % {"max": count}
        ]
    return AnswerValue(ranks=ranks), []


def _check_number(question: SurveyQuestion, raw: dict) -> tuple[AnswerValue, list[str]]:
    values = raw.get("value", [])
    if not values:
        return AnswerValue(), []
    number = parse_number(values[0], question.unit)
    if number is None:
        return AnswerValue(), [_("Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5.")]
    exponent = number.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places > question.decimal_places:
        if question.decimal_places == 0:
            return AnswerValue(), [_("Bitte geben Sie eine ganze Zahl ein.")]
        return AnswerValue(), [
            ngettext(
                "Bitte höchstens %(count)d Nachkommastelle.",
                "Bitte höchstens %(count)d Nachkommastellen.",
                question.decimal_places,
            )
            % {"count": question.decimal_places}
        ]
    low, high = question.min_value, question.max_value
    if (low is not None and number < Decimal(low)) or (high is not None and number > Decimal(high)):
        return AnswerValue(), [_range_message(question)]
    if abs(number) >= Decimal(10) ** 12:
        return AnswerValue(), [_("Diese Zahl ist zu groß.")]
    return AnswerValue(number=number), []


def _range_message(question: SurveyQuestion) -> str:
    def show(value) -> str:
        if isinstance(value, date):
            return _format_date(value)
        return format_number(Decimal(value), question)

    low, high = question.min_value, question.max_value
    if low is not None and high is not None:
        return _("Bitte geben Sie einen Wert von %(min)s bis %(max)s an.") % {
            "min": show(low),
            "max": show(high),
        }
    if low is not None:
        return _("Bitte geben Sie mindestens %(min)s an.") % {"min": show(low)}
    return _("Bitte geben Sie höchstens %(max)s an.") % {"max": show(high)}


def _check_date(question: SurveyQuestion, raw: dict) -> tuple[AnswerValue, list[str]]:
    values = raw.get("value", [])
    if not values:
        return AnswerValue(), []
    value = parse_date(values[0])
    if value is None:
        return AnswerValue(), [_("Bitte geben Sie ein Datum ein, zum Beispiel 31.12.2024.")]
    low, high = question.min_value, question.max_value
    if (low is not None and value < low) or (high is not None and value > high):
        return AnswerValue(), [_range_message(question)]
    return AnswerValue(date=value), []


def _check_text(question: SurveyQuestion, raw: dict) -> tuple[AnswerValue, list[str]]:
    values = raw.get("value", [])
    text = values[0].replace("\r\n", "\n").strip() if values else ""
    maximum = question.max_length or 2000
    if len(text) > maximum:
        return AnswerValue(text=text), [
            _("Der Text ist zu lang: höchstens %(max)d Zeichen, Ihr Text hat %(count)d.")
            % {"max": maximum, "count": len(text)}
        ]
    return AnswerValue(text=text), []


CHECKS = {
    QuestionKind.SINGLE_CHOICE: _check_choice,
    QuestionKind.DROPDOWN: _check_choice,
    QuestionKind.MULTIPLE_CHOICE: _check_choice,
    QuestionKind.YES_NO: _check_choice,
    QuestionKind.RATING: _check_rating,
    QuestionKind.MATRIX: _check_matrix,
    QuestionKind.RANKING: _check_ranking,
    QuestionKind.NUMBER: _check_number,
    QuestionKind.SHORT_TEXT: _check_text,
    QuestionKind.LONG_TEXT: _check_text,
    QuestionKind.DATE: _check_date,
}


def check_answer(
    question: SurveyQuestion, raw: dict | None, *, require: bool = True
) -> tuple[AnswerValue, list[str]]:
    """The checked answer and the German error messages (empty when it is fine). Without
    `require`, required questions may stay empty (a paper form with a gap)."""
    value, errors = CHECKS[question.kind](question, raw or {})
    if not errors and require and question.required and value.is_empty:
        errors = [_("Bitte beantworten Sie diese Frage.")]
    return value, errors


def chosen_codes(schema: SurveySchema, answers: dict[str, AnswerValue]) -> dict[str, frozenset]:
    """Question code -> the option codes chosen in it, what conditions test."""
    result = {}
    for key, value in answers.items():
        question = schema.question(key)
        if question is None or not value.options:
            continue
        codes = {option.code for key in value.options if (option := question.option(key))}
        result[question.code] = frozenset(codes)
    return result


@dataclass(frozen=True)
class Evaluation:
    """A survey's answers seen through its conditions."""

    sections: tuple[Section, ...]  # the sections shown, in order
    questions: tuple[SurveyQuestion, ...]  # the questions shown (not archived), in order
    answers: dict[str, AnswerValue]  # checked answers to shown questions, empty ones left out
    errors: dict[str, list[str]]  # question key -> messages

    def shows(self, question: SurveyQuestion) -> bool:
        return question in self.questions


def evaluate(
    schema: SurveySchema, raw_answers: dict[str, dict], *, require: bool = True
) -> Evaluation:
    """Checks every answer in survey order. A question or section whose condition does not
    hold is not shown, needs no answer, and its answer (if any) is dropped."""
    answers: dict[str, AnswerValue] = {}
    errors: dict[str, list[str]] = {}
    sections, shown = [], []
    for section in schema.sections:
        if section.condition and not section.condition.holds(chosen_codes(schema, answers)):
            continue
        sections.append(section)
        for item in section.items:
            if item.archived or not item.takes_answer:
                continue
            if item.condition and not item.condition.holds(chosen_codes(schema, answers)):
                continue
            shown.append(item)
            value, messages = check_answer(item, raw_answers.get(item.key), require=require)
            if messages:
                errors[item.key] = messages
            elif not value.is_empty:
                answers[item.key] = value
    return Evaluation(
        sections=tuple(sections), questions=tuple(shown), answers=answers, errors=errors
    )


def visible_items(
    schema: SurveySchema, section: Section, evaluation: Evaluation
) -> list[SurveyQuestion]:
    """A section's questions and text blocks to show. Conditions on questions of the same
    section stay to the browser's script (and are checked again on sending); conditions on
    earlier sections' answers are already decided."""
    keys = {question.key for question in section.questions}
    earlier = {key: value for key, value in evaluation.answers.items() if key not in keys}
    codes = chosen_codes(schema, earlier)
    own_codes = {item.code for item in section.questions}
    items = []
    for item in section.items:
        if item.archived:
            continue
        condition = item.condition
        if condition and condition.question_code not in own_codes and not condition.holds(codes):
            continue
        items.append(item)
    return items


def readable(question: SurveyQuestion, value: AnswerValue) -> str:
    """An answer as a person reads it ("Fahrrad, Bus", "12,5 km", "1. Radwege, 2. …")."""

    def label(key: str) -> str:
        option = question.option(key)
        if option is None:
            return key
        if key == OTHER_KEY and value.other:
            return f"{option.label}: {value.other}"
        return option.label

    kind = question.kind
    if kind in SINGLE_KINDS or kind == QuestionKind.MULTIPLE_CHOICE:
        return ", ".join(label(key) for key in value.options)
    if kind == QuestionKind.RATING:
        return "" if value.number is None else f"{int(value.number)} / {question.scale_max}"
    if kind == QuestionKind.MATRIX:
        rows = {row.key: row.label for row in question.rows}
        return "; ".join(
            f"{rows.get(row_key, row_key)}: {label(option_key)}"
            for row_key, option_key in value.rows.items()
        )
    if kind == QuestionKind.RANKING:
        ordered = sorted(value.ranks.items(), key=lambda item: item[1])
        return ", ".join(f"{rank}. {label(key)}" for key, rank in ordered)
    if kind == QuestionKind.NUMBER:
        if value.number is None:
            return ""
        return " ".join(filter(None, [format_number(value.number, question), question.unit]))
    if kind == QuestionKind.DATE:
        return _format_date(value.date) if value.date else ""
    return value.text
