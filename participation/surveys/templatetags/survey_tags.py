from django import template

from participation.surveys.availability import survey_availability
from participation.surveys.models import SurveyPage

register = template.Library()


@register.inclusion_tag("surveys/includes/consultation_surveys.html")
def consultation_surveys(consultation):
    """The surveys of a consultation as cards with their state (offen / endet am / beendet)."""
    surveys = list(
        SurveyPage.objects.live()
        .public()
        .child_of(consultation)
        .defer_streamfields()
        .order_by("path")
    )
    return {
        "surveys": [
            (survey, survey_availability(survey, consultation=consultation)) for survey in surveys
        ]
    }
