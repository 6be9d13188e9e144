"""Account pages of our own (allauth handles login, sign-up, email addresses and passwords)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from participation.accounts.forms import ProfileForm
from participation.accounts.services import user_set_display_name


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """Change the public name; links to email, password, "Meine Daten" and deletion."""
    form = ProfileForm(request.POST or None, initial={"display_name": request.user.display_name})
    if request.method == "POST" and form.is_valid():
        user_set_display_name(user=request.user, display_name=form.cleaned_data["display_name"])
        messages.success(request, _("Ihr öffentlicher Name ist gespeichert."))
        return redirect("accounts:profile")
    return render(
        request,
        "account/profile.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
