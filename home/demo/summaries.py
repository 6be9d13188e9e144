"""The demo's published result report for the ISEK consultation (after the discussion and
the moderation demo, so its figures and categories have something to show)."""

from django.utils.html import format_html

from participation.consultations.models import ConceptDocumentPage, ConsultationPage
from participation.contributions.models import Comment, Status
from participation.summaries.models import SummaryPage
from participation.surveys.models import SurveyPage
from participation.surveys.questions import CHOICE_KINDS, QuestionKind

SLUG = "ergebnisbericht"
# Two voices from the concept discussion on the car-free centre (home/demo/discussion.py).
QUOTED_COMMENTS = [
    "Endlich! Bitte dabei gleich an genug Fahrradbügel",
    "Ich habe seit 19 Jahren ein Geschäft in der Hagenstraße",
]
CHART_KINDS = CHOICE_KINDS | {QuestionKind.YES_NO, QuestionKind.RATING}


def _quoted_comments(consultation: ConsultationPage) -> list[Comment]:
    comments = []
    for start in QUOTED_COMMENTS:
        comment = (
            Comment.objects.filter(
                consultation=consultation,
                text__startswith=start,
                status=Status.PUBLISHED,
                deleted_at__isnull=True,
            )
            .order_by("pk")
            .first()
        )
        if comment is not None:
            comments.append(comment)
    return comments


def _survey_block(consultation: ConsultationPage) -> list[dict]:
    """A chart of the demo survey's first choice question, if the survey exists."""
    survey = SurveyPage.objects.live().child_of(consultation).order_by("path").first()
    if survey is None:
        return []
    question = next(
        (q for q in survey.schema.active_questions if q.kind in CHART_KINDS and q.code), None
    )
    if question is None:
        return []
    return [{"type": "survey_question", "value": {"survey": survey.pk, "question": question.code}}]


def _text(html: str) -> dict:
    return {"type": "text", "value": html}


def ensure_summary(consultation: ConsultationPage, report) -> SummaryPage | None:
    if SummaryPage.objects.child_of(consultation).exists():
        return None
    document = ConceptDocumentPage.objects.child_of(consultation).order_by("path").first()
    quotes = _quoted_comments(consultation)
    body = [
        _text(
            str(
                format_html(
                    "<p>{}</p>",
                    "Vielen Dank an alle, die sich an der Online-Beteiligung zum ISEK beteiligt "
                    "haben. Die Moderation hat alle Beiträge gelesen, nach Themen geordnet und "
                    "fasst hier zusammen, was wir gehört haben.",
                )
            )
        ),
        {"type": "key_figures", "value": {"heading": "Beteiligung in Zahlen", "by_phase": True}},
        {"type": "categories", "value": {"heading": "Worüber gesprochen wurde"}},
        {
            "type": "heatmap",
            "value": {
                "heading": "Welche Abschnitte des Entwurfs am meisten bewegt haben",
                "document": document.pk if document else None,
            },
        },
        *_survey_block(consultation),
        {
            "type": "support_ranking",
            "value": {"heading": "Was die meiste Unterstützung fand", "limit": 5},
        },
    ]
    if quotes:
        body.append(
            {
                "type": "quotes",
                "value": {
                    "heading": "Stimmen zur autoarmen Innenstadt",
                    "items": [{"kind": "comment", "number": comment.pk} for comment in quotes],
                },
            }
        )
    body.append(
        _text(
            "<h3>Wie es weitergeht</h3><p>Die Verwaltung prüft die Hinweise und legt dem "
            "Stadtrat einen überarbeiteten Entwurf vor. Vorschläge zur Innenstadt werden in "
            "einer Bürgerwerkstatt vertieft.</p>"
        )
    )
    summary = SummaryPage(
        title="Ergebnisbericht: Was wir gehört haben",
        slug=SLUG,
        intro=(
            "Die Zusammenfassung der Moderation zur Online-Beteiligung am ISEK Haldensleben "
            "2035, freigegeben von der Amtsleitung."
        ),
        body=body,
    )
    consultation.add_child(instance=summary)
    summary.save_revision().publish()
    report.add(f"{SummaryPage._meta.verbose_name}: {summary.title}")
    return summary
