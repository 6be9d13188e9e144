"""Checks of the survey builder in the admin: what an editor saves must be answerable, and
no stored answer may lose its question or option."""

from collections import Counter
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError

from participation.surveys.questions import (
    CONDITION_SOURCE_KINDS,
    OTHER_KEY,
    Condition,
    Question,
    QuestionKind,
    SurveySchema,
)


def _condition_errors(
    condition: Condition | None, earlier: dict[str, Question], where: str
) -> list[str]:
    if condition is None:
        return []
    source = earlier.get(condition.question_code)
    if source is None:
        return [
            _(
                "%(where)s: Die Bedingung nennt „%(code)s“ – das ist keine frühere Frage dieser "
                "Umfrage. Bedingungen können sich nur auf Fragen davor beziehen."
            )
            % {"where": where, "code": condition.question_code}
        ]
    if source.kind not in CONDITION_SOURCE_KINDS:
        return [
            _(
                "%(where)s: Die Bedingung nennt „%(label)s“ – Bedingungen sind nur mit "
                "Auswahlfragen und Ja/Nein-Fragen möglich."
            )
            % {"where": where, "label": source.label}
        ]
    codes = {option.code for option in source.all_options}
    if condition.option_code not in codes:
        return [
            _(
                "%(where)s: Die Frage „%(label)s“ hat keine Antwortoption mit dem Kürzel "
                "„%(code)s“. Möglich sind: %(codes)s."
            )
            % {
                "where": where,
                "label": source.label,
                "code": condition.option_code,
                "codes": ", ".join(sorted(codes)),
            }
        ]
    return []


def _question_errors(question: Question) -> list[str]:
    errors = []
    where = _("Frage „%(label)s“") % {"label": question.label}
    options = question.options if question.kind != QuestionKind.YES_NO else ()
    for code, count in Counter(option.code for option in (*options, *question.rows)).items():
        if count > 1 or (code == OTHER_KEY and question.allow_other):
            errors.append(
                _("%(where)s: Das Kürzel „%(code)s“ kommt bei mehreren Antwortoptionen vor.")
                % {"where": where, "code": code}
            )
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        available = len(question.active_options) + (1 if question.allow_other else 0)
        low, high = question.min_selections, question.max_selections
        if low is not None and high is not None and low > high:
            errors.append(
                _("%(where)s: „Mindestens“ (%(min)d) ist größer als „Höchstens“ (%(max)d).")
                % {"where": where, "min": low, "max": high}
            )
        if low is not None and low > available:
            errors.append(
                _(
                    "%(where)s: Es gibt nur %(count)d Antwortoptionen, verlangt sind "
                    "mindestens %(min)d."
                )
                % {"where": where, "count": available, "min": low}
            )
    if question.kind in (QuestionKind.NUMBER, QuestionKind.DATE):
        low, high = question.min_value, question.max_value
        if low is not None and high is not None and low > high:
            errors.append(
                _("%(where)s: Der kleinste Wert ist größer als der größte.") % {"where": where}
            )
        if question.kind == QuestionKind.NUMBER:
            for bound in (low, high):
                if bound is not None and Decimal(bound) != round(
                    Decimal(bound), question.decimal_places
                ):
                    errors.append(
                        _("%(where)s: Die Grenzen haben mehr Nachkommastellen als erlaubt.")
                        % {"where": where}
                    )
                    break
    return errors


def schema_errors(schema: SurveySchema) -> list[str]:
    """What makes a survey unanswerable: duplicate codes, broken conditions, impossible
    limits. German messages naming the question."""
    errors = []
    earlier: dict[str, Question] = {}
    seen: dict[str, Question] = {}
    for section in schema.sections:
        errors += _condition_errors(
            section.condition, earlier, _("Abschnitt „%(title)s“") % {"title": section.title}
        )
        for item in section.items:
            if not item.takes_answer:
                errors += _condition_errors(item.condition, earlier, _("Textabschnitt"))
                continue
            where = _("Frage „%(label)s“") % {"label": item.label}
            if item.code in seen:
                errors.append(
                    _(
                        "Das Kürzel „%(code)s“ kommt mehrmals vor (Fragen „%(first)s“ und "
                        "„%(second)s“). Kürzel müssen in einer Umfrage eindeutig sein."
                    )
                    % {"code": item.code, "first": seen[item.code].label, "second": item.label}
                )
            seen[item.code] = item
            errors += _condition_errors(item.condition, earlier, where)
            errors += _question_errors(item)
            earlier[item.code] = item
    return errors


def deletion_errors(old: SurveySchema, new: SurveySchema, survey_id: int) -> list[str]:
    """Questions, options and statements that have answers may not disappear."""
    from participation.surveys.models import Answer, AnswerChoice

    answered = dict(
        Answer.objects.filter(survey_id=survey_id)
        .values_list("question_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    if not answered:
        return []
    errors = []
    hint = _(
        "Markieren Sie sie stattdessen als „archiviert“: Sie wird dann nicht mehr angezeigt, "
        "die Antworten bleiben in den Ergebnissen."
    )
    for question in old.questions:
        if question.key in answered and new.question(question.key) is None:
            errors.append(
                _(
                    "Die Frage „%(label)s“ hat bereits %(count)d Antworten und kann nicht "
                    "gelöscht werden."
                )
                % {"label": question.label, "count": answered[question.key]}
                + " "
                + hint
            )
    chosen = (
        AnswerChoice.objects.filter(survey_id=survey_id)
        .values_list("question_key", "row_key", "option_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for question_key, row_key, option_key, count in chosen:
        before, after = old.question(question_key), new.question(question_key)
        if before is None or after is None:
            continue
        for key, items_before, items_after in (
            (option_key, before.all_options, after.all_options),
            (row_key, before.rows, after.rows),
        ):
            if not key or any(item.key == key for item in items_after):
                continue
            label = next((item.label for item in items_before if item.key == key), key)
            errors.append(
                _(
                    "Die Antwortoption „%(option)s“ der Frage „%(label)s“ wurde bereits "
                    "%(count)d-mal gewählt und kann nicht gelöscht werden."
                )
                % {"option": label, "label": after.label, "count": count}
                + " "
                + hint
            )
    return list(dict.fromkeys(errors))


class SurveyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        sections = cleaned_data.get("sections")
        if sections is None or "sections" in self.errors:
            return cleaned_data
        new = SurveySchema.from_stream(sections)
        errors = schema_errors(new)
        if self.instance.pk:
            old = SurveySchema.from_stream(self.instance.sections)
            errors += deletion_errors(old, new, self.instance.pk)
        if errors:
            self.add_error("sections", StreamBlockValidationError(non_block_errors=errors))
        return cleaned_data
