"""Emails each subscribed moderator how many items wait in the moderation queue.

Run it once a day (cron, systemd timer). Moderators subscribe on the queue page; nothing
is sent when nothing waits, or to accounts that lost the moderation permission.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from participation.moderation.models import DigestSubscription
from participation.moderation.selectors import waiting_summary
from participation.moderation.views import PERMISSION


class Command(BaseCommand):
    help = "Sendet abonnierten Moderator:innen eine E-Mail über wartende Einträge."

    def handle(self, *args, **options):
        summary = waiting_summary()
        if summary.total == 0:
            self.stdout.write("Nichts wartet; keine E-Mails.")
            return
        sent = 0
        subscriptions = DigestSubscription.objects.select_related("user").filter(
            user__is_active=True
        )
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "summary": summary,
                "url": settings.BASE_URL + reverse("moderation:queue"),
            }
            subject = render_to_string("moderation/email/digest_subject.txt", context).strip()
            body = render_to_string("moderation/email/digest_body.txt", context)
            for subscription in subscriptions:
                user = subscription.user
                if user.email and user.has_perm(PERMISSION):
                    send_mail(subject, body, None, [user.email])
                    sent += 1
        self.stdout.write(f"{sent} E-Mails verschickt ({summary.total} wartende Einträge).")
