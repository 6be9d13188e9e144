"""Forms for citizens. Every field error is German, next to its field; nothing typed is lost."""

import time
import uuid

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from participation.contributions import captcha as lazy_captcha
from participation.contributions.models import Report

TEXT_MIN = 2
TEXT_MAX = 4000
STARTED_SALT = "contributions.form-started"


class AccessibleCaptchaInput(CaptchaTextInput):
    """Our template (instructions, audio link, reload), and the label on the text input rather
    than on the hidden key input."""

    template_name = "contributions/captcha_field.html"

    def __init__(self, attrs=None, *, defer_image: bool = False):
        super().__init__(attrs)
        # On forms embedded in a page: the image (and so the challenge) loads when focus
        # enters the form, not with every view of the page.
        self.defer_image = defer_image

    def fetch_captcha_store(self, name, value, attrs=None, generator=None):
        """A signed key only; the challenge is created on the image's first request."""
        self._key = lazy_captcha.new_key()
        self._value = [self._key, ""]
        self.id_ = self.build_attrs(attrs).get("id", None)

    def id_for_label(self, id_):
        return f"{id_}_1" if id_ else id_

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["defer_image"] = self.defer_image
        text_input = context["widget"]["subwidgets"][1]["attrs"]
        text_input.update({"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"})
        if context["widget"]["attrs"].get("id"):
            text_input["aria-describedby"] = context["widget"]["attrs"]["id"] + "_hilfe"
        return context


class HumanCheckMixin(forms.Form):
    """Honeypot, minimum fill time and (when needed) the captcha for anonymous visitors."""

    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args, needs_captcha: bool = False, defer_captcha_image: bool = False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = signing.dumps(time.time(), salt=STARTED_SALT)
        if needs_captcha:
            self.fields["captcha"] = CaptchaField(
                label=_("Sicherheitsabfrage"),
                widget=AccessibleCaptchaInput(defer_image=defer_captcha_image),
                error_messages={
                    "invalid": _(
                        "Die Zeichen stimmen nicht. Bitte versuchen Sie es mit dem neuen Bild."
                    ),
                    "required": _("Bitte geben Sie die Zeichen aus dem Bild ein."),
                },
            )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Das Formular wurde nicht angenommen. Bitte senden Sie es noch einmal."),
                code="honeypot",
            )
        try:
            started = float(signing.loads(cleaned_data.get("started") or "", salt=STARTED_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            started = None  # no penalty: a re-rendered form keeps its first timestamp
        minimum = getattr(settings, "CONTRIBUTIONS_MIN_FILL_SECONDS", 3)
        if started is not None and time.time() - started < minimum:
            raise forms.ValidationError(
                _("Das ging sehr schnell. Bitte prüfen Sie Ihren Text und senden Sie ihn erneut."),
                code="too_fast",
            )
        return cleaned_data


class ContributionTextField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=kwargs.pop("label", _("Ihr Kommentar")),
            min_length=TEXT_MIN,
            max_length=TEXT_MAX,
            strip=True,
            widget=forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX}),
            error_messages={
                "required": _("Bitte schreiben Sie einen Text."),
                "min_length": _("Der Text ist zu kurz (mindestens %(limit_value)d Zeichen)."),
                "max_length": _(
                    "Der Text ist zu lang: höchstens %(limit_value)d Zeichen, "
                    "Ihr Text hat %(show_value)d."
                ),
            },
            **kwargs,
        )


class GuestNameMixin(forms.Form):
    guest_name = forms.CharField(
        label=_("Name (freiwillig)"),
        required=False,
        max_length=60,
        help_text=_("Erscheint bei Ihrem Beitrag. Ohne Angabe: „Gast“ mit einer Nummer."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_guest_name(self):
        name = " ".join(self.cleaned_data["guest_name"].split())
        if "@" in name:
            raise forms.ValidationError(_("Bitte keine E-Mail-Adresse als Namen."))
        return name


class CommentForm(GuestNameMixin, HumanCheckMixin):
    text = ContributionTextField()
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    paragraph_key = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
    notify_on_reply = forms.BooleanField(
        label=_("Bei Antworten per E-Mail benachrichtigen"), required=False
    )
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["text", "guest_name", "notify_on_reply", "captcha"]

    def __init__(self, *args, registered: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_token"].initial = uuid.uuid4()
        if registered:
            del self.fields["guest_name"]
        else:
            del self.fields["notify_on_reply"]


class ThreadForm(GuestNameMixin, HumanCheckMixin):
    title = forms.CharField(
        label=_("Titel"),
        max_length=140,
        min_length=4,
        error_messages={"required": _("Bitte geben Sie einen Titel an.")},
    )
    impulse_topic = forms.ModelChoiceField(
        label=_("Impulsthema"),
        queryset=None,
        required=False,
        empty_label=_("– kein bestimmtes –"),
    )
    text = ContributionTextField(label=_("Ihr Beitrag"))
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["title", "impulse_topic", "text", "guest_name", "captcha"]

    def __init__(self, *args, forum, registered: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["impulse_topic"].queryset = forum.impulse_topics.all()
        self.fields["submission_token"].initial = uuid.uuid4()
        if registered:
            del self.fields["guest_name"]


class EditForm(forms.Form):
    text = ContributionTextField(label=_("Text"))


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Warum melden Sie diesen Beitrag?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie einen Grund.")},
    )
    text = forms.CharField(
        label=_("Erläuterung (bei „Sonstiges“ nötig)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("reason") == Report.Reason.OTHER and not cleaned_data.get("text"):
            self.add_error("text", _("Bitte beschreiben Sie kurz, was nicht stimmt."))
        return cleaned_data
