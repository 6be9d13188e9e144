"""What the answering templates need per question: names, ids, what is ticked, errors."""

from dataclasses import dataclass, field

from participation.surveys.answers import Evaluation, field_name, visible_items
from participation.surveys.questions import OTHER_KEY, Option, Question, QuestionKind, SurveySchema

# Kinds whose first control is the first radio button or checkbox.
FIRST_INPUT_KINDS = frozenset(
    {
        QuestionKind.SINGLE_CHOICE,
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.YES_NO,
        QuestionKind.RATING,
    }
)


@dataclass(frozen=True)
class OptionView:
    option: Option
    id: str
    checked: bool


@dataclass(frozen=True)
class RowView:
    row: Option
    name: str
    id: str
    options: list[OptionView]


@dataclass(frozen=True)
class RankView:
    option: Option
    name: str
    id: str
    selected: str


@dataclass
class QuestionView:
    question: Question
    raw: dict
    errors: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.question.kind.value

    @property
    def name(self) -> str:
        return field_name(self.question)

    @property
    def id(self) -> str:
        """The id of the first control, where an error summary link leads."""
        question = self.question
        if question.kind in (
            QuestionKind.SINGLE_CHOICE,
            QuestionKind.MULTIPLE_CHOICE,
            QuestionKind.YES_NO,
            QuestionKind.RATING,
        ):
            return f"{self.name}-1"
        if question.kind == QuestionKind.MATRIX:
            rows = self.rows
            return rows[0].options[0].id if rows and rows[0].options else self.name
        if question.kind == QuestionKind.RANKING:
            ranks = self.ranks
            return ranks[0].id if ranks else self.name
        return self.name

    @property
    def value(self) -> str:
        values = self.raw.get("value", [])
        return values[0] if values else ""

    @property
    def other_name(self) -> str:
        return field_name(self.question, OTHER_KEY)

    @property
    def other(self) -> str:
        return self.raw.get("other", "")

    @property
    def other_checked(self) -> bool:
        return OTHER_KEY in self.raw.get("value", [])

    @property
    def options(self) -> list[OptionView]:
        chosen = set(self.raw.get("value", []))
        return [
            OptionView(option, f"{self.name}-{index}", option.key in chosen)
            for index, option in enumerate(self.question.active_options, start=1)
        ]

    @property
    def scale(self) -> list[OptionView]:
        chosen = self.value
        return [
            OptionView(Option(str(n), str(n), str(n)), f"{self.name}-{n}", str(n) == chosen)
            for n in range(1, (self.question.scale_max or 5) + 1)
        ]

    @property
    def rows(self) -> list[RowView]:
        given = self.raw.get("rows", {})
        views = []
        for row_index, row in enumerate(self.question.active_rows, start=1):
            name = field_name(self.question, row.key)
            views.append(
                RowView(
                    row,
                    name,
                    f"{self.name}-r{row_index}",
                    [
                        OptionView(
                            option,
                            f"{self.name}-r{row_index}-{index}",
                            given.get(row.key) == option.key,
                        )
                        for index, option in enumerate(self.question.active_options, start=1)
                    ],
                )
            )
        return views

    @property
    def ranks(self) -> list[RankView]:
        given = self.raw.get("ranks", {})
        return [
            RankView(
                option,
                field_name(self.question, option.key),
                f"{self.name}-p{index}",
                given.get(option.key, ""),
            )
            for index, option in enumerate(self.question.active_options, start=1)
        ]

    @property
    def rank_numbers(self) -> list[str]:
        return [str(n) for n in range(1, len(self.question.active_options) + 1)]

    @property
    def described_by(self) -> str:
        ids = []
        if self.question.help_text:
            ids.append(f"{self.name}-hilfe")
        if self.errors:
            ids.append(f"{self.name}-fehler")
        return " ".join(ids)


def question_views(
    schema: SurveySchema, section, evaluation: Evaluation, draft: dict, errors: dict
) -> list[QuestionView]:
    return [
        QuestionView(item, draft.get(item.key, {}), errors.get(item.key, []))
        for item in visible_items(schema, section, evaluation)
    ]
