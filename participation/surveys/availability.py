"""Whether a survey takes answers now: from its consultation's phases, or its own dates."""

from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from participation.consultations.models import ConsultationPage
from participation.consultations.phases import Action, Timeline


@dataclass(frozen=True)
class Availability:
    state: str  # "open", "upcoming" or "closed"
    opens: datetime | None = None
    closes: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    @property
    def message(self) -> str:
        """What the survey page says about it, in German."""
        if self.state == "upcoming":
            if self.opens:
                return _("Die Umfrage beginnt am %(date)s. Bis dahin können Sie sie ansehen.") % {
                    "date": date_format(timezone.localtime(self.opens), "j. F Y")
                }
            return _("Die Umfrage hat noch nicht begonnen.")
        if self.state == "closed":
            return _("Die Umfrage ist beendet. Antworten sind nicht mehr möglich.")
        if self.closes:
            return _("Die Umfrage läuft bis zum %(date)s.") % {
                "date": date_format(timezone.localtime(self.closes), "j. F Y")
            }
        return _("Die Umfrage läuft.")

    @property
    def short_label(self) -> str:
        """For cards: "offen", "endet am 3. Juli 2026", "beginnt am …", "beendet"."""
        if self.state == "upcoming":
            if self.opens:
                return _("beginnt am %(date)s") % {
                    "date": date_format(timezone.localtime(self.opens), "j. F Y")
                }
            return _("noch nicht geöffnet")
        if self.state == "closed":
            return _("beendet")
        if self.closes:
            return _("offen, endet am %(date)s") % {
                "date": date_format(timezone.localtime(self.closes), "j. F Y")
            }
        return _("offen")


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def _from_phases(timeline: Timeline) -> Availability:
    current = timeline.current
    if current is not None and current.allows(Action.SURVEYS):
        # The survey stays open through following phases that allow surveys, too.
        end = current.end
        for phase in timeline.phases:
            if phase.start > end and phase.allows(Action.SURVEYS) and (phase.start - end).days <= 1:
                end = phase.end
        return Availability("open", _day_start(current.start), _day_end(end))
    upcoming = next(
        (
            phase
            for phase in timeline.phases
            if phase.start > timeline.today and phase.allows(Action.SURVEYS)
        ),
        None,
    )
    if upcoming is not None:
        return Availability("upcoming", _day_start(upcoming.start), _day_end(upcoming.end))
    return Availability("closed")


def _from_dates(survey, now: datetime) -> Availability:
    if survey.opens_at and now < survey.opens_at:
        return Availability("upcoming", survey.opens_at, survey.closes_at)
    if survey.closes_at and now >= survey.closes_at:
        return Availability("closed", survey.opens_at, survey.closes_at)
    return Availability("open", survey.opens_at, survey.closes_at)


def survey_availability(
    survey, *, consultation: ConsultationPage | None = None, now: datetime | None = None
) -> Availability:
    """`consultation` may be passed when known (a consultation page listing its surveys);
    otherwise it is looked up when the survey follows the phases."""
    if survey.follow_phases:
        if consultation is None:
            consultation = ConsultationPage.objects.ancestor_of(survey).first()
        if consultation is not None:
            if now is None:
                return _from_phases(consultation.timeline)
            return _from_phases(Timeline.build(consultation.phases.all(), timezone.localdate(now)))
    return _from_dates(survey, now or timezone.now())
