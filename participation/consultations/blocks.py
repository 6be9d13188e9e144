"""Blocks of the concept document: chapters holding numbered paragraphs.

Each paragraph's block id is its stable identity: Wagtail keeps it through edits and
reordering, so comments hung on a paragraph stay attached while its number (3.2) changes.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ConceptParagraphBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift (optional)"), required=False, max_length=160)
    text = blocks.RichTextBlock(label=_("Text"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = _("Absatz")
        preview_value = {
            "heading": "Autoarme Innenstadt",
            "text": "<p>Die Innenstadt wird schrittweise vom Durchgangsverkehr entlastet.</p>",
        }
        description = _("Ein nummerierter Absatz, den Bürger:innen einzeln kommentieren können.")


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Kapitelüberschrift"), max_length=160)
    paragraphs = blocks.ListBlock(ConceptParagraphBlock(), label=_("Absätze"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Kapitel")
        preview_value = {
            "title": "Leitbild und Ziele",
            "paragraphs": [
                {
                    "heading": "",
                    "text": "<p>Haldensleben 2035 ist eine grüne, erreichbare Kleinstadt.</p>",
                }
            ],
        }
        description = _("Ein Kapitel des Konzepts mit seinen Absätzen.")


class ConceptBodyBlock(blocks.StreamBlock):
    chapter = ChapterBlock()
