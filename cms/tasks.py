"""Background work of the general site: emails go through Django's tasks framework."""

from django.core.mail import EmailMessage
from django.tasks import task


@task
def feedback_mail_send(*, subject: str, body: str, recipient: str, reply_to: str = "") -> None:
    """One plain-text email to the town; an answer goes to the sender, if they left an address."""
    EmailMessage(
        subject=subject,
        body=body,
        to=[recipient],
        reply_to=[reply_to] if reply_to else None,
    ).send()
