"""Citizens' actions. Thin: forms validate, services write, selectors read.

Everything works without JavaScript (forms post and redirect back); requests sent by our
script ask for JSON or an HTML fragment instead and update the page in place.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from participation.consultations.models import ConceptDocumentPage, ForumPage
from participation.contributions import selectors, services
from participation.contributions.forms import CommentForm, EditForm, ReportForm, ThreadForm
from participation.contributions.models import Comment, Status, Thread, Vote
from participation.contributions.ratelimit import rate_limit_hit
from participation.contributions.targets import Target, resolve_target, rules_for, support_target

DRAFT_PREFIX = "draft:"


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def needs_captcha(request) -> bool:
    return not request.user.is_authenticated and not request.session.get(services.SESSION_HUMAN_KEY)


def _passed_human_check(request, form) -> None:
    if "captcha" in form.fields:
        request.session[services.SESSION_HUMAN_KEY] = True


def _back(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return fallback


def _login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


def _form_page(request, *, target: Target, form, status: int, heading: str, parent=None):
    context = {
        "page": target.page,
        "target": target,
        "form": form,
        "heading": heading,
        "parent": parent,
        "action": target.comment_url,
    }
    if wants_json(request):
        html = render_to_string("contributions/includes/comment_form.html", context, request)
        return JsonResponse({"ok": False, "html": html}, status=status)
    return render(request, "contributions/comment_form_page.html", context, status=status)


def _refuse_for_account(request, target: Target, text: str):
    """Account required: keep the text in the session and come back after logging in."""
    request.session[DRAFT_PREFIX + target.session_key] = text
    messages.info(request, _("Bitte melden Sie sich an. Ihr Text bleibt erhalten."))
    return redirect(_login_url(target.url + "#kommentieren"))


def _add_rate_limit_error(form) -> None:
    form.add_error(
        None,
        _(
            "Sie haben in kurzer Zeit sehr viele Beiträge gesendet. Bitte warten Sie eine "
            "Minute und senden Sie dann erneut – Ihr Text bleibt hier erhalten."
        ),
    )


@require_POST
def comment_create(request, kind: str, object_id: int):
    target = resolve_target(kind, object_id, request.POST.get("paragraph_key", ""))
    registered = request.user.is_authenticated
    if not registered and not target.rules.anonymous_allowed:
        return _refuse_for_account(request, target, request.POST.get("text", ""))
    parent = None
    if request.POST.get("parent"):
        if not request.POST["parent"].isdecimal():
            raise Http404
        parent = get_object_or_404(
            Comment,
            pk=request.POST["parent"],
            content_type=target.content_type,
            object_id=target.object_id,
            paragraph_key=target.paragraph_key,
            status=Status.PUBLISHED,
            deleted_at__isnull=True,
        )
    form = CommentForm(request.POST, needs_captcha=needs_captcha(request), registered=registered)
    heading = _("Antwort schreiben") if parent else _("Kommentar schreiben")
    if not form.is_valid():
        return _form_page(
            request, target=target, form=form, status=400, heading=heading, parent=parent
        )
    participant = services.participant_ensure(request)
    already_stored = selectors.submitted_comment(
        participant=participant, submission_token=form.cleaned_data["submission_token"]
    )
    if already_stored:  # a double click: show what the first click stored
        return redirect(selectors.comment_permalink(already_stored))
    if rate_limit_hit(action="comment", participant_id=participant.pk):
        _add_rate_limit_error(form)
        return _form_page(
            request,
            target=target,
            form=form,
            status=429,
            heading=heading,
            parent=parent,
        )
    try:
        comment = services.comment_create(
            target=target,
            participant=participant,
            text=form.cleaned_data["text"],
            submission_token=form.cleaned_data["submission_token"],
            parent=parent,
            notify_on_reply=form.cleaned_data.get("notify_on_reply", False),
        )
    except services.ContributionRefused as refusal:
        form.add_error(None, str(refusal))
        return _form_page(
            request, target=target, form=form, status=403, heading=heading, parent=parent
        )
    _passed_human_check(request, form)
    services.participant_set_guest_name(
        participant=participant, guest_name=form.cleaned_data.get("guest_name", "")
    )
    request.session.pop(DRAFT_PREFIX + target.session_key, None)
    notice = (
        _("Danke! Ihr Beitrag wird nach Prüfung veröffentlicht.")
        if comment.status == Status.PENDING
        else _("Danke! Ihr Beitrag ist veröffentlicht.")
    )
    if wants_json(request):
        return JsonResponse(
            {"ok": True, "message": notice, "url": selectors.comment_permalink(comment)}
        )
    messages.success(request, notice)
    return redirect(selectors.comment_permalink(comment))


@require_http_methods(["GET"])
def comment_reply(request, comment_id: int):
    """Without JavaScript, "Antworten" opens the reply form on a page of its own."""
    parent = get_object_or_404(
        Comment, pk=comment_id, status=Status.PUBLISHED, deleted_at__isnull=True
    )
    target = selectors.comment_target(parent)
    if not request.user.is_authenticated and not target.rules.anonymous_allowed:
        return redirect(_login_url(request.get_full_path()))
    form = CommentForm(
        initial={"parent": parent.pk, "paragraph_key": target.paragraph_key},
        needs_captcha=needs_captcha(request),
        registered=request.user.is_authenticated,
    )
    return _form_page(
        request, target=target, form=form, status=200, heading=_("Antwort schreiben"), parent=parent
    )


def _vote_response(request, *, target_obj, rules, value, fallback: Callable[[], str], anchor):
    """`fallback()` is where the vote's page is (asked only for answers that need it, as it
    may cost queries)."""
    if not request.user.is_authenticated and not rules.anonymous_allowed:
        if wants_json(request):
            return JsonResponse({"ok": False, "redirect": _login_url(fallback())}, status=403)
        return redirect(_login_url(fallback()))
    if needs_captcha(request):
        # An anonymous visitor's first action in a session passes the captcha first.
        confirm = reverse("contributions:confirm_human") + "?" + urlencode({"next": fallback()})
        if wants_json(request):
            return JsonResponse({"ok": False, "redirect": confirm}, status=403)
        return redirect(confirm)
    participant = services.participant_ensure(request)
    if rate_limit_hit(action="vote", participant_id=participant.pk):
        message = _("Zu viele Stimmen in kurzer Zeit. Bitte warten Sie einen Moment.")
        if wants_json(request):
            return JsonResponse({"ok": False, "message": message}, status=429)
        return render(request, "contributions/refused.html", {"message": message}, status=429)
    try:
        services.vote_set(participant=participant, target=target_obj, rules=rules, value=value)
    except services.ContributionRefused as refusal:
        if wants_json(request):
            return JsonResponse({"ok": False, "message": str(refusal)}, status=403)
        return render(request, "contributions/refused.html", {"message": str(refusal)}, status=403)
    if wants_json(request):
        return None
    return HttpResponseRedirect(_back(request, fallback()) + anchor)


@require_POST
def comment_vote(request, comment_id: int):
    """The hottest write: five queries (comment with its consultation, phases, participant,
    the vote, the counts), the rate limit in Redis."""
    comment = get_object_or_404(Comment.objects.select_related("consultation"), pk=comment_id)
    value = _vote_value(request)
    response = _vote_response(
        request,
        target_obj=comment,
        rules=selectors.comment_rules(comment),
        value=value,
        fallback=lambda: selectors.comment_target(comment).url,
        anchor=f"#kommentar-{comment.pk}",
    )
    if response is not None:
        return response
    counts = selectors.vote_counts(comment)
    message = {
        Vote.UP: _("Ihre Zustimmung wurde gezählt."),
        Vote.DOWN: _("Ihre Ablehnung wurde gezählt."),
        0: _("Ihre Stimme wurde zurückgenommen."),
    }[value]
    return JsonResponse(
        {"ok": True, "up": counts.up, "down": counts.down, "mine": value, "message": message}
    )


@require_POST
def support(request, kind: str, object_id: int):
    target_obj = support_target(kind, object_id)
    page = target_obj.forum if isinstance(target_obj, Thread) else target_obj
    url = selectors.thread_url(target_obj) if isinstance(target_obj, Thread) else target_obj.url
    value = Vote.UP if request.POST.get("value") == "1" else 0
    response = _vote_response(
        request,
        target_obj=target_obj,
        rules=rules_for(page),
        value=value,
        fallback=lambda: url,
        anchor="#unterstuetzen",
    )
    if response is not None:
        return response
    state = selectors.support_for(target_obj, selectors.participant_get(request))
    message = (
        _("Ihre Unterstützung wurde gezählt.")
        if value
        else _("Ihre Unterstützung wurde zurückgenommen.")
    )
    return JsonResponse({"ok": True, "count": state.count, "mine": state.mine, "message": message})


def _vote_value(request) -> int:
    try:
        value = int(request.POST.get("value", ""))
    except ValueError as error:
        raise Http404 from error
    if value not in (Vote.UP, Vote.DOWN, 0):
        raise Http404
    return value


@require_http_methods(["GET", "POST"])
def confirm_human(request):
    """The captcha on its own, for an anonymous visitor's first vote in a session."""
    from participation.contributions.forms import HumanCheckMixin

    next_url = _back(request, "/")
    form = HumanCheckMixin(request.POST or None, needs_captcha=needs_captcha(request))
    if request.method == "POST" and form.is_valid():
        _passed_human_check(request, form)
        messages.success(request, _("Danke! Sie können jetzt abstimmen."))
        return HttpResponseRedirect(next_url)
    return render(
        request,
        "contributions/confirm_human.html",
        {"form": form, "next": next_url},
        status=400 if request.method == "POST" else 200,
    )


