"""The public results page of a survey (`<survey>/ergebnisse/`). Thin: selectors decide."""

from django import forms
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from participation.contributions.selectors import participant_get
from participation.surveys.models import Source, SurveyPage
from participation.surveys.results import (
    ResultsAccess,
    SurveyResults,
    results_access,
    survey_results_cached,
)


class SourceFilterForm(forms.Form):
    quelle = forms.ChoiceField(
        label=_("Antworten aus"),
        required=False,
        choices=[("", _("allen Quellen"))] + Source.choices,
    )

    @property
    def sources(self) -> list[str] | None:
        source = self.cleaned_data.get("quelle") if self.is_valid() else None
        return [source] if source else None


def results_by_section(survey: SurveyPage, results: SurveyResults) -> list[dict]:
    """The results in the survey's steps: [{"title": …, "questions": [QuestionResult, …]}]."""
    sections = []
    for section in survey.schema.sections:
        questions = [results.question(q.key) for q in section.questions]
        questions = [question for question in questions if question is not None]
        if questions:
            sections.append({"title": section.title, "questions": questions})
    return sections


def results_page(request, survey: SurveyPage):
    access = results_access(survey, participant=participant_get(request))
    if access == ResultsAccess.NOT_PUBLIC:
        raise Http404
    form = SourceFilterForm(request.GET)
    context = {"page": survey, "self": survey, "access": access, "form": form}
    if access == ResultsAccess.VISIBLE:
        results = survey_results_cached(survey, sources=form.sources)
        context |= {
            "results": results,
            "sections": results_by_section(survey, results),
            "filtered": bool(results.sources),
        }
    return TemplateResponse(request, "surveys/survey_results_page.html", context)
