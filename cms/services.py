"""Writes of the general site (HackSoftware style: `<entity>_<action>`, keyword-only)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site

from cms.models import SiteSettings
from cms.tasks import feedback_mail_send


def accessibility_feedback_recipient(*, site: Site | None) -> str:
    """Where reported barriers go: the site's own address for them, else its contact address,
    else the platform's sender address."""
    site_settings = SiteSettings.for_site(site) if site else None
    return (
        (site_settings and site_settings.accessibility_feedback_email)
        or (site_settings and site_settings.contact_email)
        or settings.DEFAULT_FROM_EMAIL
    )


def accessibility_feedback_send(
    *, site: Site | None, name: str, email: str, page_url: str, message: str
) -> None:
    """Mails a reported barrier to the town. Nothing is stored on the platform."""
    context = {
        "name": name,
        "email": email,
        "page_url": page_url,
        "page_link": f"{site.root_url}{page_url}" if site and page_url else page_url,
        "message": message,
        "site_name": (site.site_name if site else "") or "Stadtdialog",
    }
    # The town reads German, whatever language the sender used the site in.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("cms/email/accessibility_feedback_subject.txt", context)
        body = render_to_string("cms/email/accessibility_feedback_body.txt", context)
    feedback_mail_send.enqueue(
        subject=" ".join(subject.split()),
        body=body,
        recipient=accessibility_feedback_recipient(site=site),
        reply_to=email,
    )
