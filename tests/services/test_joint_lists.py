"""Joint lists: built from adopted recommendations, pinned to the adopted revision, endorsed by
both sides, then locked."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from civicdesk.models import Endorsement, JointList, JointListItem
from civicdesk.models.enums import JointListStatus, MeetingKind, Side
from civicdesk.services import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    joint_lists,
    meetings,
    recommendations,
    votes,
)

from .conftest import adopt
from .helpers import PNG, count_rows, tally

SIGNED_ON = dt.date(2021, 11, 23)


def _build(database, meeting, **kwargs):
    with database.transaction("test") as session:
        return joint_lists.build_joint_list(session, meeting, **kwargs)


def _endorse(session, joint_list, side, **kwargs):
    values = {
        "signatory_name": "Sok Chanthy" if side is Side.SNA else "Srey Pov",
        "title": "Deputy Governor" if side is Side.SNA else "Director",
        "side": side,
        "signed_on": SIGNED_ON,
    }
    values.update(kwargs)
    return joint_lists.endorse_joint_list(session, joint_list, **values)


def test_build_lists_adopted_recommendations_in_order(database, adopted) -> None:
    seed = adopted.seed
    second = adopt(database, seed, "Train commune councillors.")
    with database.transaction("test") as session:
        draft = recommendations.draft_recommendation(session, seed.meeting, text_en="Draft only")
        rejected = recommendations.draft_recommendation(session, seed.meeting, text_en="Rejected")
        votes.record_vote(session, seed.meeting, rejected, tally=tally((0, 2), (2,)))
        withdrawn = recommendations.draft_recommendation(session, seed.meeting, text_en="Gone")
        recommendations.withdraw_recommendation(session, withdrawn, seed.meeting)
        # The second adopted recommendation moves to the top of the district's order.
        recommendations.move_recommendation(session, second.recommendation, 1)
    joint_list = _build(database, seed.meeting, title_en="Joint list, Bavel")
    with database.reading() as session:
        view = joint_lists.get_joint_list(session, joint_list)
    assert view.status is JointListStatus.DRAFT
    assert (view.district_code, view.province_code, view.title_en) == (
        "0204",
        "02",
        "Joint list, Bavel",
    )
    assert [e.recommendation_id for e in view.items] == [
        second.recommendation,
        adopted.recommendation,
    ]
    assert [e.position for e in view.items] == [1, 2]
    assert [e.code for e in view.items] == ["0204-R02", "0204-R01"]
    assert [e.revision_id for e in view.items] == [second.revision, adopted.revision]
    assert view.items[1].text_en == "Publish the district budget on the notice board."
    assert draft not in {e.recommendation_id for e in view.items}
    assert view.sides_missing == (Side.SNA, Side.CIVIL_SOCIETY)


def test_list_pins_the_adopted_revision(database, adopted) -> None:
    meeting = adopted.seed.meeting
    joint_list = _build(database, meeting)
    with database.transaction("test") as session:
        recommendations.amend_recommendation(
            session, adopted.recommendation, meeting, text_en="A different text"
        )
    with database.reading() as session:
        entry = joint_lists.get_joint_list(session, joint_list).items[0]
    # The amendment is a new revision; the list still shows what was adopted.
    assert entry.revision_id == adopted.revision
    assert entry.text_en == "Publish the district budget on the notice board."


def test_list_pins_the_revision_adopted_after_an_amendment(database, adopted) -> None:
    meeting = adopted.seed.meeting
    with database.transaction("test") as session:
        revision = recommendations.amend_recommendation(
            session, adopted.recommendation, meeting, text_en="Publish it every month."
        )
        votes.record_vote(session, meeting, adopted.recommendation, tally=tally((1,), (1,)))
    joint_list = _build(database, meeting)
    with database.reading() as session:
        entry = joint_lists.get_joint_list(session, joint_list).items[0]
    assert entry.revision_id == revision
    assert entry.text_en == "Publish it every month."


def test_rebuild_while_draft_replaces_items(database, adopted) -> None:
    seed = adopted.seed
    joint_list = _build(database, seed.meeting)
    second = adopt(database, seed, "Second")
    assert _build(database, seed.meeting, title_en="v2") == joint_list
    with database.reading() as session:
        view = joint_lists.get_joint_list(session, joint_list)
    assert [e.recommendation_id for e in view.items] == [
        adopted.recommendation,
        second.recommendation,
    ]
    assert view.title_en == "v2"
    assert count_rows(database, JointList) == 1
    assert count_rows(database, JointListItem) == 2


def test_build_without_adopted_recommendations_is_refused(database, open_meeting, refuse) -> None:
    with database.transaction("test") as session:
        recommendations.draft_recommendation(session, open_meeting.meeting, text_en="Draft")
    refuse(
        StateError,
        lambda s: joint_lists.build_joint_list(s, open_meeting.meeting),
        match="no adopted recommendations",
    )


def test_build_without_district_is_refused(database, adopted, refuse) -> None:
    with database.transaction("test") as session:
        provincial = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.PROVINCIAL_WORKSHOP,
                title_km="",
                title_en="Battambang workshop",
                meeting_date=dt.date(2022, 2, 1),
                province_code="02",
            ),
        )
    refuse(
        ValidationError,
        lambda s: joint_lists.build_joint_list(s, provincial),
        field="district_code",
    )
    # Naming the district makes it work.
    assert _build(database, provincial, district_code="0204")


def test_one_side_only_leaves_list_draft(database, adopted) -> None:
    joint_list = _build(database, adopted.seed.meeting)
    with database.transaction("test") as session:
        _endorse(
            session,
            joint_list,
            Side.SNA,
            signature_png=PNG,
            organisation_id=adopted.seed.district_administration,
        )
        _endorse(session, joint_list, Side.SNA, signatory_name="Chea Vuthy", title="Councillor")
    with database.reading() as session:
        view = joint_lists.get_joint_list(session, joint_list)
    assert view.status is JointListStatus.DRAFT
    assert view.endorsed_at is None
    assert view.sides_missing == (Side.CIVIL_SOCIETY,)
    first = view.endorsements[0]
    assert (first.signatory_name, first.title, first.side, first.signed_on) == (
        "Sok Chanthy",
        "Deputy Governor",
        Side.SNA,
        SIGNED_ON,
    )
    assert first.signature_png == PNG
    assert first.organisation_name == "រដ្ឋបាលស្រុកបវេល"


def test_both_sides_endorse_and_lock(database, endorsed) -> None:
    with database.reading() as session:
        view = joint_lists.get_joint_list(session, endorsed.joint_list)
    assert view.status is JointListStatus.ENDORSED
    assert view.endorsed_at is not None
    assert view.sides_missing == ()
    assert {e.side for e in view.endorsements} == {Side.SNA, Side.CIVIL_SOCIETY}
    assert [e.revision_id for e in view.items] == [endorsed.adopted.revision]


def test_rebuild_after_one_signature_is_refused(database, adopted, refuse) -> None:
    meeting = adopted.seed.meeting
    joint_list = _build(database, meeting)
    with database.transaction("test") as session:
        _endorse(session, joint_list, Side.CIVIL_SOCIETY)
    refuse(
        StateError,
        lambda s: joint_lists.build_joint_list(s, meeting),
        match="signed by one side",
    )


def test_endorsed_list_refuses_every_change(database, endorsed, refuse) -> None:
    adopted = endorsed.adopted
    meeting = adopted.seed.meeting
    refuse(
        LockedError,
        lambda s: _endorse(s, endorsed.joint_list, Side.SNA),
        match="endorsed",
    )
    refuse(LockedError, lambda s: joint_lists.build_joint_list(s, meeting), match="endorsed")
    refuse(
        LockedError,
        lambda s: recommendations.amend_recommendation(
            s, adopted.recommendation, meeting, text_en="Changed after signing"
        ),
        match="endorsed joint list",
    )
    refuse(
        LockedError,
        lambda s: recommendations.withdraw_recommendation(s, adopted.recommendation, meeting),
    )
    refuse(
        LockedError,
        lambda s: recommendations.update_recommendation(
            s, adopted.recommendation, theme="services", responsible_level="province"
        ),
    )
    refuse(
        LockedError,
        lambda s: recommendations.move_recommendation(s, adopted.recommendation, 3),
    )


def test_endorsed_list_text_survives_later_work(database, endorsed) -> None:
    """Other recommendations can still be drafted in the meeting; the list does not change."""
    seed = endorsed.adopted.seed
    adopt(database, seed, "Another one")
    with database.reading() as session:
        view = joint_lists.get_joint_list(session, endorsed.joint_list)
    assert [e.recommendation_id for e in view.items] == [endorsed.adopted.recommendation]


ENDORSEMENT_REFUSALS = [
    ("gif", {"signature_png": b"GIF89a" + b"\x00" * 20}, "signature_png", "PNG"),
    ("jpeg", {"signature_png": b"\xff\xd8\xff\xe0 JFIF"}, "signature_png", "PNG"),
    ("png-inside", {"signature_png": b"x" + PNG}, "signature_png", "PNG"),
    (
        "too-large",
        {"signature_png": PNG + b"\x00" * (2 * 1024 * 1024)},
        "signature_png",
        "too large",
    ),
    ("no-name", {"signatory_name": "  "}, "signatory_name", None),
    ("bidi-name", {"signatory_name": "Sok\u202eChanthy"}, "signatory_name", "direction-control"),
    ("observer", {"side": Side.OBSERVER}, "side", None),
    ("future", {"signed_on": dt.date.today() + dt.timedelta(days=5)}, "signed_on", "future"),
]


def test_endorsement_refusals(database, adopted, refuse) -> None:
    joint_list = _build(database, adopted.seed.meeting)
    for name, changes, field, match in ENDORSEMENT_REFUSALS:
        refuse(
            ValidationError,
            lambda s, c=changes: _endorse(s, joint_list, **{"side": Side.SNA, **c}),
            field=field,
            match=match,
            case=name,
        )
    assert count_rows(database, Endorsement) == 0


def test_unknown_joint_list(database, adopted, refuse) -> None:
    import uuid

    refuse(NotFoundError, lambda s: _endorse(s, uuid.uuid4(), Side.SNA), match="joint list")


def test_build_and_endorse_on_signed_meeting_are_refused(signed, refuse) -> None:
    refuse(LockedError, lambda s: joint_lists.build_joint_list(s, signed.meeting), match="signed")
    refuse(LockedError, lambda s: _endorse(s, signed.joint_list, Side.SNA), match="signed")


def test_listing(database, endorsed) -> None:
    with database.reading() as session:
        by_meeting = joint_lists.joint_lists(session, meeting_id=endorsed.adopted.seed.meeting)
        by_district = joint_lists.joint_lists(session, district_code="0204")
        elsewhere = joint_lists.joint_lists(session, district_code="0201")
    assert [v.id for v in by_meeting] == [v.id for v in by_district] == [endorsed.joint_list]
    assert elsewhere == []


def test_endorsement_rows_are_stored(database, endorsed) -> None:
    with database.reading() as session:
        rows = session.scalars(
            select(Endorsement).where(Endorsement.joint_list_id == endorsed.joint_list)
        ).all()
        assert sorted(r.signatory_name for r in rows) == ["Sok Chanthy", "Srey Pov"]
        assert {r.signature_png for r in rows} == {PNG, None}
