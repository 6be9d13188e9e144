"""Background work: emails are sent through Django's tasks framework, never in the request."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from participation.contributions.models import Comment, Status


@task
def notify_reply(comment_id: int) -> bool:
    """Tells a registered author who opted in that someone replied to their comment."""
    reply = (
        Comment.objects.select_related("parent__participant__user", "participant__user")
        .filter(pk=comment_id, status=Status.PUBLISHED)
        .first()
    )
    if reply is None or reply.parent is None:
        return False
    parent = reply.parent
    author = parent.participant.user
    if (
        not parent.notify_on_reply
        or author is None
        or not author.email
        or parent.participant_id == reply.participant_id
    ):
        return False
    from participation.contributions.selectors import comment_permalink

    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "reply": reply,
            "parent": parent,
            "url": settings.BASE_URL + comment_permalink(reply),
        }
        send_mail(
            subject=render_to_string("contributions/email/reply_subject.txt", context).strip(),
            message=render_to_string("contributions/email/reply_body.txt", context),
            from_email=None,
            recipient_list=[author.email],
        )
    return True
