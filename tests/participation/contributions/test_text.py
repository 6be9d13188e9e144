"""Citizen text is plain text: length rules with German errors, line breaks and links kept,
and nothing a citizen types ever becomes markup or template code on our pages."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from participation.contributions.models import Comment
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory
from tests.participation.contributions.helpers import (
    comment_texts,
    html,
    post_comment,
    textarea_value,
)

pytestmark = pytest.mark.django_db


def text_field_errors(response) -> str:
    field = html(response).find("textarea", attrs={"name": "text"}).find_parent(class_="form-field")
    assert "form-field--error" in field["class"]
    return field.get_text(" ", strip=True)


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_an_empty_text_gets_a_german_error_next_to_the_field(human_client, topic, text):
    response = post_comment(human_client, topic, text)

    assert response.status_code == 400
    assert "Bitte schreiben Sie einen Text." in text_field_errors(response)
    assert not Comment.objects.exists()


def test_one_character_is_too_short(human_client, topic):
    response = post_comment(human_client, topic, "a")

    assert response.status_code == 400
    assert "Der Text ist zu kurz (mindestens 2 Zeichen)." in text_field_errors(response)
    assert not Comment.objects.exists()


def test_4001_characters_are_too_long_and_the_text_stays_in_the_form(human_client, topic):
    text = ("Wohnen " * 600)[:4000] + "!"

    response = post_comment(human_client, topic, text)

    assert response.status_code == 400
    errors = text_field_errors(response)
    assert "Der Text ist zu lang: höchstens 4000 Zeichen, Ihr Text hat 4001." in errors
    assert textarea_value(response) == text
    assert not Comment.objects.exists()


@pytest.mark.parametrize("length", [2, 4000])
def test_texts_of_2_and_4000_characters_are_accepted(human_client, topic, length):
    text = ("Mehr Grün! " * 400)[: length - 1] + "."

    assert post_comment(human_client, topic, text).status_code == 302
    assert len(Comment.objects.get().text) == length


def test_line_breaks_and_paragraphs_are_kept(human_client, topic):
    post_comment(human_client, topic, "Erste Zeile\r\nZweite Zeile\r\n\r\nNeuer Absatz")

    page = human_client.get(topic.url).content.decode()
    assert (
        '<div class="comment__text"><p>Erste Zeile<br>Zweite Zeile</p><p>Neuer Absatz</p></div>'
        in page
    )


def test_web_addresses_are_linked_with_nofollow_ugc_noopener(human_client, topic):
    post_comment(human_client, topic, "Siehe https://example.org/isek?teil=2 und www.example.de.")

    text = html(human_client.get(topic.url)).select_one(".comment__text")
    links = [(a["href"], a.get_text(), a["rel"]) for a in text.find_all("a")]
    rel = ["nofollow", "ugc", "noopener"]
    assert links == [
        ("https://example.org/isek?teil=2", "https://example.org/isek?teil=2", rel),
        ("https://www.example.de", "www.example.de", rel),
    ]
    assert text.get_text() == "Siehe https://example.org/isek?teil=2 und www.example.de."


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(document.cookie)</script>',
    "'><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</div></li></ol><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">Klick mich</a>',
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<a href=https://example.org onclick=alert(1)>Link</a>",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/'onmouseover='alert(1)",
    "https://example.org/<script>alert(1)</script>",
    "www.example.org/?q=<svg/onload=alert(1)>",
    'https://example.org/#" onfocus=alert(1) autofocus x="',
    'http://example.org/a"><img src=x onerror=alert(1)>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    "data:text/html,<script>alert(1)</script>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<embed src="javascript:alert(1)">',
    "<form action=javascript:alert(1)><button>Senden</button></form>",
    '<input onfocus=alert(1) autofocus value="x">',
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>Laufschrift</marquee>",
    "<video><source onerror=alert(1)></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    r"\u003cscript\u003ealert(1)\u003c/script\u003e",
    r"\x3cscript\x3ealert(1)\x3c/script\x3e",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "＜script＞alert(1)＜/script＞",
    "<scr\u200bipt>alert(1)</scr\u200bipt>",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "{{ 7*7 }}",
    "{% debug %}",
    "{% load static %}{% get_static_prefix %}",
    "{{ request.session }}",
    "${7*7} #{7*7} <%= 7*7 %>",
    "[Klick mich](javascript:alert(1))",
    "![Bild](https://evil.example/x.png)",
    "<a href='https://example.org' target=_blank rel=opener>Link</a>",
    "Zeile eins<br onclick=alert(1)>Zeile zwei",
]


class MarkupCollector(HTMLParser):
    """Every start tag (with attributes) and the text inside the page's .comment__text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 while inside a .comment__text
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.tags.append((tag, dict(attrs)))
            if tag != "br":
                self.depth += 1
        elif tag == "div" and "comment__text" in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag != "br":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def test_the_xss_corpus_is_big_enough():
    assert len(set(XSS_PAYLOADS)) >= 50


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_citizen_markup_is_shown_as_text_and_never_runs(human_client, topic, payload):
    assert post_comment(human_client, topic, payload).status_code == 302

    collector = MarkupCollector()
    collector.feed(human_client.get(topic.url).content.decode())

    assert collector.tags, "the comment text was not found on the page"
    for tag, attrs in collector.tags:
        assert tag in {"p", "br", "a"}, (tag, attrs)
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        if tag == "a":
            assert set(attrs) == {"href", "rel"}, attrs
            assert attrs["href"].startswith(("http://", "https://")), attrs
            assert attrs["rel"] == "nofollow ugc noopener"
        else:
            assert not attrs, (tag, attrs)
    shown = "".join(collector.text)
    assert re.sub(r"\s+", "", shown) == re.sub(r"\s+", "", payload)


def test_template_syntax_is_shown_literally(human_client, topic):
    post_comment(human_client, topic, "Ergebnis: {{ 7*7 }} und {% debug %}")

    assert comment_texts(human_client.get(topic.url)) == ["Ergebnis: {{ 7*7 }} und {% debug %}"]


def test_markup_in_a_guest_name_is_shown_as_text(human_client, topic):
    post_comment(human_client, topic, guest_name="<img src=x onerror=alert(1)>")

    author = html(human_client.get(topic.url)).select_one(".comment__author")
    assert author.find("img") is None
    assert author.get_text(strip=True) == "<img src=x onerror=alert(1)>"


def test_markup_stays_inside_the_textarea_of_the_edit_form(human_client, topic):
    payload = "</textarea><script>alert(1)</script>"
    post_comment(human_client, topic, payload)
    comment = Comment.objects.get()

    page = html(human_client.get(reverse("contributions:edit", args=["kommentar", comment.pk])))

    assert page.find("textarea", attrs={"name": "text"}).get_text().strip() == payload
    assert not page.select("main script")


@pytest.mark.parametrize("url_name", ["report", "reply"])
def test_markup_is_escaped_where_a_comment_is_quoted(client, topic, url_name):
    payload = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    comment = CommentFactory(target=topic, text=payload, participant=ParticipantFactory())
    url = (
        reverse("contributions:report", args=["kommentar", comment.pk])
        if url_name == "report"
        else reverse("contributions:comment_reply", args=[comment.pk])
    )

    quote = html(client.get(url)).select_one("blockquote")

    assert not quote.select("script, img")
    assert quote.get_text() == payload
