from django import forms
from django.utils.translation import gettext_lazy as _

from participation.accounts.services import user_set_display_name


class SignupForm(forms.Form):
    """Extra sign-up field for allauth: the public name, kept apart from the email address."""

    display_name = forms.CharField(
        label=_("Öffentlicher Name"),
        max_length=60,
        min_length=2,
        help_text=_(
            "Erscheint bei Ihren Beiträgen, z. B. „Anna aus Althaldensleben“. "
            "Bitte nicht Ihre E-Mail-Adresse."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if "@" in name:
            raise forms.ValidationError(
                _("Bitte wählen Sie einen Namen ohne E-Mail-Adresse."), code="email_in_name"
            )
        return name

    def signup(self, request, user):
        user_set_display_name(user=user, display_name=self.cleaned_data["display_name"])
