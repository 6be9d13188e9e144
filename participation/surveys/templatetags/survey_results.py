"""{% survey_question_result result %}: one question's result (see surveys.presentation);
`{{ count|figure }}`: a number in the active language's format (German: 1.234)."""

from django import template

from cms.charts import format_number
from participation.surveys.presentation import render_question_result
from participation.surveys.results import QuestionResult

register = template.Library()


@register.simple_tag
def survey_question_result(result: QuestionResult | dict, heading_level: int = 3):
    """Takes a QuestionResult or its frozen dict (as summaries store it)."""
    if isinstance(result, dict):
        result = QuestionResult.from_dict(result)
    return render_question_result(result, heading_level=heading_level)


@register.filter
def figure(value) -> str:
    return format_number(value)
