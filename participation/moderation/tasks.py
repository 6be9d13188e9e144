"""Emails to authors about moderation decisions, sent through Django's tasks framework."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from participation.contributions.models import Comment, Status, Thread
from participation.contributions.selectors import comment_permalink

MODELS = {"kommentar": Comment, "thema": Thread}


def _author_email(contribution) -> str:
    user = contribution.participant.user
    return user.email if user is not None and user.email else ""


def _send(template: str, context: dict, recipient: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            subject=render_to_string(f"moderation/email/{template}_subject.txt", context).strip(),
            message=render_to_string(f"moderation/email/{template}_body.txt", context),
            from_email=None,
            recipient_list=[recipient],
        )


@task
def notify_rejection(kind: str, pk: int, note: str) -> bool:
    """Tells a registered author that their comment or thread was not published, and why."""
    contribution = MODELS[kind].objects.select_related("participant__user").filter(pk=pk).first()
    if contribution is None or contribution.status != Status.REJECTED:
        return False
    recipient = _author_email(contribution)
    if not recipient:
        return False
    _send(
        "rejection",
        {"contribution": contribution, "note": note},
        recipient,
    )
    return True


@task
def notify_official_response(response_pk: int, kind: str, pk: int) -> bool:
    """Tells a registered author that the town answered their comment or thread."""
    item = MODELS[kind].objects.select_related("participant__user").filter(pk=pk).first()
    response = Comment.objects.filter(pk=response_pk, is_official=True).first()
    if item is None or response is None:
        return False
    recipient = _author_email(item)
    if not recipient:
        return False
    url = comment_permalink(response)
    _send(
        "official_response",
        {"item": item, "response": response, "url": settings.BASE_URL + url},
        recipient,
    )
    return True
