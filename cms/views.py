"""Public views of the general site. Thin: the form validates, the service sends."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from cms import services
from cms.forms import AccessibilityFeedbackForm, same_site_path


@require_http_methods(["GET", "POST"])
def accessibility_feedback(request):
    """„Barriere melden“ (BITV 2.0 feedback mechanism); `?seite=/pfad/` names the page."""
    host = request.get_host()
    if request.method == "POST":
        form = AccessibilityFeedbackForm(request.POST, host=host)
        if form.is_valid():
            data = form.cleaned_data
            services.accessibility_feedback_send(
                site=Site.find_for_request(request),
                name=data["name"],
                email=data["email"],
                page_url=data["page_url"],
                message=data["message"],
            )
            messages.success(
                request,
                _(
                    "Danke! Ihre Rückmeldung ist angekommen. Wenn Sie eine E-Mail-Adresse "
                    "angegeben haben, antworten wir Ihnen."
                ),
            )
            return redirect(reverse("accessibility_feedback"))
    else:
        page_url = same_site_path(request.GET.get("seite", ""), host=host) or ""
        form = AccessibilityFeedbackForm(initial={"page_url": page_url}, host=host)
    return render(
        request,
        "cms/accessibility_feedback.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )
