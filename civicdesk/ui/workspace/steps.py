"""The steps of a meeting, and which steps each kind of meeting goes through."""

from __future__ import annotations

import enum

from civicdesk.i18n import N_, _
from civicdesk.models.enums import MeetingKind


class Step(enum.StrEnum):
    SETUP = "setup"
    SIGN_IN = "sign_in"
    AGENDA = "agenda"
    FINDINGS = "findings"
    RECOMMENDATIONS = "recommendations"
    VOTING = "voting"
    ACTIONS = "actions"
    PRIORITIES = "priorities"
    ENDORSEMENT = "endorsement"
    MINUTES = "minutes"


_LABELS: dict[Step, str] = {
    Step.SETUP: N_("Setup"),
    Step.SIGN_IN: N_("Sign-in"),
    Step.AGENDA: N_("Agenda"),
    Step.FINDINGS: N_("Findings"),
    Step.RECOMMENDATIONS: N_("Recommendations"),
    Step.VOTING: N_("Voting"),
    Step.ACTIONS: N_("Action plan"),
    Step.PRIORITIES: N_("Prioritisation"),
    Step.ENDORSEMENT: N_("Endorsement and signature"),
    Step.MINUTES: N_("Minutes"),
}


def step_label(step: Step) -> str:
    return _(_LABELS[step])


_ALL = tuple(Step)
STEPS_BY_KIND: dict[MeetingKind, tuple[Step, ...]] = {
    MeetingKind.FOCUS_GROUP: (Step.SETUP, Step.SIGN_IN, Step.AGENDA, Step.FINDINGS, Step.MINUTES),
    MeetingKind.JOINT_CONSULTATION: (
        Step.SETUP,
        Step.SIGN_IN,
        Step.AGENDA,
        Step.RECOMMENDATIONS,
        Step.VOTING,
        Step.ENDORSEMENT,
        Step.MINUTES,
    ),
    MeetingKind.TECHNICAL_MEETING: (
        Step.SETUP,
        Step.SIGN_IN,
        Step.AGENDA,
        Step.RECOMMENDATIONS,
        Step.ACTIONS,
        Step.MINUTES,
    ),
    MeetingKind.ENDORSEMENT: (Step.SETUP, Step.SIGN_IN, Step.ENDORSEMENT, Step.MINUTES),
    MeetingKind.PROVINCIAL_WORKSHOP: (
        Step.SETUP,
        Step.SIGN_IN,
        Step.AGENDA,
        Step.PRIORITIES,
        Step.MINUTES,
    ),
    MeetingKind.NATIONAL_WORKSHOP: (
        Step.SETUP,
        Step.SIGN_IN,
        Step.AGENDA,
        Step.PRIORITIES,
        Step.MINUTES,
    ),
    MeetingKind.FOLLOW_UP: (Step.SETUP, Step.SIGN_IN, Step.AGENDA, Step.ACTIONS, Step.MINUTES),
    MeetingKind.OTHER: _ALL,
}


def steps_for(kind: MeetingKind) -> tuple[Step, ...]:
    return STEPS_BY_KIND.get(kind, _ALL)
