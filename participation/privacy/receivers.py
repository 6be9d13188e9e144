"""Signal receivers: bookkeeping only, the work is in services."""

from participation.privacy.services import session_remember


def remember_session(sender, request, user, **kwargs):
    """A login (or a password change, which gives the session a new key): note the session
    key, so deleting the account can end this session whatever the session engine."""
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        session_remember(user=user, session_key=session.session_key)
