"""The closed sets of choices the domain uses.

Values are stored as text in the database, so they must never be renamed; labels for people
live in :mod:`civicdesk.i18n.labels`.
"""

from __future__ import annotations

import enum


class OrganisationKind(enum.StrEnum):
    DISTRICT_ADMINISTRATION = "district_administration"
    DISTRICT_COUNCIL = "district_council"
    PROVINCIAL_ADMINISTRATION = "provincial_administration"
    COMMUNE_COUNCIL = "commune_council"
    MINISTRY = "ministry"
    CSO = "cso"
    CBO = "cbo"
    CITIZEN_GROUP = "citizen_group"
    DEVELOPMENT_PARTNER = "development_partner"

    @property
    def side(self) -> Side:
        """The side an organisation of this kind sits on in a joint meeting."""
        if self in _SNA_KINDS:
            return Side.SNA
        if self is OrganisationKind.DEVELOPMENT_PARTNER:
            return Side.OBSERVER
        return Side.CIVIL_SOCIETY


class Side(enum.StrEnum):
    SNA = "sna"
    CIVIL_SOCIETY = "civil_society"
    OBSERVER = "observer"


_SNA_KINDS = frozenset(
    {
        OrganisationKind.DISTRICT_ADMINISTRATION,
        OrganisationKind.DISTRICT_COUNCIL,
        OrganisationKind.PROVINCIAL_ADMINISTRATION,
        OrganisationKind.COMMUNE_COUNCIL,
        OrganisationKind.MINISTRY,
    }
)

#: The two sides whose agreement makes a joint decision.
VOTING_SIDES: tuple[Side, Side] = (Side.SNA, Side.CIVIL_SOCIETY)


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"


class MeetingKind(enum.StrEnum):
    FOCUS_GROUP = "focus_group"
    JOINT_CONSULTATION = "joint_consultation"
    TECHNICAL_MEETING = "technical_meeting"
    ENDORSEMENT = "endorsement"
    PROVINCIAL_WORKSHOP = "provincial_workshop"
    NATIONAL_WORKSHOP = "national_workshop"
    FOLLOW_UP = "follow_up"
    OTHER = "other"


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"
    SIGNED = "signed"


#: The only status changes a meeting may make, in order.
MEETING_TRANSITIONS: dict[MeetingStatus, MeetingStatus] = {
    MeetingStatus.PLANNED: MeetingStatus.OPEN,
    MeetingStatus.OPEN: MeetingStatus.CLOSED,
    MeetingStatus.CLOSED: MeetingStatus.SIGNED,
}


class AttendanceRole(enum.StrEnum):
    CHAIR = "chair"
    FACILITATOR = "facilitator"
    CLERK = "clerk"
    PARTICIPANT = "participant"
    OBSERVER = "observer"
    RESOURCE_PERSON = "resource_person"


class AttendanceStatus(enum.StrEnum):
    INVITED = "invited"
    PRESENT = "present"
    ABSENT = "absent"


class Theme(enum.StrEnum):
    INFORMATION = "information"
    PARTICIPATION = "participation"
    ACCOUNTABILITY = "accountability"
    PLANNING_BUDGET = "planning_budget"
    SERVICES = "services"
    CAPACITY = "capacity"
    INCLUSION = "inclusion"
    OTHER = "other"


class ResponsibleLevel(enum.StrEnum):
    COMMUNE = "commune"
    DISTRICT = "district"
    PROVINCE = "province"
    NATIONAL = "national"


class RecommendationStatus(enum.StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class VoteRule(enum.StrEnum):
    JOINT_ADOPTION = "joint_adoption"
    SIMPLE_MAJORITY = "simple_majority"
    TWO_THIRDS = "two_thirds"


class VoteMethod(enum.StrEnum):
    TALLY = "tally"
    NAMED = "named"
    CONSENSUS = "consensus"


class BallotChoice(enum.StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class VoteOutcome(enum.StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"


class JointListStatus(enum.StrEnum):
    DRAFT = "draft"
    ENDORSED = "endorsed"


class ActionStatus(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    CANCELLED = "cancelled"


class PriorityMethod(enum.StrEnum):
    DOTS = "dots"
    RANKING = "ranking"


class PriorityRoundStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class DocumentKind(enum.StrEnum):
    MINUTES = "minutes"
    SIGN_IN_SHEET = "sign_in_sheet"
    JOINT_LIST = "joint_list"
    ACTION_PLAN = "action_plan"
    CONSOLIDATED_LIST = "consolidated_list"
    REPORT = "report"


class DocumentLanguage(enum.StrEnum):
    KHMER = "km"
    ENGLISH = "en"
    BOTH = "both"
