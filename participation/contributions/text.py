"""Citizen text is plain text: escaped on output, line breaks kept, web addresses linked."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# http(s) addresses and www. addresses; trailing punctuation stays outside the link.
URL_PATTERN = re.compile(r"""(?P<url>(?:https?://|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]])""", re.I)


def _link(match: re.Match) -> str:
    shown = match.group("url")
    href = shown if shown.lower().startswith("http") else f"https://{shown}"
    return format_html('<a href="{}" rel="nofollow ugc noopener">{}</a>', href, shown)


def render_plain_text(text: str) -> SafeString:
    """Paragraphs and line breaks from the text, every character escaped, URLs linked."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    html_paragraphs = []
    for paragraph in paragraphs:
        pieces = []
        last = 0
        for match in URL_PATTERN.finditer(paragraph):
            pieces.append(escape(paragraph[last : match.start()]))
            pieces.append(_link(match))
            last = match.end()
        pieces.append(escape(paragraph[last:]))
        html_paragraphs.append("<p>" + "".join(pieces).replace("\n", "<br>") + "</p>")
    return mark_safe("".join(html_paragraphs))  # noqa: S308 - every piece is escaped above
