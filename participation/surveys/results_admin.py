"""The staff view of a survey's results in the Wagtail admin (`/admin/umfragen/<id>/ergebnisse/`).

For users with `surveys.view_results` (Moderation, Planung), whatever the public visibility:
all results, filtered by source, broken down by a demographic question or by source, and
responses per day. Linked from the page listing's "more" menu and the page header.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.charts import Column, column_chart
from participation.surveys.models import SurveyPage
from participation.surveys.presentation import render_grouped_question
from participation.surveys.results import (
    SOURCE_GROUP_KEY,
    responses_per_day,
    survey_results,
    survey_results_by_group,
    survey_results_by_source,
)
from participation.surveys.results_views import SourceFilterForm, results_by_section

PERMISSION = "surveys.view_results"


class BreakdownForm(SourceFilterForm):
    gruppe = forms.ChoiceField(label=gettext_lazy("Aufschlüsseln nach"), required=False)

    def __init__(self, *args, survey: SurveyPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gruppe"].choices = [
            ("", _("keine Aufschlüsselung")),
            *((q.key, q.label) for q in survey.schema.breakdown_questions),
            (SOURCE_GROUP_KEY, _("Quelle (online, Papier, Workshop)")),
        ]

    @property
    def group(self) -> str:
        return self.cleaned_data.get("gruppe", "") if self.is_valid() else ""


class SurveyResultsAdminView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "surveys/admin/results.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            # A plain 403 (Wagtail would turn PermissionDenied into a redirect to its home).
            return permission_denied(request, PermissionDenied())
        self.survey = get_object_or_404(SurveyPage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Ergebnisse")

    def get_page_subtitle(self):
        return self.survey.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.survey.pk]),
                "label": self.survey.title,
            },
            {"url": "", "label": _("Ergebnisse")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = BreakdownForm(self.request.GET, survey=self.survey)
        sources = form.sources
        results = survey_results(self.survey, sources=sources)
        context |= {"survey": self.survey, "form": form, "results": results}
        if form.group == SOURCE_GROUP_KEY:
            grouped = survey_results_by_source(self.survey)
        elif form.group:
            grouped = survey_results_by_group(
                self.survey, group_question_key=form.group, sources=sources
            )
        else:
            days = responses_per_day(self.survey, sources=sources)
            context["per_day"] = (
                column_chart(
                    caption=_("Antwortbögen pro Tag"),
                    columns=[Column(day.strftime("%d.%m.%Y"), count) for day, count in days],
                    value_label=_("Antwortbögen"),
                    table_collapsed=True,
                )
                if days
                else None
            )
            context["sections"] = results_by_section(self.survey, results)
            return context
        context["grouped"] = grouped
        context["grouped_questions"] = [
            render_grouped_question(
                grouped.question(question.key), group_label=grouped.group_question_label
            )
            for question in results.questions
            if question.key != grouped.group_question_key
        ]
        return context


class SurveyResultsIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Every survey with its number of responses: the way in for staff without page rights."""

    template_name = "surveys/admin/results_index.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Umfrageergebnisse")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Umfrageergebnisse")}]

    def get_context_data(self, **kwargs):
        surveys = SurveyPage.objects.annotate(response_count=Count("responses")).order_by(
            "-first_published_at", "title"
        )
        return super().get_context_data(**kwargs) | {"surveys": surveys}


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def results_menu_item():
    return ResultsMenuItem(
        gettext_lazy("Umfrageergebnisse"),
        reverse("survey_results_admin_index"),
        name="umfrageergebnisse",
        icon_name="table",
        order=850,
    )


@hooks.register("register_admin_urls")
def register_results_url():
    return [
        path("umfragen/", SurveyResultsIndexView.as_view(), name="survey_results_admin_index"),
        path(
            "umfragen/<int:page_id>/ergebnisse/",
            SurveyResultsAdminView.as_view(),
            name="survey_results_admin",
        ),
    ]


def _results_button(page, user, priority: int):
    if issubclass(page.specific_class or type(page), SurveyPage) and user.has_perm(PERMISSION):
        yield PageMenuItem(
            label=_("Ergebnisse"),
            url=reverse("survey_results_admin", args=[page.pk]),
            icon_name="table",
            priority=priority,
            page=page,
        )


@hooks.register("register_page_listing_more_buttons")
def results_listing_button(page, user, next_url=None):
    yield from _results_button(page, user, priority=45)


@hooks.register("register_page_header_buttons")
def results_header_button(page, user, view_name, next_url=None):
    yield from _results_button(page, user, priority=62)
