from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Data protection (DSGVO): "Meine Daten" and its download, account deletion, retention.

    Depends on `accounts` and `contributions`; nothing depends on it.
    """

    name = "participation.privacy"
    label = "privacy"
    verbose_name = _("Datenschutz")

    def ready(self):
        from allauth.account.signals import password_changed, password_set
        from django.contrib.auth.signals import user_logged_in

        from participation.privacy import receivers

        user_logged_in.connect(receivers.remember_session, dispatch_uid="privacy-login")
        password_changed.connect(receivers.remember_session, dispatch_uid="privacy-password")
        password_set.connect(receivers.remember_session, dispatch_uid="privacy-password-set")
