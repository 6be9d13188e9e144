from django import forms
from django.utils.translation import gettext_lazy as _

from participation.accounts.services import user_set_display_name

DISPLAY_NAME_MIN = 2
DISPLAY_NAME_MAX = 60


class DisplayNameField(forms.CharField):
    """The public name: 2–60 characters, spaces tidied, no email address. Used at sign-up and
    on the profile page, so both validate alike."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Öffentlicher Name"),
            min_length=DISPLAY_NAME_MIN,
            max_length=DISPLAY_NAME_MAX,
            help_text=_(
                "Erscheint bei Ihren Beiträgen, z. B. „Anna aus Althaldensleben“. "
                "Bitte nicht Ihre E-Mail-Adresse."
            ),
            widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
            error_messages={
                "required": _("Bitte geben Sie einen öffentlichen Namen ein."),
                "min_length": _("Der Name ist zu kurz (mindestens %(limit_value)d Zeichen)."),
                "max_length": _(
                    "Der Name ist zu lang: höchstens %(limit_value)d Zeichen, "
                    "Ihr Name hat %(show_value)d."
                ),
            },
            **kwargs,
        )

    def clean(self, value):
        name = " ".join(super().clean(value).split())
        if "@" in name:
            raise forms.ValidationError(
                _("Bitte wählen Sie einen Namen ohne E-Mail-Adresse."), code="email_in_name"
            )
        return name


class SignupForm(forms.Form):
    """Extra sign-up field for allauth: the public name, kept apart from the email address."""

    display_name = DisplayNameField()

    def signup(self, request, user):
        user_set_display_name(user=user, display_name=self.cleaned_data["display_name"])


class ProfileForm(forms.Form):
    display_name = DisplayNameField()


class AccountDeleteForm(forms.Form):
    """Deleting the account: what happens to the contributions, and the password to confirm."""

    KEEP = "behalten"
    DELETE = "loeschen"

    contributions = forms.ChoiceField(
        label=_("Was soll mit Ihren Beiträgen geschehen?"),
        choices=[
            (KEEP, _("Beiträge bleiben erhalten, angezeigt als „Gelöschtes Konto“")),
            (DELETE, _("Meine Beiträge ebenfalls löschen")),
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "Erhalten: Ihre Kommentare und Forumsbeiträge bleiben Teil der Diskussion, ohne "
            "Ihren Namen. Löschen: Ihre Texte werden entfernt – wo andere geantwortet haben, "
            "bleibt der Hinweis „gelöscht“ –, Ihre Stimmen und Meldungen werden gelöscht."
        ),
        error_messages={
            "required": _("Bitte wählen Sie, was mit Ihren Beiträgen geschehen soll."),
            "invalid_choice": _("Bitte wählen Sie, was mit Ihren Beiträgen geschehen soll."),
        },
    )
    password = forms.CharField(
        label=_("Ihr Passwort zur Bestätigung"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Bitte geben Sie Ihr Passwort ein.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Das Passwort stimmt nicht. Bitte versuchen Sie es noch einmal."),
                code="wrong_password",
            )
        return password

    @property
    def keep_contributions(self) -> bool:
        return self.cleaned_data["contributions"] == self.KEEP
