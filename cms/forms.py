"""Public forms of the general site. German errors next to their fields; nothing typed is lost."""

from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX = 4000
PAGE_URL_MAX = 500


def same_site_path(value: str, *, host: str) -> str | None:
    """The path (with query and fragment) of an address on this site, or None.

    Accepts "/isek-2035/konzept/" and "https://<this host>/isek-2035/"; refuses other hosts,
    scheme-relative ("//host/…") and backslash tricks, and anything with spaces or control
    characters (the value goes into an email subject)."""
    value = value.strip()
    if not value or "\\" in value or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
            return None
    elif not value.startswith("/") or value.startswith("//"):
        return None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    if parts.fragment:
        path += "#" + parts.fragment
    return path


class HoneypotForm(forms.Form):
    """A field people don't see (form_fields.html hides a field called "website" off-screen)
    and bots fill in."""

    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Das Formular wurde nicht angenommen. Bitte senden Sie es noch einmal."),
                code="honeypot",
            )
        return cleaned_data


class AccessibilityFeedbackForm(HoneypotForm):
    """„Barriere melden“: what is hard to use, where, and (optionally) who wants an answer."""

    message = forms.CharField(
        label=_("Was ist Ihnen aufgefallen?"),
        help_text=_(
            "Beschreiben Sie bitte, was Sie nicht oder nur schwer nutzen konnten, und womit Sie "
            "die Seite aufgerufen haben (z. B. Bildschirmleser, Vergrößerung, nur Tastatur)."
        ),
        max_length=MESSAGE_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX}),
        error_messages={
            "required": _("Bitte beschreiben Sie die Barriere."),
            "max_length": _(
                "Der Text ist zu lang: höchstens %(limit_value)d Zeichen, "
                "Ihr Text hat %(show_value)d."
            ),
        },
    )
    page_url = forms.CharField(
        label=_("Auf welcher Seite? (freiwillig)"),
        help_text=_("Die Adresse der Seite auf dieser Website, z. B. /isek-2035/konzept/"),
        required=False,
        max_length=PAGE_URL_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "max_length": _("Die Adresse ist zu lang (höchstens %(limit_value)d Zeichen)."),
        },
    )
    name = forms.CharField(
        label=_("Ihr Name (freiwillig)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "max_length": _("Der Name ist zu lang (höchstens %(limit_value)d Zeichen).")
        },
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig)"),
        help_text=_("Nur wenn Sie eine Antwort möchten."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")
        },
    )

    field_order = ["message", "page_url", "name", "email", "website"]

    def __init__(self, *args, host: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host

    def clean_page_url(self):
        value = self.cleaned_data["page_url"]
        if not value.strip():
            return ""
        path = same_site_path(value, host=self.host)
        if path is None:
            raise forms.ValidationError(
                _(
                    "Bitte geben Sie eine Adresse dieser Website an, z. B. /isek-2035/konzept/ – "
                    "oder lassen Sie das Feld leer."
                ),
                code="off_site",
            )
        return path

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
