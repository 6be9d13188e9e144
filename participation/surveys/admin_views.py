"""Staff enter paper questionnaires and workshop answers: the survey's questions on one page."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participation.surveys import services
from participation.surveys.answer_fields import QuestionView
from participation.surveys.answers import evaluate, raw_from_post
from participation.surveys.models import Response, Source, SurveyPage

PAPER_PERMISSION = "surveys.add_paper_response"


class SourceForm(forms.Form):
    source = forms.ChoiceField(
        label=gettext_lazy("Quelle"),
        choices=[(Source.PAPER, Source.PAPER.label), (Source.WORKSHOP, Source.WORKSHOP.label)],
        initial=Source.PAPER,
        widget=forms.RadioSelect,
    )


def paper_entry_url(survey: SurveyPage) -> str:
    return reverse("surveys_paper_entry", args=[survey.pk])


def _forbidden(request):
    # A plain 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard).
    return render(request, "403.html", status=403)


def paper_surveys(request):
    """Every survey with its counts per source, to choose where to enter questionnaires."""
    if not request.user.has_perm(PAPER_PERMISSION):
        return _forbidden(request)
    surveys = list(
        SurveyPage.objects.order_by("-first_published_at", "title")
        .defer_streamfields()
        .annotate(
            paper=Count("responses", filter=Q(responses__source=Source.PAPER)),
            workshop=Count("responses", filter=Q(responses__source=Source.WORKSHOP)),
            online=Count("responses", filter=Q(responses__source=Source.ONLINE)),
        )
    )
    for survey in surveys:
        survey.entry_url = paper_entry_url(survey)
    return TemplateResponse(request, "surveys/admin/paper_surveys.html", {"surveys": surveys})


def paper_entry(request, page_id: int):
    if not request.user.has_perm(PAPER_PERMISSION):
        return _forbidden(request)
    survey = get_object_or_404(SurveyPage, pk=page_id)
    schema = survey.schema
    source_form = SourceForm(request.POST if request.method == "POST" else None)
    raw, errors = {}, {}
    if request.method == "POST":
        raw = {
            question.key: raw_from_post(question, request.POST)
            for question in schema.active_questions
        }
        # Paper forms have gaps: required questions may stay empty; everything else is checked.
        evaluation = evaluate(schema, raw, require=False)
        errors = evaluation.errors
        if source_form.is_valid() and not errors:
            try:
                response = services.response_submit(
                    survey=survey,
                    participant=None,
                    answers=evaluation.answers,
                    source=source_form.cleaned_data["source"],
                    entered_by=request.user,
                )
            except services.SurveyRefused as refusal:
                source_form.add_error(None, str(refusal))
            else:
                messages.success(
                    request,
                    _("Antwortbogen Nr. %(number)d gespeichert. Sie können den nächsten erfassen.")
                    % {"number": response.pk},
                )
                return redirect(paper_entry_url(survey))
    sections = [
        {
            "section": section,
            "questions": [
                QuestionView(item, raw.get(item.key, {}), errors.get(item.key, []))
                for item in section.items
                if not item.archived
            ],
        }
        for section in schema.sections
    ]
    invalid = [view for part in sections for view in part["questions"] if view.errors]
    counts = dict(
        Response.objects.filter(survey=survey)
        .values_list("source")
        .annotate(n=Count("pk"))
        .order_by()
    )
    context = {
        "survey": survey,
        "sections": sections,
        "invalid": invalid,
        "form": source_form,
        "counts": [(label, counts.get(value, 0)) for value, label in Source.choices],
        "action_url": paper_entry_url(survey),
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "surveys/admin/paper_entry.html", context, status=status)
