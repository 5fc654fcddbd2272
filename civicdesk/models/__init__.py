"""The database models (SQLAlchemy 2, typed). No Qt, no services."""

from civicdesk.models.action import Action, ActionUpdate
from civicdesk.models.base import Base, utcnow
from civicdesk.models.consolidation import ConsolidatedRecommendation, ConsolidatedSource
from civicdesk.models.document import AuditEvent, AuditHead, Document
from civicdesk.models.exchange import (
    ExchangeConflict,
    ExchangeIdentity,
    ExchangeImport,
    ExchangeLaptop,
    Tombstone,
)
from civicdesk.models.joint_list import Endorsement, JointList, JointListItem
from civicdesk.models.meeting import AgendaItem, Attendance, Finding, Headcount, Meeting
from civicdesk.models.people import Organisation, Person
from civicdesk.models.priority import PriorityCandidate, PriorityMark, PriorityRound
from civicdesk.models.recommendation import (
    Ballot,
    Recommendation,
    RecommendationFinding,
    RecommendationRevision,
    Vote,
)

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "AuditEvent",
    "AuditHead",
    "Ballot",
    "Base",
    "ConsolidatedRecommendation",
    "ConsolidatedSource",
    "Document",
    "Endorsement",
    "ExchangeConflict",
    "ExchangeIdentity",
    "ExchangeImport",
    "ExchangeLaptop",
    "Finding",
    "Headcount",
    "JointList",
    "JointListItem",
    "Meeting",
    "Organisation",
    "Person",
    "PriorityCandidate",
    "PriorityMark",
    "PriorityRound",
    "Recommendation",
    "RecommendationFinding",
    "RecommendationRevision",
    "Tombstone",
    "Vote",
    "utcnow",
]
