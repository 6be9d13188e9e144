"""Citizens answer a survey: intro, one step per section, a summary, thanks.

The answers typed so far live in the session (a draft per survey), so going back and
forth, reloading, a failed captcha, logging in or a closed survey lose nothing. Every check
runs on the server; `surveys.js` only shows and hides conditional questions.
"""

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from participation.contributions import services as contribution_services
from participation.contributions.forms import HumanCheckMixin
from participation.contributions.ratelimit import rate_limit_hit
from participation.contributions.selectors import participant_get
from participation.surveys import services
from participation.surveys.answer_fields import question_views
from participation.surveys.answers import (
    Evaluation,
    evaluate,
    field_name,
    raw_from_post,
    raw_from_value,
    readable,
)
from participation.surveys.availability import survey_availability
from participation.surveys.models import Access, Response
from participation.surveys.response_selectors import (
    answer_values,
    readable_answers,
    responses_with_answers,
)
from participation.surveys.results import ResultsAccess, results_access

DRAFT_PREFIX = "survey-draft:"
BACK = "zurueck"


def _draft_key(survey) -> str:
    return f"{DRAFT_PREFIX}{survey.pk}"


def draft_get(request, survey) -> dict:
    return request.session.get(_draft_key(survey), {})


def _draft_update(request, survey, raw_answers: dict) -> dict:
    draft = {**draft_get(request, survey), **raw_answers}
    request.session[_draft_key(survey)] = draft
    return draft


def needs_captcha(request) -> bool:
    return not request.user.is_authenticated and not request.session.get(
        contribution_services.SESSION_HUMAN_KEY
    )


def _availability(survey):
    """Once per request: the page object lives as long as the request."""
    if not hasattr(survey, "_availability"):
        survey._availability = survey_availability(survey)
    return survey._availability


def _participant(request):
    if not hasattr(request, "_survey_participant"):
        request._survey_participant = participant_get(request)
    return request._survey_participant


def _own_response(request, survey) -> Response | None:
    participant = _participant(request)
    if participant is None:
        return None
    responses = responses_with_answers(
        Response.objects.filter(survey=survey, participant=participant)
    )
    return responses[0] if responses else None


def _steps_url(survey, step: int) -> str:
    return survey.url + survey.reverse_subpage("step", args=[step])


def _summary_url(survey) -> str:
    return survey.url + survey.reverse_subpage("summary")


def _thanks_url(survey) -> str:
    return survey.url + survey.reverse_subpage("thanks")


def _login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


def _base_context(request, survey) -> dict:
    participant = _participant(request)
    return {
        "availability": _availability(survey),
        "blocked": participant is not None and participant.is_blocked,
        "account_required": survey.access == Access.ACCOUNT and not request.user.is_authenticated,
    }


def _results_url(request, survey) -> str:
    """The public results page, where this visitor may see it now; else empty."""
    access = results_access(survey, participant=_participant(request))
    if access != ResultsAccess.VISIBLE:
        return ""
    return survey.url + survey.reverse_subpage("results")


def _start_editing(request, survey, response: Response) -> None:
    """Editing a stored response starts from its answers."""
    schema = survey.schema
    raw = {
        key: raw_from_value(question, value)
        for key, value in answer_values(response).items()
        if (question := schema.question(key)) is not None
    }
    request.session[_draft_key(survey)] = raw


def intro(request, survey):
    context = _base_context(request, survey)
    response = _own_response(request, survey)
    evaluation = evaluate(survey.schema, draft_get(request, survey))
    context.update(
        {
            "own_response": response,
            "has_draft": bool(draft_get(request, survey)),
            "step_count": len(evaluation.sections),
            "first_step_url": _steps_url(survey, 1),
            "thanks_url": _thanks_url(survey),
            "results_url": _results_url(request, survey),
        }
    )
    return survey.render(request, context_overrides=context)


def _render(request, survey, template: str, context: dict, status: int = 200):
    response = survey.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _render_step(request, survey, evaluation: Evaluation, number: int, *, show_errors: bool):
    section = evaluation.sections[number - 1]
    errors = evaluation.errors if show_errors else {}
    questions = question_views(
        survey.schema, section, evaluation, draft_get(request, survey), errors
    )
    invalid = [view for view in questions if view.errors]
    context = _base_context(request, survey)
    context.update(
        {
            "section": section,
            "questions": questions,
            "invalid": invalid,
            "step": number,
            "step_count": len(evaluation.sections),
            "action_url": _steps_url(survey, number),
        }
    )
    return _render(request, survey, "surveys/survey_step.html", context, 400 if invalid else 200)


def _first_step_with_errors(evaluation: Evaluation) -> int | None:
    for number, section in enumerate(evaluation.sections, start=1):
        if any(question.key in evaluation.errors for question in section.questions):
            return number
    return None


def _answered_elsewhere(request, survey) -> HttpResponseRedirect | None:
    """Someone who answered already (and may not edit) goes to their answers."""
    response = _own_response(request, survey)
    if response is None:
        return None
    if survey.allow_edit and _availability(survey).is_open:
        if not draft_get(request, survey):
            _start_editing(request, survey, response)
        return None
    return HttpResponseRedirect(_thanks_url(survey))


def _posted(questions, data) -> dict:
    """Raw answers of the questions that have a field in the submitted form."""
    return {
        question.key: raw_from_post(question, data)
        for question in questions
        if any(name.startswith(field_name(question)) for name in data)
    }


