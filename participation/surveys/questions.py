"""A survey's structure as plain values, read from the page's StreamField.

Everything that answers, validates, evaluates or exports a survey reads these values, never
the raw blocks. Keys are block ids (stable through edits); codes are the editor's names.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# Option keys of questions without editable options.
OTHER_KEY = "other"
YES_KEY = "yes"
NO_KEY = "no"


class QuestionKind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    DROPDOWN = "dropdown"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    RATING = "rating"
    MATRIX = "matrix"
    RANKING = "ranking"
    NUMBER = "number"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"
    TEXT = "text"  # a text block between questions; takes no answer


CHOICE_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.DROPDOWN, QuestionKind.MULTIPLE_CHOICE}
)
# Questions whose answer is one option: what conditions and breakdowns may refer to.
SINGLE_OPTION_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.DROPDOWN, QuestionKind.YES_NO}
)
CONDITION_SOURCE_KINDS = SINGLE_OPTION_KINDS | {QuestionKind.MULTIPLE_CHOICE}
TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})


class ConditionOperator(models.TextChoices):
    IS = "is", _("ist")
    IS_NOT = "is_not", _("ist nicht")
    CONTAINS = "contains", _("enthält")


@dataclass(frozen=True)
class Option:
    key: str
    code: str
    label: str
    archived: bool = False


@dataclass(frozen=True)
class Condition:
    """Show only if the question with `question_code` has (or has not) chosen `option_code`."""

    question_code: str
    operator: str
    option_code: str

    def holds(self, chosen_codes: dict[str, frozenset[str]]) -> bool:
        """`chosen_codes` maps a question code to the option codes chosen in it (if answered)."""
        chosen = chosen_codes.get(self.question_code, frozenset())
        if self.operator == ConditionOperator.IS_NOT:
            return self.option_code not in chosen
        # "is" for single answers and "contains" for multiple choice mean the same test.
        return self.option_code in chosen


@dataclass(frozen=True)
class Question:
    key: str
    kind: QuestionKind
    section_key: str
    code: str = ""
    label: str = ""
    help_text: str = ""
    required: bool = False
    archived: bool = False
    condition: Condition | None = None
    options: tuple[Option, ...] = ()
    rows: tuple[Option, ...] = ()  # matrix statements
    allow_other: bool = False
    other_label: str = ""
    breakdown: bool = False
    min_selections: int | None = None
    max_selections: int | None = None
    scale_max: int | None = None
    min_label: str = ""
    max_label: str = ""
    decimal_places: int = 0
    min_value: Decimal | date | None = None
    max_value: Decimal | date | None = None
    unit: str = ""
    max_length: int | None = None
    text: str = ""  # the rich text of a text block

    @property
    def takes_answer(self) -> bool:
        return self.kind != QuestionKind.TEXT

    @property
    def active_options(self) -> tuple[Option, ...]:
        return tuple(option for option in self.options if not option.archived)

    @property
    def active_rows(self) -> tuple[Option, ...]:
        return tuple(row for row in self.rows if not row.archived)

    def option(self, key: str) -> Option | None:
        return next((option for option in self.all_options if option.key == key), None)

    @property
    def all_options(self) -> tuple[Option, ...]:
        """Every option an answer may reference, "Sonstiges" included."""
        if self.allow_other:
            return (*self.options, Option(OTHER_KEY, OTHER_KEY, self.other_label_or_default))
        return self.options

    @property
    def other_label_or_default(self) -> str:
        return self.other_label or str(_("Sonstiges"))


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    description: str = ""
    condition: Condition | None = None
    items: tuple[Question, ...] = ()  # questions and text blocks, in order

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(item for item in self.items if item.takes_answer)


@dataclass(frozen=True)
class SurveySchema:
    sections: tuple[Section, ...] = ()
    _by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        for question in self.questions:
            self._by_key[question.key] = question

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question that takes an answer, archived ones included, in survey order."""
        return tuple(question for section in self.sections for question in section.questions)

    @property
    def active_questions(self) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if not question.archived)

    @property
    def breakdown_questions(self) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.breakdown)

    def question(self, key: str) -> Question | None:
        return self._by_key.get(key)

    def by_code(self, code: str) -> Question | None:
        return next((question for question in self.questions if question.code == code), None)

    @classmethod
    def from_stream(cls, sections) -> "SurveySchema":
        return cls(sections=tuple(_section(child) for child in sections))


def _condition(value) -> Condition | None:
    if not value or not value.get("question"):
        return None
    return Condition(
        question_code=value["question"].strip(),
        operator=value.get("operator") or ConditionOperator.IS,
        option_code=(value.get("option") or "").strip(),
    )


def option_code(code: str, label: str) -> str:
    return (code or "").strip() or slugify(label)[:40]


def _options(list_value) -> tuple[Option, ...]:
    return tuple(
        Option(
            key=str(child.id),
            code=option_code(child.value.get("code", ""), child.value["label"]),
            label=child.value["label"],
            archived=bool(child.value.get("archived")),
        )
        for child in list_value.bound_blocks
    )


def _question(child, section_key: str) -> Question:
    kind = QuestionKind(child.block_type)
    value = child.value
    if kind == QuestionKind.TEXT:
        return Question(
            key=str(child.id),
            kind=kind,
            section_key=section_key,
            condition=_condition(value.get("condition")),
            text=str(value["text"]),
        )
    fields = {
        "key": str(child.id),
        "kind": kind,
        "section_key": section_key,
        "code": value["code"].strip(),
        "label": value["label"],
        "help_text": value.get("help_text") or "",
        "required": bool(value.get("required")),
        "archived": bool(value.get("archived")),
        "condition": _condition(value.get("condition")),
    }
    if "options" in value:
        fields["options"] = _options(value["options"])
    if kind == QuestionKind.YES_NO:
        fields["options"] = (
            Option(YES_KEY, YES_KEY, str(_("Ja"))),
            Option(NO_KEY, NO_KEY, str(_("Nein"))),
        )
    if kind == QuestionKind.MATRIX:
        fields["rows"] = _options(value["statements"])
    for name in (
        "allow_other",
        "other_label",
        "breakdown",
        "min_selections",
        "max_selections",
        "min_label",
        "max_label",
        "decimal_places",
        "min_value",
        "max_value",
        "unit",
        "max_length",
    ):
        if name in value and value[name] not in (None, ""):
            fields[name] = value[name]
    if kind == QuestionKind.RATING:
        fields["scale_max"] = int(value["scale_max"])
    return Question(**fields)


def _section(child) -> Section:
    value = child.value
    section_key = str(child.id)
    return Section(
        key=section_key,
        title=value["title"],
        description=str(value.get("description") or ""),
        condition=_condition(value.get("condition")),
        items=tuple(_question(question, section_key) for question in value["questions"]),
    )
