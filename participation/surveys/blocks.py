"""The survey builder's blocks: sections holding questions, questions holding options.

Block ids are the stable identities of sections, questions, options and matrix statements:
Wagtail keeps them through edits and reordering, so stored answers (which reference them)
stay attached while labels and order change. Codes are the editor's short names for
conditions, exports and the codebook.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from participation.surveys.questions import ConditionOperator, QuestionKind

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Antwort"), max_length=200)
    code = blocks.CharBlock(
        label=_("Kürzel"),
        max_length=40,
        required=False,
        help_text=_(
            "Für Bedingungen und Exporte, z. B. „rad“. Leer: wird aus der Antwort gebildet."
        ),
    )
    archived = blocks.BooleanBlock(
        label=_("archiviert"),
        required=False,
        help_text=_("Nicht mehr anbieten; vorhandene Antworten bleiben in den Ergebnissen."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Antwortoption")


class ConditionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Nur zeigen, wenn Frage (Kürzel)"),
        max_length=40,
        required=False,
        help_text=_("Kürzel einer früheren Auswahlfrage. Leer: immer zeigen."),
    )
    operator = blocks.ChoiceBlock(
        label=_("Bedingung"),
        choices=ConditionOperator.choices,
        default=ConditionOperator.IS,
        required=False,
    )
    option = blocks.CharBlock(label=_("Antwortoption (Kürzel)"), max_length=40, required=False)

    class Meta:
        icon = "cog"
        label = _("Anzeigebedingung")
        form_classname = "struct-block condition-block"


class QuestionBlock(blocks.StructBlock):
    """What every question has: code, label, help text, required flag, archive flag, condition."""

    code = blocks.CharBlock(
        label=_("Kürzel"),
        max_length=40,
        help_text=_("Eindeutig in dieser Umfrage, z. B. „ortsteil“. Spaltenname in Exporten."),
    )
    label = blocks.CharBlock(label=_("Frage"), max_length=300)
    help_text = blocks.CharBlock(label=_("Hilfetext"), max_length=500, required=False)
    required = blocks.BooleanBlock(label=_("Pflichtfrage"), required=False)
    archived = blocks.BooleanBlock(
        label=_("archiviert"),
        required=False,
        help_text=_("Nicht mehr stellen; vorhandene Antworten bleiben in den Ergebnissen."),
    )
    condition = ConditionBlock(required=False)

    class Meta:
        icon = "help"


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Antwortoptionen"), min_num=2)
    allow_other = blocks.BooleanBlock(label=_("„Sonstiges“ mit Freitext anbieten"), required=False)
    other_label = blocks.CharBlock(
        label=_("Beschriftung für „Sonstiges“"), max_length=100, required=False
    )
    breakdown = blocks.BooleanBlock(
        label=_("Für Auswertungen nach Gruppen verwenden"),
        required=False,
        help_text=_("Zum Beispiel Altersgruppe oder Ortsteil."),
    )


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = _("Einfachauswahl (Optionsfelder)")


class DropdownBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "list-ul"
        label = _("Einfachauswahl (Auswahlliste)")


class MultipleChoiceBlock(ChoiceQuestionBlock):
    min_selections = blocks.IntegerBlock(label=_("Mindestens"), required=False, min_value=0)
    max_selections = blocks.IntegerBlock(label=_("Höchstens"), required=False, min_value=1)

    class Meta:
        icon = "tasks"
        label = _("Mehrfachauswahl")


class YesNoBlock(QuestionBlock):
    breakdown = blocks.BooleanBlock(
        label=_("Für Auswertungen nach Gruppen verwenden"), required=False
    )

    class Meta:
        icon = "tick"
        label = _("Ja/Nein")


class RatingBlock(QuestionBlock):
    scale_max = blocks.ChoiceBlock(
        label=_("Skala"),
        choices=[("5", "1–5"), ("7", "1–7"), ("10", "1–10")],
        default="5",
    )
    min_label = blocks.CharBlock(label=_("Beschriftung für 1"), max_length=60, required=False)
    max_label = blocks.CharBlock(
        label=_("Beschriftung für den höchsten Wert"), max_length=60, required=False
    )

    class Meta:
        icon = "pick"
        label = _("Bewertungsskala")


class StatementBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Aussage"), max_length=300)
    code = blocks.CharBlock(label=_("Kürzel"), max_length=40, required=False)
    archived = blocks.BooleanBlock(label=_("archiviert"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Aussage")


class MatrixBlock(QuestionBlock):
    statements = blocks.ListBlock(StatementBlock(), label=_("Aussagen"), min_num=1)
    options = blocks.ListBlock(OptionBlock(), label=_("Gemeinsame Skala"), min_num=2)

    class Meta:
        icon = "table"
        label = _("Matrix (Likert)")


class RankingBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Zu ordnende Optionen"), min_num=2)

    class Meta:
        icon = "order"
        label = _("Rangfolge")


class NumberBlock(QuestionBlock):
    decimal_places = blocks.IntegerBlock(
        label=_("Nachkommastellen"), default=0, min_value=0, max_value=4
    )
    min_value = blocks.DecimalBlock(label=_("Kleinster Wert"), required=False)
    max_value = blocks.DecimalBlock(label=_("Größter Wert"), required=False)
    unit = blocks.CharBlock(label=_("Einheit"), max_length=30, required=False)

    class Meta:
        icon = "plus-inverse"
        label = _("Zahl")


class ShortTextBlock(QuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("Höchstlänge"), default=200, min_value=1, max_value=500
    )

    class Meta:
        icon = "pilcrow"
        label = _("Kurzer Text")


class LongTextBlock(QuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("Höchstlänge"), default=2000, min_value=1, max_value=10000
    )

    class Meta:
        icon = "doc-full"
        label = _("Langer Text")


class DateBlock(QuestionBlock):
    min_value = blocks.DateBlock(label=_("Frühestes Datum"), required=False)
    max_value = blocks.DateBlock(label=_("Spätestes Datum"), required=False)

    class Meta:
        icon = "date"
        label = _("Datum")


class TextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)
    condition = ConditionBlock(required=False)

    class Meta:
        icon = "doc-empty"
        label = _("Textabschnitt (keine Frage)")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    dropdown = DropdownBlock()
    multiple_choice = MultipleChoiceBlock()
    yes_no = YesNoBlock()
    rating = RatingBlock()
    matrix = MatrixBlock()
    ranking = RankingBlock()
    number = NumberBlock()
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    date = DateBlock()
    text = TextBlock()


# The stream's block names are the question kinds.
assert set(QuestionStreamBlock.base_blocks) == {kind.value for kind in QuestionKind}


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel des Schritts"), max_length=160)
    description = blocks.RichTextBlock(
        label=_("Beschreibung"), features=TEXT_FEATURES, required=False
    )
    condition = ConditionBlock(required=False)
    questions = QuestionStreamBlock(label=_("Fragen"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Abschnitt")
        description = _("Ein Schritt der Umfrage mit seinen Fragen.")


class SurveySectionsBlock(blocks.StreamBlock):
    section = SectionBlock()
