"""Which phase a consultation is in, computed from the phases' dates and today's date."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(StrEnum):
    """What a phase may allow citizens to do."""

    READING = "reading"
    COMMENTING = "commenting"
    VOTING = "voting"
    SURVEYS = "surveys"
    RESULTS = "results"


class Status(StrEnum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


STATUS_LABELS = {
    Status.UPCOMING: _("demnächst"),
    Status.OPEN: _("läuft"),
    Status.CLOSED: _("abgeschlossen"),
}


@dataclass(frozen=True)
class PhaseEntry:
    phase: object  # a consultations.Phase
    state: str  # "past", "current" or "future"


@dataclass(frozen=True)
class Timeline:
    """A consultation's phases ordered by start date, seen from `today`."""

    phases: tuple
    today: date

    @classmethod
    def build(cls, phases: Iterable, today: date | None = None) -> "Timeline":
        ordered = tuple(sorted(phases, key=lambda phase: (phase.start, phase.end)))
        return cls(phases=ordered, today=today or timezone.localdate())

    @property
    def current(self):
        return next(
            (phase for phase in self.phases if phase.start <= self.today <= phase.end), None
        )

    @property
    def next(self):
        return next((phase for phase in self.phases if phase.start > self.today), None)

    @property
    def status(self) -> Status:
        if not self.phases or self.today < self.phases[0].start:
            return Status.UPCOMING
        if self.today > max(phase.end for phase in self.phases):
            return Status.CLOSED
        return Status.OPEN

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def starts(self) -> date | None:
        return self.phases[0].start if self.phases else None

    @property
    def ends(self) -> date | None:
        return max((phase.end for phase in self.phases), default=None)

    def allows(self, action: Action) -> bool:
        """Between phases and outside the consultation only reading is allowed."""
        current = self.current
        if current is None:
            return action == Action.READING
        return current.allows(action)

    @property
    def entries(self) -> list[PhaseEntry]:
        current = self.current
        return [
            PhaseEntry(
                phase=phase,
                state="current"
                if phase is current
                else ("past" if phase.end < self.today else "future"),
            )
            for phase in self.phases
        ]