def step(request, survey, number: int):
    redirect = _answered_elsewhere(request, survey)
    if redirect:
        return redirect
    schema = survey.schema
    availability = _availability(survey)
    if not availability.is_open:
        if request.method == "POST":  # keep what was typed; the survey may open (again)
            _draft_update(request, survey, _posted(schema.questions, request.POST))
        messages.info(request, availability.message)
        return HttpResponseRedirect(survey.url)
    evaluation = evaluate(schema, draft_get(request, survey))
    if not 1 <= number <= len(evaluation.sections):
        if number > len(evaluation.sections) and evaluation.sections:
            # A condition removed a later step (answers changed): carry on with the summary.
            return HttpResponseRedirect(_summary_url(survey))
        raise Http404
    if request.method != "POST":
        return _render_step(request, survey, evaluation, number, show_errors=False)
    section = evaluation.sections[number - 1]
    # Every question of the step: an unticked box sends nothing but clears the answer.
    posted = {question.key: raw_from_post(question, request.POST) for question in section.questions}
    draft = _draft_update(request, survey, posted)
    evaluation = evaluate(schema, draft)
    if request.POST.get("aktion") == BACK:
        return HttpResponseRedirect(_steps_url(survey, number - 1) if number > 1 else survey.url)
    # Conditions may have changed which steps follow; find this section again.
    number = next(
        (n for n, shown in enumerate(evaluation.sections, start=1) if shown.key == section.key),
        number,
    )
    if any(question.key in evaluation.errors for question in section.questions):
        return _render_step(request, survey, evaluation, number, show_errors=True)
    if number < len(evaluation.sections):
        return HttpResponseRedirect(_steps_url(survey, number + 1))
    return HttpResponseRedirect(_summary_url(survey))


def _summary_rows(survey, evaluation: Evaluation):
    rows = []
    for number, section in enumerate(evaluation.sections, start=1):
        answers = [
            (question, readable(question, evaluation.answers[question.key]))
            if question.key in evaluation.answers
            else (question, "")
            for question in section.questions
            if evaluation.shows(question)
        ]
        rows.append(
            {
                "section": section,
                "number": number,
                "url": _steps_url(survey, number),
                "answers": answers,
            }
        )
    return rows


def _render_summary(request, survey, evaluation: Evaluation, form, *, status: int = 200):
    context = _base_context(request, survey)
    context.update(
        {
            "summary": _summary_rows(survey, evaluation),
            "form": form,
            "step_count": len(evaluation.sections),
            "back_url": _steps_url(survey, len(evaluation.sections)),
            "action_url": _summary_url(survey),
        }
    )
    return _render(request, survey, "surveys/survey_summary.html", context, status)


def summary(request, survey):
    redirect = _answered_elsewhere(request, survey)
    if redirect:
        return redirect
    evaluation = evaluate(survey.schema, draft_get(request, survey))
    if not draft_get(request, survey) and evaluation.sections:
        return HttpResponseRedirect(_steps_url(survey, 1))
    broken = _first_step_with_errors(evaluation)
    if broken is not None:
        return _render_step(request, survey, evaluation, broken, show_errors=True)
    data = request.POST if request.method == "POST" else None
    form = HumanCheckMixin(data, needs_captcha=needs_captcha(request))
    if request.method != "POST":
        return _render_summary(request, survey, evaluation, form)
    availability = _availability(survey)
    if not availability.is_open:
        form.add_error(None, availability.message)
        return _render_summary(request, survey, evaluation, form, status=403)
    if survey.access == Access.ACCOUNT and not request.user.is_authenticated:
        messages.info(request, _("Bitte melden Sie sich an. Ihre Antworten bleiben erhalten."))
        return HttpResponseRedirect(_login_url(_summary_url(survey)))
    if not form.is_valid():
        return _render_summary(request, survey, evaluation, form, status=400)
    participant = contribution_services.participant_ensure(request)
    if rate_limit_hit(action="survey", participant_id=participant.pk):
        form.add_error(
            None,
            _(
                "Sie haben in kurzer Zeit sehr oft gesendet. Bitte warten Sie eine Minute und "
                "senden Sie dann erneut – Ihre Antworten bleiben erhalten."
            ),
        )
        return _render_summary(request, survey, evaluation, form, status=429)
    try:
        services.response_submit(survey=survey, participant=participant, answers=evaluation.answers)
    except services.AlreadyAnswered as already:
        messages.info(request, str(already))
        request.session.pop(_draft_key(survey), None)
        return HttpResponseRedirect(_thanks_url(survey))
    except services.SurveyRefused as refusal:
        form.add_error(None, str(refusal))
        return _render_summary(request, survey, evaluation, form, status=403)
    if "captcha" in form.fields:
        request.session[contribution_services.SESSION_HUMAN_KEY] = True
    request.session.pop(_draft_key(survey), None)
    return HttpResponseRedirect(_thanks_url(survey))


def thanks(request, survey):
    response = _own_response(request, survey)
    if response is None:
        return HttpResponseRedirect(survey.url)
    context = _base_context(request, survey)
    context.update(
        {
            "own_answers": readable_answers(response),
            "own_response": response,
            "can_edit": survey.allow_edit and context["availability"].is_open,
            "first_step_url": _steps_url(survey, 1),
            "results_url": _results_url(request, survey),
        }
    )
    return _render(request, survey, "surveys/survey_thanks.html", context)
