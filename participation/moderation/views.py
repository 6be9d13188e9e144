"""The moderation screens in the Wagtail admin. Thin: forms validate, services decide.

wagtail-modeladmin lists one model per screen; the queue is a single list across three
models (a UNION, see selectors), so it is a plain admin view on Wagtail's generic admin
templates. The categories, a single model, use wagtail-modeladmin (wagtail_hooks.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from participation.contributions.models import Comment, ModerationReason, Participant, Thread
from participation.contributions.selectors import comment_permalink, thread_url
from participation.moderation import selectors, services
from participation.moderation.forms import (
    BlockForm,
    BulkForm,
    CategoriesForm,
    DecisionForm,
    NoteForm,
    OfficialResponseForm,
    QueueFilterForm,
)
from participation.moderation.models import DigestSubscription
from participation.surveys.models import Answer

PERMISSION = "moderation.moderate"
moderator_required = permission_required(PERMISSION)


@moderator_required
def queue(request):
    filter_form = QueueFilterForm(request.GET or None)
    page = selectors.queue_page(filter_form.filters(), request.GET.get("seite", 1))
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "moderation/queue.html",
        {
            "page_title": _("Moderation"),
            "header_icon": "tasks",
            "filter_form": filter_form,
            "bulk_form": BulkForm(),
            "page": page,
            "query": query.urlencode(),
            "subscribed": DigestSubscription.objects.filter(user=request.user).exists(),
        },
    )


def _context_url(item) -> str:
    if isinstance(item, Comment):
        return comment_permalink(item)
    if isinstance(item, Thread):
        return thread_url(item)
    return item.survey.url


# What the moderator typed into a form whose decision was refused, kept for the next view of
# the item page so nothing is lost on the redirect: {"form": context name, "data": fields}.
DRAFT_SESSION_KEY = "moderation-draft:{kind}:{pk}"
DECISION_ACTIONS = ("approve", "reject", "hide", "restore", "dismiss_reports")
FORM_OF_ACTION = {
    **dict.fromkeys(DECISION_ACTIONS, "decision_form"),
    "official_response": "response_form",
    "note": "note_form",
    "categories": "categories_form",
}


@moderator_required
def item_detail(request, kind: str, pk: int):
    item = selectors.item_get(kind, pk)
    draft = request.session.pop(DRAFT_SESSION_KEY.format(kind=kind, pk=pk), None) or {}

    def typed(form_name: str) -> dict:
        return draft["data"] if draft.get("form") == form_name else {}

    consultation_id = services.item_consultation_id(item)
    participant = item.response.participant if isinstance(item, Answer) else item.participant
    reports = list(selectors.item_reports(item))
    categories = list(item.categories.all())
    return render(
        request,
        "moderation/item.html",
        {
            "page_title": _("Eintrag prüfen"),
            "header_icon": "tasks",
            "kind": kind,
            "item": item,
            "is_answer": isinstance(item, Answer),
            "is_comment": isinstance(item, Comment),
            "participant": participant,
            "context_url": _context_url(item),
            "reports": reports,
            "open_reports": any(report.resolved_at is None for report in reports),
            "history": selectors.item_history(item),
            "categories": categories,
            # Several forms on one page: their own ids, so every label finds its field.
            "decision_form": DecisionForm(
                auto_id="entscheidung_%s", initial=typed("decision_form")
            ),
            "response_form": OfficialResponseForm(
                auto_id="stellungnahme_%s", initial=typed("response_form")
            ),
            "note_form": NoteForm(auto_id="notiz_%s", initial=typed("note_form")),
            "categories_form": CategoriesForm(
                consultation_id=consultation_id,
                auto_id="kategorien_%s",
                initial=typed("categories_form") or {"categories": categories},
            ),
            "block_form": BlockForm(
                auto_id="sperre_%s", initial={"reason": ModerationReason.OTHER}
            ),
        },
    )


ANSWER_ACTIONS = {"approve", "reject", "categories", "note"}


def _apply(action: str, item, request, moderator) -> str:
    """Runs one decision from the item page; returns the success message."""
    data = request.POST
    if isinstance(item, Answer) and action not in ANSWER_ACTIONS:
        raise services.ModerationRefused(_("Das ist bei Umfrageantworten nicht möglich."))
    if action in DECISION_ACTIONS:
        form = DecisionForm(data)
        form.is_valid()
        reason, note = form.cleaned_data.get("reason", ""), form.cleaned_data.get("note", "")
        if action == "approve":
            services.item_approve(item=item, moderator=moderator, note=note)
            return _("Freigegeben.")
        if action == "reject":
            services.item_reject(item=item, moderator=moderator, reason=reason, note=note)
            return _("Abgelehnt.")
        if action == "hide":
            services.contribution_hide(
                contribution=item, moderator=moderator, reason=reason, note=note
            )
            return _("Ausgeblendet.")
        if action == "restore":
            services.contribution_restore(contribution=item, moderator=moderator, note=note)
            return _("Wiederhergestellt.")
        services.reports_dismiss(contribution=item, moderator=moderator, note=note)
        return _("Meldungen verworfen.")
    if action == "highlight":
        services.contribution_highlight(contribution=item, moderator=moderator)
        return _("Hervorgehoben.")
    if action == "unhighlight":
        services.contribution_unhighlight(contribution=item, moderator=moderator)
        return _("Hervorhebung entfernt.")
    if action == "official_response":
        form = OfficialResponseForm(data)
        if not form.is_valid():
            raise services.ModerationRefused(_("Bitte schreiben Sie die Stellungnahme."))
        services.official_response_create(
            item=item, moderator=moderator, text=form.cleaned_data["text"]
        )
        return _("Stellungnahme veröffentlicht.")
    if action == "categories":
        form = CategoriesForm(data, consultation_id=services.item_consultation_id(item))
        if not form.is_valid():
            raise services.ModerationRefused(_("Bitte wählen Sie gültige Kategorien."))
        services.item_set_categories(
            item=item, categories=form.cleaned_data["categories"], moderator=moderator
        )
        return _("Kategorien gespeichert.")
    if action == "note":
        form = NoteForm(data)
        if not form.is_valid():
            raise services.ModerationRefused(_("Bitte schreiben Sie eine Notiz."))
        services.item_add_note(item=item, moderator=moderator, note=form.cleaned_data["note"])
        return _("Notiz gespeichert.")
    raise PermissionDenied


@require_POST
@moderator_required
def item_action(request, kind: str, pk: int, action: str):
    item = selectors.item_get(kind, pk)
    try:
        messages.success(request, _apply(action, item, request, request.user))
    except services.ModerationRefused as refusal:
        messages.error(request, str(refusal))
        if action in FORM_OF_ACTION:
            request.session[DRAFT_SESSION_KEY.format(kind=kind, pk=pk)] = {
                "form": FORM_OF_ACTION[action],
                "data": {
                    name: request.POST.getlist(name) if name == "categories" else value
                    for name, value in request.POST.items()
                    if name != "csrfmiddlewaretoken"
                },
            }
    return redirect("moderation:item", kind=kind, pk=pk)


@require_POST
@moderator_required
def participant_action(request, pk: int, action: str):
    participant = Participant.objects.filter(pk=pk).first()
    if participant is None or action not in ("block", "unblock"):
        raise PermissionDenied
    back = request.POST.get("next", "")
    try:
        if action == "block":
            form = BlockForm(request.POST)
            if not form.is_valid():
                raise services.ModerationRefused(_("Bitte wählen Sie einen Grund."))
            hidden = services.participant_block(
                participant=participant,
                moderator=request.user,
                hide_content=form.cleaned_data["hide_content"],
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
            messages.success(
                request,
                _("Teilnehmer:in gesperrt; %(count)s Beiträge ausgeblendet.") % {"count": hidden},
            )
        else:
            services.participant_unblock(participant=participant, moderator=request.user)
            messages.success(request, _("Sperre aufgehoben."))
    except services.ModerationRefused as refusal:
        messages.error(request, str(refusal))
    if back.startswith(reverse("moderation:queue")):
        return redirect(back)
    return redirect("moderation:queue")


@require_POST
@moderator_required
def bulk(request):
    form = BulkForm(request.POST)
    back = reverse("moderation:queue") + "?" + request.POST.get("query", "")
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie Einträge und eine Aktion."))
        return redirect(back)
    try:
        done, skipped = services.items_bulk_apply(
            items=selectors.items_get(form.cleaned_data["items"]),
            action=form.cleaned_data["action"],
            moderator=request.user,
            reason=form.cleaned_data["reason"],
            categories=form.cleaned_data["categories"],
        )
    except services.ModerationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("%(done)s Einträge bearbeitet, %(skipped)s übersprungen.")
            % {"done": done, "skipped": skipped},
        )
    return redirect(back)


@require_POST
@moderator_required
def digest_toggle(request):
    if request.POST.get("subscribe") == "1":
        services.digest_subscribe(user=request.user)
        messages.success(request, _("Sie erhalten die tägliche Zusammenfassung per E-Mail."))
    else:
        services.digest_unsubscribe(user=request.user)
        messages.success(request, _("Die tägliche Zusammenfassung ist abbestellt."))
    return redirect("moderation:queue")
