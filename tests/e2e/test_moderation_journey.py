"""The moderated summary journey in a real browser: a moderator builds a result report with a
survey chart and two quotes in the Wagtail admin and submits it to the workflow "Moderierte
Zusammenfassung"; a reviewer of the Amtsleitung approves it; the public report shows the
chart and the quotes, and axe-core finds no WCAG 2.1 A/AA violation on it."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from home.models import HomePage
from participation.accounts import roles
from participation.consultations.models import ConsultationPage, Phase
from participation.summaries.models import SummaryPage
from participation.surveys.models import Answer, AnswerChoice, Response, SurveyPage
from tests.e2e.demo import PASSWORD
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory
from tests.participation.surveys.factories import every_kind_sections


def staff(group: str):
    email = f"e2e-{uuid.uuid4().hex[:12]}@haldensleben.example"
    user = get_user_model().objects.create_user(
        username=email.split("@")[0],
        email=email,
        password=PASSWORD,
        display_name=group,
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def admin_log_in(page, base: str, user) -> None:
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


@pytest.fixture
def journey(db):
    """A consultation in its results phase with a survey (three responses) and two comments."""
    home = HomePage.objects.get()
    today = timezone.localdate()
    consultation = ConsultationPage(
        title=f"Ergebnisse Innenstadt {uuid.uuid4().hex[:6]}",
        teaser="Was die Beteiligung zur Innenstadt ergeben hat.",
    )
    consultation.phases = [
        Phase(
            name="Beteiligung",
            start=today - timedelta(days=30),
            end=today - timedelta(days=1),
            allows_commenting=True,
            allows_voting=True,
            allows_surveys=True,
        ),
        Phase(name="Ergebnisse", start=today, end=today + timedelta(days=30), allows_results=True),
    ]
    home.add_child(instance=consultation)
    consultation.save_revision().publish()
    survey = SurveyPage(
        title=f"Umfrage Innenstadt {uuid.uuid4().hex[:6]}", sections=every_kind_sections()
    )
    consultation.add_child(instance=survey)
    survey.save_revision().publish()
    survey = SurveyPage.objects.get(pk=survey.pk)
    question = survey.schema.by_code("ortsteil")
    for code in ["innenstadt", "innenstadt", "hundisburg"]:
        response = Response.objects.create(survey=survey, participant=ParticipantFactory())
        answer = Answer.objects.create(response=response, survey=survey, question_key=question.key)
        AnswerChoice.objects.create(
            answer=answer,
            survey=survey,
            question_key=question.key,
            option_key=next(o.key for o in question.options if o.code == code),
        )
    comments = [
        CommentFactory(
            target=consultation, participant=ParticipantFactory(guest_name=name), text=text
        )
        for name, text in [
            ("Ilse", "Mehr Schatten auf dem Marktplatz, bitte."),
            ("Jonas", "Ein Trinkbrunnen am Rathaus wäre schön."),
        ]
    ]
    return consultation, survey, comments


def build_and_submit(page, base: str, consultation, survey, comments) -> SummaryPage:
    page.goto(base + f"/admin/pages/add/summaries/summarypage/{consultation.pk}/")
    page.fill("input[name=title]", "Ergebnisbericht Innenstadt")
    page.fill("textarea[name=intro]", "Was wir in der Beteiligung gehört haben.")

    page.click("button.c-sf-add-button")
    page.get_by_role("option", name="Ergebnis einer Umfragefrage").click()
    page.get_by_role("button", name="Seite auswählen (Umfrage)").click()
    page.locator(".modal input[name=q]").fill(survey.title)
    page.locator(".modal").get_by_role("link", name=survey.title).click()
    expect(page.locator("input[name=body-0-value-survey]")).to_have_value(str(survey.pk))
    page.fill("input[name=body-0-value-question]", "ortsteil")

    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Zitate aus der Beteiligung").click()
    page.fill("input[name=body-1-value-items-0-value-number]", str(comments[0].pk))
    page.locator("[data-contentpath=items] button.c-sf-add-button").last.click()
    page.fill("input[name=body-1-value-items-1-value-number]", str(comments[1].pk))

    page.click("footer .w-dropdown__toggle")
    with page.expect_navigation():
        page.click("button[name=action-submit]")
    summary = SummaryPage.objects.get(
        title="Ergebnisbericht Innenstadt", path__startswith=consultation.path
    )
    assert summary.workflow_in_progress
    assert not summary.live
    return summary


def approve(page, base: str, summary: SummaryPage) -> None:
    page.goto(base + f"/admin/pages/{summary.pk}/edit/")
    page.click("footer .w-dropdown__toggle")
    with page.expect_navigation():
        page.click(
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )


def test_summary_is_built_submitted_approved_and_published(demo_site, new_page, journey, axe_check):
    consultation, survey, comments = journey
    base = str(demo_site)

    moderator_page = new_page()
    admin_log_in(moderator_page, base, staff(roles.MODERATORS))
    summary = build_and_submit(moderator_page, base, consultation, survey, comments)

    reviewer_page = new_page()
    admin_log_in(reviewer_page, base, staff(roles.REVIEWERS))
    approve(reviewer_page, base, summary)
    summary = SummaryPage.objects.get(pk=summary.pk)
    assert summary.live
    assert summary.frozen_at is not None

    public = new_page()
    response = public.goto(base + summary.url)
    assert response.status == 200
    chart = public.locator(
        "section", has=public.get_by_role("heading", name=f"Aus der Umfrage „{survey.title}“")
    )
    expect(chart.locator("svg")).to_have_count(1)
    expect(chart.locator("table")).to_contain_text("Innenstadt")
    quotes = public.locator("figure.summary-quote")
    expect(quotes).to_have_count(2)
    expect(quotes.nth(0)).to_contain_text("Mehr Schatten auf dem Marktplatz")
    expect(quotes.nth(0)).to_contain_text("Ilse")
    expect(quotes.nth(1)).to_contain_text("Jonas")
    expect(public.locator(".summary-status")).to_contain_text("Stand:")
    axe_check(public)

    public.goto(base + consultation.url)
    expect(public.locator(".summary-teaser")).to_contain_text("Ergebnisbericht Innenstadt")
    axe_check(public)
