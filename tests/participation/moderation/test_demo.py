"""seed_demo adds moderated content through the moderation services, once."""

import io

import pytest
from django.core.management import call_command

from home.demo.moderation import CATEGORIES, HIDDEN_TEXT, OFFICIAL_RESPONSE, PENDING_TEXTS
from participation.contributions.models import Comment, Report, Status
from participation.moderation.models import Action, ModerationCategory, ModerationLogEntry

pytestmark = pytest.mark.django_db


def test_the_demo_has_categories_and_moderated_comments_and_is_idempotent():
    call_command("seed_demo", stdout=io.StringIO())
    entries = ModerationLogEntry.objects.count()

    assert set(ModerationCategory.objects.values_list("name", flat=True)) == set(CATEGORIES)
    assert ModerationCategory.objects.filter(comments__isnull=False).distinct().count() >= 3
    assert Comment.objects.filter(text__in=PENDING_TEXTS, status=Status.PENDING).count() == 3
    hidden = Comment.objects.get(text=HIDDEN_TEXT)
    assert (hidden.status, hidden.moderation_reason) == (Status.HIDDEN, "insult")
    official = Comment.objects.get(is_official=True)
    assert official.text == OFFICIAL_RESPONSE
    assert official.parent.highlighted_at is not None
    assert Report.objects.get().resolution == "dismissed"
    actions = set(ModerationLogEntry.objects.values_list("action", flat=True))
    assert {Action.CATEGORISE, Action.HIDE, Action.HIGHLIGHT, Action.OFFICIAL_RESPONSE} <= actions
    assert {Action.REPORTS_DISMISSED, Action.NOTE} <= actions

    call_command("seed_demo", stdout=io.StringIO())

    assert ModerationLogEntry.objects.count() == entries
    assert Comment.objects.filter(text__in=PENDING_TEXTS).count() == 3
