"""The guard: a flush that would change what a signed meeting or an endorsed joint list
recorded is refused, even when the change goes straight through the ORM, past the services."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from civicdesk.models import (
    Action,
    AgendaItem,
    Attendance,
    Endorsement,
    Finding,
    Headcount,
    JointList,
    JointListItem,
    Meeting,
    RecommendationRevision,
    Vote,
)
from civicdesk.models.enums import JointListStatus, MeetingStatus, Side, Theme, VoteOutcome
from civicdesk.services import LockedError, findings


def _set(model, attribute, value):
    def change(session, record_id):
        setattr(session.get(model, record_id), attribute, value)

    return change


def _delete(model):
    def change(session, record_id):
        session.delete(session.get(model, record_id))

    return change


# (what is edited, which id of the `signed` fixture, the edit)
SIGNED_MEETING_EDITS = [
    ("meeting-title", "meeting", _set(Meeting, "title_en", "Rewritten")),
    ("meeting-unsign", "meeting", _set(Meeting, "status", MeetingStatus.OPEN)),
    ("meeting-delete", "meeting", _delete(Meeting)),
    ("attendance-side", "attendance", _set(Attendance, "side", Side.OBSERVER)),
    ("attendance-delete", "attendance", _delete(Attendance)),
    ("absence-reason", "absence", _set(Attendance, "absence_reason", "")),
    ("headcount-women", "headcount", _set(Headcount, "female", 30)),
    ("headcount-delete", "headcount", _delete(Headcount)),
    ("agenda-notes", "agenda_item", _set(AgendaItem, "notes_en", "Never said")),
    ("finding-text", "finding", _set(Finding, "text_en", "Something else")),
    ("finding-theme", "finding", _set(Finding, "theme", Theme.SERVICES)),
    ("revision-text", "revision", _set(RecommendationRevision, "text_en", "Not what was adopted")),
    ("vote-outcome", "vote", _set(Vote, "outcome", VoteOutcome.REJECTED)),
    ("vote-count", "vote", _set(Vote, "sna_yes", 9)),
    ("vote-delete", "vote", _delete(Vote)),
    ("action-due", "action", _set(Action, "due_date", dt.date(2030, 1, 1))),
    ("joint-list-title", "joint_list", _set(JointList, "title_en", "Another list")),
]


def test_orm_edit_of_signed_meeting_record_is_refused(signed, refuse) -> None:
    for name, record, edit in SIGNED_MEETING_EDITS:
        record_id = getattr(signed, record)
        refuse(LockedError, lambda s, e=edit, r=record_id: e(s, r), match="locked", case=name)


INSERTS = [
    (Finding, {"position": 9, "text_en": "Slipped in"}),
    (AgendaItem, {"position": 9, "title_en": "Slipped in"}),
    (Headcount, {"group_en": "Ghosts", "female": 5, "male": 5}),
    (Action, {"description_en": "Slipped in"}),
]


def test_orm_insert_into_signed_meeting_is_refused(signed, refuse) -> None:
    for model, values in INSERTS:
        refuse(
            LockedError,
            lambda s, m=model, v=values: s.add(m(meeting_id=signed.meeting, **v)),
            case=model.__name__,
        )


def test_moving_records_into_or_out_of_a_signed_meeting_is_refused(
    database, signed, follow_up, refuse
) -> None:
    with database.transaction("test") as session:
        open_finding = findings.record_finding(session, follow_up, text_en="Open finding")
    for record_id, target in ((open_finding, signed.meeting), (signed.finding, follow_up)):
        refuse(
            LockedError,
            lambda s, r=record_id, t=target: setattr(s.get(Finding, r), "meeting_id", t),
            case=target,
        )


def _item(session, joint_list_id):
    return session.scalars(
        select(JointListItem).where(JointListItem.joint_list_id == joint_list_id)
    ).one()


ENDORSED_LIST_EDITS = [
    ("list-title", lambda s, jl: setattr(s.get(JointList, jl), "title_en", "Changed")),
    (
        "list-unendorse",
        lambda s, jl: setattr(s.get(JointList, jl), "status", JointListStatus.DRAFT),
    ),
    ("item-position", lambda s, jl: setattr(_item(s, jl), "position", 5)),
    ("item-delete", lambda s, jl: s.delete(_item(s, jl))),
    (
        "endorsement-delete",
        lambda s, jl: s.delete(
            s.scalars(select(Endorsement).where(Endorsement.joint_list_id == jl)).first()
        ),
    ),
    (
        "endorsement-add",
        lambda s, jl: s.add(
            Endorsement(
                joint_list_id=jl,
                signatory_name="Forger",
                side=Side.SNA,
                signed_on=dt.date(2021, 11, 24),
            )
        ),
    ),
    (
        "item-add",
        lambda s, jl: s.add(
            JointListItem(
                joint_list_id=jl,
                position=2,
                recommendation_id=_item(s, jl).recommendation_id,
                revision_id=_item(s, jl).revision_id,
            )
        ),
    ),
]


def test_orm_edit_of_endorsed_joint_list_is_refused(endorsed, refuse) -> None:
    """The list is endorsed while its meeting is still open: the list itself is locked."""
    for name, edit in ENDORSED_LIST_EDITS:
        refuse(
            LockedError,
            lambda s, e=edit: e(s, endorsed.joint_list),
            match="locked",
            case=name,
        )


def test_open_records_can_be_edited_directly(database, adopted) -> None:
    """The guard refuses locked records only: the same edits pass while the meeting is open."""
    with database.transaction("someone") as session:
        session.get(Meeting, adopted.seed.meeting).title_en = "Renamed"
        session.get(Vote, adopted.vote).note = "Checked"
        session.get(RecommendationRevision, adopted.revision).author = "CTOD"
    with database.reading() as session:
        assert session.get(Meeting, adopted.seed.meeting).title_en == "Renamed"
        assert session.get(Vote, adopted.vote).note == "Checked"


def test_signed_meeting_records_unchanged_after_refusals(database, signed) -> None:
    """Reading after the lock: the revision, vote and attendance are as they were signed."""
    with database.reading() as session:
        revision = session.get(RecommendationRevision, signed.revision)
        vote = session.get(Vote, signed.vote)
        assert revision.text_en == "Publish the district budget on the notice board."
        assert (vote.sna_yes, vote.cso_yes, vote.outcome) == (2, 2, VoteOutcome.ADOPTED)
        assert session.get(Meeting, signed.meeting).status is MeetingStatus.SIGNED
