"""Showing a page with a comment form writes nothing: the captcha's challenge is created when
its image (or audio) is first requested, i.e. when someone uses the form."""

import pytest
from captcha.models import CaptchaStore
from django.urls import reverse

from participation.contributions import captcha as lazy_captcha
from tests.participation.contributions.helpers import html, post_comment

pytestmark = pytest.mark.django_db


def test_page_views_create_no_challenge_and_the_image_waits_for_the_form(client, topic):
    for _ in range(3):
        page = html(client.get(topic.url))

    assert CaptchaStore.objects.count() == 0
    image = page.select_one("img[data-captcha-src]")
    assert not image.has_attr("src")  # set by participation.js when focus enters the form
    fallback = page.select_one("noscript").decode_contents()
    assert image["data-captcha-src"] in fallback  # without JavaScript it loads at once


def test_the_first_image_request_creates_the_challenge_once(client, topic):
    key = html(client.get(topic.url)).find("input", attrs={"name": "captcha_0"})["value"]
    url = reverse("captcha-image", kwargs={"key": key})

    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200

    assert list(CaptchaStore.objects.values_list("hashkey", flat=True)) == [key]


def test_keys_not_issued_by_the_site_create_nothing(client):
    forged = "0" * 40
    other = lazy_captcha.new_key()[:-1] + "x"

    for key in (forged, other):
        assert client.get(reverse("captcha-image", kwargs={"key": key})).status_code == 410

    assert CaptchaStore.objects.count() == 0


def test_the_error_page_shows_its_image_at_once(client, topic):
    response = post_comment(client, topic, "Ein Text.", captcha_1="falsch")

    assert response.status_code == 400
    assert html(response).select_one("img[data-captcha-image]")["src"].startswith("/captcha/")
