"""The relaxed Content-Security-Policy for the Wagtail admin (see SECURE_CSP_ADMIN in settings).

The public site runs under SECURE_CSP: no inline scripts or styles. Wagtail's admin needs
inline scripts and styles, so every response under the admin's address gets SECURE_CSP_ADMIN
instead. Django's ContentSecurityPolicyMiddleware writes the header from the policy this
middleware leaves on the response; this one must therefore come after Django's in MIDDLEWARE.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.csp import CSP


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A view that chose its own policy (Django's csp_override decorator) keeps it.
        in_admin = request.path_info.startswith(reverse("wagtailadmin_home"))
        if in_admin and not hasattr(response, "_csp_config"):
            # The page preview renders the page through the whole middleware stack once more
            # (Wagtail's make_preview_request), for the page's public address, so it arrives
            # with the public policy: "frame-ancestors 'none'" would blank the preview panel.
            if CSP.HEADER_ENFORCE in response:
                del response[CSP.HEADER_ENFORCE]
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response
