"""StreamField blocks shared by all page types. Every block has an icon, a template, a preview
and a description so editors see what they insert."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Zwischenüberschrift")), ("h3", _("Unterüberschrift"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Überschrift")
        preview_value = {"text": "Ziele für die Innenstadt", "level": "h2"}
        description = _(
            "Gliedert längere Texte; erscheint im Inhaltsverzeichnis von Screenreadern."
        )


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Bild")
        description = _("Ein Bild mit Alternativtext, Bildunterschrift und Nachweis.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Quelle"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Zitat")
        preview_value = {
            "text": "Die Innenstadt soll wieder ein Ort zum Verweilen werden.",
            "attribution": "Stadtspaziergang, Juni",
        }
        description = _("Ein hervorgehobenes Zitat mit Quellenangabe.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Zahl"), max_length=20)
    label = blocks.CharBlock(label=_("Bedeutung"), max_length=120)

    class Meta:
        icon = "pick"
        template = "blocks/key_figure_block.html"
        label = _("Kennzahl")
        preview_value = {"value": "7,2 %", "label": "Wohnungsleerstand 2024"}
        description = _("Eine Zahl mit kurzer Erläuterung, z. B. „19.400 Einwohner:innen“.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Absatz"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Haldensleben wächst wieder.</p>",
        description=_("Fließtext mit Links und Listen."),
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    key_figures = blocks.ListBlock(
        KeyFigureBlock(),
        label=_("Kennzahlen"),
        icon="table",
        template="blocks/key_figures_block.html",
        description=_("Mehrere Kennzahlen nebeneinander."),
    )