def _contribution(kind: str, pk: int):
    model = {"kommentar": Comment, "thema": Thread}.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model, pk=pk)


def _contribution_url(item) -> str:
    return (
        selectors.thread_url(item)
        if isinstance(item, Thread)
        else selectors.comment_permalink(item)
    )


@require_http_methods(["GET", "POST"])
def contribution_edit(request, kind: str, pk: int):
    item = _contribution(kind, pk)
    participant = selectors.participant_get(request)
    if participant is None or item.participant_id != participant.pk or item.is_deleted:
        raise Http404
    form = EditForm(request.POST or None, initial={"text": item.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_edit(
                contribution=item, participant=participant, text=form.cleaned_data["text"]
            )
        except services.ContributionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Ihre Änderung ist gespeichert."))
            return redirect(_contribution_url(item))
    return render(
        request,
        "contributions/edit.html",
        {"form": form, "item": item, "back": _contribution_url(item)},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def contribution_delete(request, kind: str, pk: int):
    item = _contribution(kind, pk)
    participant = selectors.participant_get(request)
    if participant is None or item.participant_id != participant.pk or item.is_deleted:
        raise Http404
    back = _contribution_url(item)
    if request.method == "POST":
        services.contribution_delete(contribution=item, participant=participant)
        messages.success(request, _("Ihr Beitrag wurde gelöscht."))
        return redirect(back)
    return render(request, "contributions/delete.html", {"item": item, "back": back})


@require_http_methods(["GET", "POST"])
def contribution_report(request, kind: str, pk: int):
    item = _contribution(kind, pk)
    if not item.is_visible_to_public:
        raise Http404
    back = _contribution_url(item)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        participant = services.participant_ensure(request)
        if rate_limit_hit(action="report", participant_id=participant.pk):
            return render(
                request,
                "contributions/refused.html",
                {"message": _("Zu viele Meldungen in kurzer Zeit. Bitte warten Sie einen Moment.")},
                status=429,
            )
        services.report_create(
            participant=participant,
            item=item,
            reason=form.cleaned_data["reason"],
            text=form.cleaned_data["text"],
        )
        messages.success(
            request, _("Danke für Ihre Meldung. Die Moderation sieht sich den Beitrag an.")
        )
        return redirect(back)
    return render(
        request,
        "contributions/report.html",
        {"form": form, "item": item, "back": back},
        status=400 if request.method == "POST" else 200,
    )


def comment_list(request, kind: str, object_id: int):
    """A page of a discussion as an HTML fragment ("weitere Kommentare laden")."""
    target = resolve_target(kind, object_id, request.GET.get("absatz", ""))
    discussion = selectors.discussion_for(
        target,
        viewer=selectors.participant_get(request),
        sort=request.GET.get("sortierung", selectors.DEFAULT_SORT),
        page_number=request.GET.get("seite", 1),
    )
    return render(request, "contributions/includes/comment_items.html", {"discussion": discussion})


def _concept(page_id: int) -> ConceptDocumentPage:
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, ConceptDocumentPage):
        raise Http404
    return page


def paragraph_discussion(request, page_id: int, key: str):
    document = _concept(page_id)
    target = resolve_target("seite", document.pk, key)
    template = (
        "contributions/includes/paragraph_discussion.html"
        if request.GET.get("fragment")
        else "contributions/paragraph_page.html"
    )
    return render(
        request, template, {"page": document, "target": target, "paragraph": target.paragraph}
    )


def concept_heatmap(request, page_id: int):
    document = _concept(page_id)
    counts = selectors.paragraph_comment_counts(document)
    return render(
        request,
        "contributions/heatmap.html",
        {"page": document, "heatmap": selectors.heatmap(document, counts)},
    )


def chapter_comments(request, page_id: int, number: int):
    document = _concept(page_id)
    chapter = next((c for c in document.chapters if c.number == number), None)
    if chapter is None:
        raise Http404
    return render(
        request,
        "contributions/chapter_comments.html",
        {
            "page": document,
            "chapter": chapter,
            "groups": selectors.chapter_comments(document, chapter),
            "chapters": document.chapters,
        },
    )


def _forum(page_id: int) -> ForumPage:
    forum = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(forum, ForumPage):
        raise Http404
    return forum


@require_http_methods(["GET", "POST"])
def thread_create(request, forum_id: int):
    forum = _forum(forum_id)
    target = Target(forum)
    registered = request.user.is_authenticated
    if not registered and not target.rules.anonymous_allowed:
        if request.method == "POST":
            return _refuse_for_account(request, target, request.POST.get("text", ""))
        return redirect(_login_url(request.get_full_path()))
    form = ThreadForm(
        request.POST or None,
        forum=forum,
        needs_captcha=needs_captcha(request),
        registered=registered,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            participant = services.participant_ensure(request)
            if rate_limit_hit(action="thread", participant_id=participant.pk):
                _add_rate_limit_error(form)
                status = 429
            else:
                try:
                    thread = services.thread_create(
                        target=target,
                        participant=participant,
                        title=form.cleaned_data["title"],
                        text=form.cleaned_data["text"],
                        impulse_topic=form.cleaned_data["impulse_topic"],
                        submission_token=form.cleaned_data["submission_token"],
                    )
                except services.ContributionRefused as refusal:
                    form.add_error(None, str(refusal))
                    status = 403
                else:
                    _passed_human_check(request, form)
                    services.participant_set_guest_name(
                        participant=participant, guest_name=form.cleaned_data.get("guest_name", "")
                    )
                    messages.success(
                        request,
                        _("Danke! Ihr Thema wird nach Prüfung veröffentlicht.")
                        if thread.status == Status.PENDING
                        else _("Danke! Ihr Thema ist eröffnet."),
                    )
                    return redirect(selectors.thread_url(thread))
    return render(
        request,
        "contributions/thread_form.html",
        {"page": forum, "form": form, "rules": target.rules},
        status=status,
    )


def thread_detail(request, forum_id: int, thread_id: int):
    forum = _forum(forum_id)
    thread = get_object_or_404(
        Thread.objects.select_related("participant__user", "impulse_topic"),
        pk=thread_id,
        forum=forum,
    )
    viewer = selectors.participant_get(request)
    own_pending = thread.status == Status.PENDING and viewer and thread.participant_id == viewer.pk
    if thread.status not in (Status.PUBLISHED, Status.HIDDEN) and not own_pending:
        raise Http404
    return render(
        request,
        "contributions/thread_page.html",
        {
            "page": forum,
            "thread": thread,
            "target": Target(thread),
            "viewer": viewer,
        },
    )
