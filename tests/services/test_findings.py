"""Findings: views and problems raised in focus groups, with who raised them."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from civicdesk.models import Finding
from civicdesk.models.enums import MeetingKind, Theme
from civicdesk.services import LockedError, NotFoundError, ValidationError, findings, meetings

from .helpers import count_rows


def test_record_update_remove(database, open_meeting) -> None:
    meeting = open_meeting.meeting
    with database.transaction("clerk") as session:
        first = findings.record_finding(
            session,
            meeting,
            text_km="ពលរដ្ឋមិនដឹងពីថវិកា",
            raised_by_en="Women's group, Kdol",
            theme=Theme.INFORMATION,
        )
        second = findings.record_finding(session, meeting, text_en="Meetings clash with harvest.")
        third = findings.record_finding(session, meeting, text_en="Third")
        findings.update_finding(
            session,
            second,
            text_km="",
            text_en="Meetings are held during the harvest.",
            raised_by_km="កសិករ",
            theme=Theme.PARTICIPATION,
        )
        findings.remove_finding(session, third)
    with database.reading() as session:
        rows = findings.findings(session, meeting_id=meeting)
    assert [(r.id, r.position) for r in rows] == [(first, 1), (second, 2)]
    assert (rows[0].text_km, rows[0].raised_by_en, rows[0].theme) == (
        "ពលរដ្ឋមិនដឹងពីថវិកា",
        "Women's group, Kdol",
        Theme.INFORMATION,
    )
    assert (rows[1].text_en, rows[1].raised_by_km, rows[1].theme) == (
        "Meetings are held during the harvest.",
        "កសិករ",
        Theme.PARTICIPATION,
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text_km": "", "text_en": "  "}, "text"),
        ({"text_en": "OK", "raised_by_en": "\u2067Group\u2069"}, "raised_by_en"),
        ({"text_en": "x" * 4001}, "text_en"),
    ],
    ids=["empty", "bidi", "too-long"],
)
def test_record_refusals(database, open_meeting, refuse, kwargs, field) -> None:
    refuse(
        ValidationError,
        lambda s: findings.record_finding(s, open_meeting.meeting, **kwargs),
        field=field,
    )
    assert count_rows(database, Finding) == 0


def test_findings_by_district(database, open_meeting) -> None:
    with database.transaction("clerk") as session:
        banan = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.FOCUS_GROUP,
                title_km="",
                title_en="FGD Banan",
                meeting_date=dt.date(2021, 9, 1),
                province_code="02",
                district_code="0201",
            ),
        )
        in_banan = findings.record_finding(session, banan, text_en="Banan finding")
        in_bavel = findings.record_finding(session, open_meeting.meeting, text_en="Bavel finding")
        rows_0204 = findings.findings(session, district_code="0204")
        everything = findings.findings(session)
    assert [r.id for r in rows_0204] == [in_bavel]
    assert [r.id for r in everything] == [in_banan, in_bavel]  # by meeting date


def test_unknown_finding(database, open_meeting, refuse) -> None:
    refuse(NotFoundError, lambda s: findings.remove_finding(s, uuid.uuid4()), match="finding")


def test_findings_of_signed_meeting_are_locked(signed, refuse) -> None:
    changes = [
        lambda s: findings.record_finding(s, signed.meeting, text_en="Late finding"),
        lambda s: findings.update_finding(s, signed.finding, text_km="", text_en="Rewritten"),
        lambda s: findings.remove_finding(s, signed.finding),
    ]
    for change in changes:
        refuse(LockedError, change, match="signed")
