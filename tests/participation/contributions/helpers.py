"""Posting the real forms and reading the rendered pages, as a visitor's browser would."""

import uuid

from bs4 import BeautifulSoup
from django.urls import reverse

from participation.contributions.models import Thread

DEFAULT_TEXT = "Mehr Bänke am Marktplatz, bitte."


def kind_of(obj) -> str:
    return "thema" if isinstance(obj, Thread) else "seite"


def comment_url(obj) -> str:
    return reverse("contributions:comment_create", args=[kind_of(obj), obj.pk])


def form_data(text: str = DEFAULT_TEXT, **extra) -> dict:
    """The comment form as a browser sends it; the captcha answer is the test-mode "PASSED"
    (ignored where the form has no captcha). A value of None leaves the field out."""
    data = {
        "text": text,
        "submission_token": str(uuid.uuid4()),
        "captcha_0": "test-key",
        "captcha_1": "PASSED",
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def post_comment(client, obj, text: str = DEFAULT_TEXT, **extra):
    return client.post(comment_url(obj), form_data(text, **extra))


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def comment_texts(response) -> list[str]:
    return [node.get_text(" ", strip=True) for node in html(response).select(".comment__text")]


def textarea_value(response, name: str = "text") -> str:
    """What the browser shows in the textarea (it drops one newline right after the tag)."""
    value = html(response).find("textarea", attrs={"name": name}).get_text()
    return value.removeprefix("\r\n").removeprefix("\n")


def submit(client, form, page_url: str = "", **fields):
    """Sends a rendered <form> as a browser without JavaScript would, with `fields` typed in;
    a form without an action goes back to `page_url`."""
    data = {}
    for field in form.find_all(["input", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "checkbox", "radio"}:
            continue
        data[name] = field.get_text() if field.name == "textarea" else field.get("value", "")
    data.update(fields)
    return client.post(form.get("action") or page_url, data)
