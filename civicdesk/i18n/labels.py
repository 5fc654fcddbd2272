"""What people read for each choice in :mod:`civicdesk.models.enums`.

Enum values are stored and never shown; each member has an English label here, marked with
``N_`` for extraction, and :func:`label` translates it when it is shown. The Khmer terms follow
the glossary in the design brief (section 9).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, TypeVar

from civicdesk.i18n import N_, current_language, translations_for
from civicdesk.models.enums import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    BallotChoice,
    DocumentKind,
    DocumentLanguage,
    JointListStatus,
    MeetingKind,
    MeetingStatus,
    OrganisationKind,
    PriorityMethod,
    PriorityRoundStatus,
    RecommendationStatus,
    ResponsibleLevel,
    Sex,
    Side,
    Theme,
    VoteMethod,
    VoteOutcome,
    VoteRule,
)

__all__ = ["LABELS", "choices", "label"]

E = TypeVar("E", bound=enum.Enum)

ORGANISATION_KIND_LABELS: dict[OrganisationKind, str] = {
    OrganisationKind.DISTRICT_ADMINISTRATION: N_("District administration"),
    OrganisationKind.DISTRICT_COUNCIL: N_("District council"),
    OrganisationKind.PROVINCIAL_ADMINISTRATION: N_("Provincial administration"),
    OrganisationKind.COMMUNE_COUNCIL: N_("Commune council"),
    OrganisationKind.MINISTRY: N_("Ministry"),
    OrganisationKind.CSO: N_("Civil society organisation"),
    OrganisationKind.CBO: N_("Community-based organisation"),
    OrganisationKind.CITIZEN_GROUP: N_("Citizen group"),
    OrganisationKind.DEVELOPMENT_PARTNER: N_("Development partner"),
}

SIDE_LABELS: dict[Side, str] = {
    Side.SNA: N_("Sub-national administration"),
    Side.CIVIL_SOCIETY: N_("Civil society"),
    Side.OBSERVER: N_("Observer"),
}

SEX_LABELS: dict[Sex, str] = {
    Sex.FEMALE: N_("Female"),
    Sex.MALE: N_("Male"),
}

MEETING_KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.FOCUS_GROUP: N_("Focus group discussion"),
    MeetingKind.JOINT_CONSULTATION: N_("Joint consultation meeting"),
    MeetingKind.TECHNICAL_MEETING: N_("Technical partnership meeting"),
    MeetingKind.ENDORSEMENT: N_("Endorsement meeting"),
    MeetingKind.PROVINCIAL_WORKSHOP: N_("Provincial workshop"),
    MeetingKind.NATIONAL_WORKSHOP: N_("National workshop"),
    MeetingKind.FOLLOW_UP: N_("Follow-up meeting"),
    MeetingKind.OTHER: N_("Other meeting"),
}

MEETING_STATUS_LABELS: dict[MeetingStatus, str] = {
    MeetingStatus.PLANNED: N_("Planned"),
    MeetingStatus.OPEN: N_("Open"),
    MeetingStatus.CLOSED: N_("Closed"),
    MeetingStatus.SIGNED: N_("Signed"),
}

ATTENDANCE_ROLE_LABELS: dict[AttendanceRole, str] = {
    AttendanceRole.CHAIR: N_("Chair"),
    AttendanceRole.FACILITATOR: N_("Facilitator"),
    AttendanceRole.CLERK: N_("Clerk"),
    AttendanceRole.PARTICIPANT: N_("Participant"),
    AttendanceRole.OBSERVER: N_("Observer"),
    AttendanceRole.RESOURCE_PERSON: N_("Resource person"),
}

ATTENDANCE_STATUS_LABELS: dict[AttendanceStatus, str] = {
    AttendanceStatus.INVITED: N_("Invited"),
    AttendanceStatus.PRESENT: N_("Present"),
    AttendanceStatus.ABSENT: N_("Absent"),
}

THEME_LABELS: dict[Theme, str] = {
    Theme.INFORMATION: N_("Access to information"),
    Theme.PARTICIPATION: N_("Citizen participation"),
    Theme.ACCOUNTABILITY: N_("Accountability"),
    Theme.PLANNING_BUDGET: N_("Planning and budget"),
    Theme.SERVICES: N_("Public services"),
    Theme.CAPACITY: N_("Capacity building"),
    Theme.INCLUSION: N_("Social inclusion"),
    Theme.OTHER: N_("Other theme"),
}

RESPONSIBLE_LEVEL_LABELS: dict[ResponsibleLevel, str] = {
    ResponsibleLevel.COMMUNE: N_("Commune/sangkat level"),
    ResponsibleLevel.DISTRICT: N_("District/municipal level"),
    ResponsibleLevel.PROVINCE: N_("Provincial level"),
    ResponsibleLevel.NATIONAL: N_("National level"),
}

RECOMMENDATION_STATUS_LABELS: dict[RecommendationStatus, str] = {
    RecommendationStatus.DRAFT: N_("Draft"),
    RecommendationStatus.ADOPTED: N_("Adopted"),
    RecommendationStatus.REJECTED: N_("Rejected"),
    RecommendationStatus.WITHDRAWN: N_("Withdrawn"),
}

VOTE_RULE_LABELS: dict[VoteRule, str] = {
    VoteRule.JOINT_ADOPTION: N_("Joint adoption (majority on each side)"),
    VoteRule.SIMPLE_MAJORITY: N_("Simple majority"),
    VoteRule.TWO_THIRDS: N_("Two-thirds majority"),
}

VOTE_METHOD_LABELS: dict[VoteMethod, str] = {
    VoteMethod.TALLY: N_("Count per side"),
    VoteMethod.NAMED: N_("Named vote"),
    VoteMethod.CONSENSUS: N_("Consensus"),
}

# "In favour"/"Against" rather than "Yes"/"No", which dialog buttons use with another meaning.
BALLOT_CHOICE_LABELS: dict[BallotChoice, str] = {
    BallotChoice.YES: N_("In favour"),
    BallotChoice.NO: N_("Against"),
    BallotChoice.ABSTAIN: N_("Abstain"),
}

VOTE_OUTCOME_LABELS: dict[VoteOutcome, str] = {
    VoteOutcome.ADOPTED: N_("Adopted"),
    VoteOutcome.REJECTED: N_("Rejected"),
}

JOINT_LIST_STATUS_LABELS: dict[JointListStatus, str] = {
    JointListStatus.DRAFT: N_("Draft"),
    JointListStatus.ENDORSED: N_("Endorsed"),
}

ACTION_STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.NOT_STARTED: N_("Not started"),
    ActionStatus.IN_PROGRESS: N_("In progress"),
    ActionStatus.DONE: N_("Done"),
    ActionStatus.DELAYED: N_("Delayed"),
    ActionStatus.CANCELLED: N_("Cancelled"),
}

PRIORITY_METHOD_LABELS: dict[PriorityMethod, str] = {
    PriorityMethod.DOTS: N_("Dot voting"),
    PriorityMethod.RANKING: N_("Ranking"),
}

PRIORITY_ROUND_STATUS_LABELS: dict[PriorityRoundStatus, str] = {
    PriorityRoundStatus.OPEN: N_("Open"),
    PriorityRoundStatus.CLOSED: N_("Closed"),
}

DOCUMENT_KIND_LABELS: dict[DocumentKind, str] = {
    DocumentKind.MINUTES: N_("Minutes"),
    DocumentKind.SIGN_IN_SHEET: N_("Sign-in sheet"),
    DocumentKind.JOINT_LIST: N_("Joint list of recommendations"),
    DocumentKind.ACTION_PLAN: N_("Joint action plan"),
    DocumentKind.CONSOLIDATED_LIST: N_("Consolidated list of recommendations"),
    DocumentKind.REPORT: N_("Report"),
}

DOCUMENT_LANGUAGE_LABELS: dict[DocumentLanguage, str] = {
    DocumentLanguage.KHMER: N_("Khmer"),
    DocumentLanguage.ENGLISH: N_("English"),
    DocumentLanguage.BOTH: N_("Khmer and English"),
}

#: Every enum's labels, by enum class. Values are untranslated English (translate with ``_()``).
LABELS: Mapping[type[enum.Enum], Mapping[Any, str]] = {
    OrganisationKind: ORGANISATION_KIND_LABELS,
    Side: SIDE_LABELS,
    Sex: SEX_LABELS,
    MeetingKind: MEETING_KIND_LABELS,
    MeetingStatus: MEETING_STATUS_LABELS,
    AttendanceRole: ATTENDANCE_ROLE_LABELS,
    AttendanceStatus: ATTENDANCE_STATUS_LABELS,
    Theme: THEME_LABELS,
    ResponsibleLevel: RESPONSIBLE_LEVEL_LABELS,
    RecommendationStatus: RECOMMENDATION_STATUS_LABELS,
    VoteRule: VOTE_RULE_LABELS,
    VoteMethod: VOTE_METHOD_LABELS,
    BallotChoice: BALLOT_CHOICE_LABELS,
    VoteOutcome: VOTE_OUTCOME_LABELS,
    JointListStatus: JOINT_LIST_STATUS_LABELS,
    ActionStatus: ACTION_STATUS_LABELS,
    PriorityMethod: PRIORITY_METHOD_LABELS,
    PriorityRoundStatus: PRIORITY_ROUND_STATUS_LABELS,
    DocumentKind: DOCUMENT_KIND_LABELS,
    DocumentLanguage: DOCUMENT_LANGUAGE_LABELS,
}


def label(member: enum.Enum, lang: str | None = None) -> str:
    """The label of ``member`` in ``lang``, or in the current UI language if ``lang`` is None.

    Raises :class:`KeyError` for an enum member that has no label.
    """
    try:
        english = LABELS[type(member)][member]
    except KeyError:
        raise KeyError(f"No label for {type(member).__name__}.{member.name}") from None
    return translations_for(lang if lang is not None else current_language()).gettext(english)


def choices(enum_type: type[E], lang: str | None = None) -> list[tuple[E, str]]:
    """Every member of ``enum_type`` with its label, in declaration order (for combo boxes)."""
    return [(member, label(member, lang)) for member in enum_type]
