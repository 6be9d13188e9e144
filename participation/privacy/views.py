""" "Meine Daten" with its download, and deleting the account. Thin: selectors read, services
write. Nothing here is cached: the pages show personal data."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from participation.accounts.forms import AccountDeleteForm
from participation.contributions.ratelimit import rate_limit_hit
from participation.privacy import selectors, services


@never_cache
@require_http_methods(["GET"])
def my_data(request):
    """For a registered person, or an anonymous visitor within their session."""
    person = selectors.person_for(request)
    return render(
        request,
        "privacy/my_data.html",
        {"person": person, "summary": selectors.data_summary(person)},
    )


@never_cache
@require_http_methods(["GET"])
def my_data_download(request):
    person = selectors.person_for(request)
    if not person.is_known:
        messages.info(request, _("Für diese Sitzung sind keine Daten gespeichert."))
        return redirect("privacy:my_data")
    content = selectors.data_export_zip(person, base_url=request.build_absolute_uri("/"))
    filename = f"stadtdialog-meine-daten-{timezone.localdate():%Y-%m-%d}.zip"
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _has_admin_access(user) -> bool:
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """Deleting the account, confirmed with the password. Staff accounts (with access to the
    Wagtail admin) are deleted by the administration, so the admin's records stay intact."""
    user = request.user
    if _has_admin_access(user):
        return render(
            request,
            "privacy/account_delete.html",
            {"staff": True},
            status=403 if request.method == "POST" else 200,
        )
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and rate_limit_hit(
        action="password_confirm", participant_id=user.pk
    ):
        form.add_error(
            None,
            _(
                "Zu viele Versuche. Bitte warten Sie eine Viertelstunde und versuchen Sie es "
                "dann erneut."
            ),
        )
        return render(
            request,
            "privacy/account_delete.html",
            {"form": form, "has_password": user.has_usable_password()},
            status=429,
        )
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=user, keep_contributions=form.keep_contributions)
        logout(request)
        messages.success(
            request,
            _("Ihr Konto ist gelöscht und Sie sind auf allen Geräten abgemeldet.")
            if form.keep_contributions
            else _(
                "Ihr Konto und Ihre Beiträge sind gelöscht. Sie sind auf allen Geräten abgemeldet."
            ),
        )
        return redirect("wagtail_serve", "")  # the home page, in the current language
    return render(
        request,
        "privacy/account_delete.html",
        {"form": form, "has_password": user.has_usable_password()},
        status=400 if request.method == "POST" else 200,
    )
