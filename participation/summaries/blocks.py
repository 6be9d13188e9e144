"""The result report's blocks. Blocks that show results compute their figures with
`figures(value, consultation=...)` as plain JSON values; the page stores them when it is
published and hands them to the block's template as `figures` (see SummaryPage)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import RICH_TEXT_FEATURES
from participation.exports.selectors import consultation_key_figures
from participation.summaries import selectors


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, default="Beteiligung in Zahlen"
    )
    by_phase = blocks.BooleanBlock(
        label=_("Aufschlüsselung nach Phasen zeigen"), required=False, default=True
    )

    class Meta:
        icon = "table"
        template = "summaries/blocks/key_figures_block.html"
        label = _("Kennzahlen der Beteiligung")
        preview_value = {"heading": "Beteiligung in Zahlen", "by_phase": True}
        description = _(
            "Teilnehmende, Kommentare, Stimmen und Umfrage-Antworten – insgesamt und je Phase."
        )

    def figures(self, value, *, consultation):
        return consultation_key_figures(consultation).to_dict()


class SurveyQuestionBlock(blocks.StructBlock):
    survey = blocks.PageChooserBlock(label=_("Umfrage"), page_type="surveys.SurveyPage")
    question = blocks.CharBlock(
        label=_("Frage (Kürzel)"),
        max_length=40,
        help_text=_("Das Kürzel der Frage in der Umfrage, z. B. „verkehrsmittel“."),
    )

    class Meta:
        icon = "list-ul"
        template = "summaries/blocks/survey_question_block.html"
        label = _("Ergebnis einer Umfragefrage")
        description = _("Diagramm und Tabelle mit den Antworten auf eine Frage einer Umfrage.")

    def clean(self, value):
        value = super().clean(value)
        survey = value["survey"]
        if survey is not None and survey.specific.schema.by_code(value["question"]) is None:
            raise StructBlockValidationError(
                block_errors={
                    "question": ValidationError(
                        _("Die Umfrage „%(survey)s“ hat keine Frage mit diesem Kürzel.")
                        % {"survey": survey.title}
                    )
                }
            )
        return value

    def figures(self, value, *, consultation):
        return selectors.survey_question_result(value["survey"].specific, value["question"])


class SupportRankingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, default="Was die meiste Unterstützung fand"
    )
    limit = blocks.IntegerBlock(label=_("Anzahl je Liste"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "order"
        template = "summaries/blocks/support_ranking_block.html"
        label = _("Rangliste der Unterstützung")
        preview_value = {"heading": "Was die meiste Unterstützung fand", "limit": 5}
        description = _("Themenfelder und Forenbeiträge, geordnet nach ihrer Unterstützung.")

    def figures(self, value, *, consultation):
        return selectors.support_ranking(consultation, limit=value["limit"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        figures = context.get("figures") or {}
        context["topics"] = figures.get("topics", [])
        context["threads"] = selectors.ranked_threads(figures.get("threads", []))
        return context


class CategoryChartBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, default="Beiträge nach Themen"
    )

    class Meta:
        icon = "tag"
        template = "summaries/blocks/category_chart_block.html"
        label = _("Beiträge je Kategorie")
        preview_value = {"heading": "Beiträge nach Themen"}
        description = _(
            "Balkendiagramm: wie viele Kommentare und Forenbeiträge die Moderation "
            "jeder Kategorie zugeordnet hat."
        )

    def figures(self, value, *, consultation):
        return {"categories": selectors.comments_per_category(consultation)}


class HeatmapBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, default="Wo am meisten diskutiert wurde"
    )
    document = blocks.PageChooserBlock(
        label=_("Konzeptdokument"),
        page_type="consultations.ConceptDocumentPage",
        required=False,
        help_text=_("Leer: das erste Konzeptdokument des Beteiligungsverfahrens."),
    )

    class Meta:
        icon = "pilcrow"
        template = "summaries/blocks/heatmap_block.html"
        label = _("Heatmap des Konzepts")
        preview_value = {"heading": "Wo am meisten diskutiert wurde"}
        description = _("Kommentare je Absatz des Konzeptentwurfs: Farbe, Zahl und Tabelle.")

    def figures(self, value, *, consultation):
        document = selectors.concept_document_of(consultation, value.get("document"))
        return selectors.paragraph_heatmap(document) if document else None


class QuotedItemBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[
            (selectors.COMMENT, _("Kommentar")),
            (selectors.ANSWER, _("Antwort aus einer Umfrage")),
        ],
        default=selectors.COMMENT,
    )
    number = blocks.IntegerBlock(
        label=_("Nummer"),
        min_value=1,
        help_text=_("Die Nummer des Kommentars oder der Antwort in der Moderationsliste."),
    )

    class Meta:
        icon = "openquote"
        label = _("Zitat")

    def clean(self, value):
        value = super().clean(value)
        if value["kind"] == selectors.COMMENT:
            if selectors.quotable_comment(value["number"]) is None:
                message = _(
                    "Es gibt keinen veröffentlichten Kommentar mit dieser Nummer. Nur "
                    "veröffentlichte Kommentare dürfen zitiert werden."
                )
                raise StructBlockValidationError(block_errors={"number": ValidationError(message)})
        elif selectors.quotable_answer(value["number"]) is None:
            message = _(
                "Es gibt keine zum Zitieren freigegebene Textantwort mit dieser Nummer. "
                "Geben Sie die Antwort zuerst in der Moderation frei."
            )
            raise StructBlockValidationError(block_errors={"number": ValidationError(message)})
        return value


class QuotesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, default="Stimmen aus der Beteiligung"
    )
    items = blocks.ListBlock(QuotedItemBlock(), label=_("Zitate"), min_num=1)

    class Meta:
        icon = "openquote"
        template = "summaries/blocks/quotes_block.html"
        label = _("Zitate aus der Beteiligung")
        description = _(
            "Ausgewählte veröffentlichte Kommentare oder freigegebene Umfrage-Antworten, mit "
            "Namen und Link zum Original."
        )

    def figures(self, value, *, consultation):
        return selectors.quote_sources(
            [{"kind": item["kind"], "id": item["number"]} for item in value["items"]]
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Text and author are read when shown: a hidden comment or a deleted account must not
        # stay quoted in the published report.
        context["quotes"] = selectors.quotes(context.get("figures") or [])
        return context


class SummaryStreamBlock(blocks.StreamBlock):
    key_figures = KeyFiguresBlock()
    survey_question = SurveyQuestionBlock()
    support_ranking = SupportRankingBlock()
    categories = CategoryChartBlock()
    heatmap = HeatmapBlock()
    quotes = QuotesBlock()
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Die Moderation fasst zusammen, was die Beteiligung ergeben hat.</p>",
        description=_("Die eigenen Worte der Moderation: Einordnung und Zusammenfassung."),
    )
