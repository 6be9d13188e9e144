from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """An account. Contributions show `display_name`, never the email address."""

    display_name = models.CharField(
        _("öffentlicher Name"),
        max_length=60,
        blank=True,
        help_text=_("So erscheinen Sie bei Ihren Beiträgen. Ihre E-Mail-Adresse bleibt privat."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def public_name(self) -> str:
        return self.display_name or self.first_name or _("Teilnehmer:in")

    def __str__(self) -> str:
        return self.display_name or self.email or self.username


def public_name_of(user) -> str:
    """Used by allauth (ACCOUNT_USER_DISPLAY) wherever it names the logged-in person."""
    return str(user.public_name)
