"""The process that test_storage_kill.py kills: a clerk's day of service calls, never finished.

    python kill_worker.py DB_PATH LOG_PATH SEED

Imports and warms up everything that does not touch the database, then waits for a line "go"
on stdin (so that the test can start the next worker while it checks the last one; at end of
input it exits without touching anything). Then it opens (on the first run creates) the
database the way the app does, prints "ready", and
makes service calls for ever, each in its own `database.transaction()`: people, meetings opened,
sign-ins, recommendations drafted and amended, votes, corrections. Only AFTER a transaction has
committed does it append one line per record to LOG_PATH, written in one `write` and fsync-ed:

    <kind> <uuid> <audit seq> <audit hash>

naming what was committed and the audit head that commit left. The parent kills this process
with SIGKILL at random moments and then checks that every logged line is in the database.
It chooses its work from what is in the database, so each restart carries on where the last
one stopped. A DomainError (say, a meeting signed meanwhile) is a refusal, not a failure: that
call is skipped. Any other exception ends the process with a traceback, which the test reports.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, configure_mappers

from civicdesk.i18n import set_language
from civicdesk.models import Attendance, Meeting, Organisation, Person, Recommendation
from civicdesk.models.enums import (
    MeetingKind,
    MeetingStatus,
    OrganisationKind,
    RecommendationStatus,
    Sex,
    Side,
)
from civicdesk.services import (
    DomainError,
    attendance,
    meetings,
    open_database,
    people,
    places,
    recommendations,
    votes,
)
from civicdesk.storage import audit
from civicdesk.storage.database import sqlite_url

Committed = list[tuple[str, uuid.UUID]]

DISTRICTS = ("0204", "0206", "0208")
KHMER_NAMES = ("សុខ ចាន់ធី", "ស្រី ពៅ", "ហេង សុភា", "កែវ សុផល", "ម៉ៅ ស្រីនាង", "ជា វុទ្ធី")


class Clerk:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _pick(self, session: Session, query: object) -> uuid.UUID | None:
        ids = sorted(session.scalars(query))  # type: ignore[call-overload]
        return self.rng.choice(ids) if ids else None

    def _meeting(self, session: Session, status: MeetingStatus) -> uuid.UUID | None:
        return self._pick(session, select(Meeting.id).where(Meeting.status == status))

    def organisation(self, session: Session) -> Committed:
        kind = self.rng.choice(
            [OrganisationKind.CSO, OrganisationKind.DISTRICT_ADMINISTRATION, OrganisationKind.CBO]
        )
        number = self.rng.randrange(10_000)
        district = self.rng.choice(DISTRICTS)
        new = people.create_organisation(
            session,
            name_en=f"{kind.value.replace('_', ' ').title()} {number}",
            name_km=f"អង្គការ {number}",
            kind=kind,
            district_code=district if kind is OrganisationKind.DISTRICT_ADMINISTRATION else None,
        )
        return [("organisation", new)]

    def person(self, session: Session) -> Committed:
        organisation = self._pick(session, select(Organisation.id))
        number = self.rng.randrange(100_000)
        new = people.create_person(
            session,
            name_km=self.rng.choice(KHMER_NAMES),
            name_latin=f"Person {number}",
            sex=self.rng.choice([Sex.FEMALE, Sex.MALE]),
            organisation_id=organisation,
            phone=f"012 {number:06d}"[:11],
        )
        return [("person", new)]

    def correct_phone(self, session: Session) -> Committed:
        person_id = self._pick(session, select(Person.id))
        if person_id is None:
            return []
        person = people.get_person(session, person_id)
        people.update_person(
            session,
            person_id,
            name_km=person.name_km,
            name_latin=person.name_latin,
            sex=person.sex,
            position=person.position,
            organisation_id=person.organisation_id,
            phone=f"097 {self.rng.randrange(1_000_000):06d}",
        )
        return [("person_update", person_id)]

    def plan(self, session: Session) -> Committed:
        district = self.rng.choice(DISTRICTS)
        new = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.JOINT_CONSULTATION,
                title_km=f"កិច្ចប្រជុំ {district}",
                title_en=f"Joint consultation {district}",
                meeting_date=dt.date(2022, 1, 1) + dt.timedelta(days=self.rng.randrange(700)),
                province_code="02",
                district_code=district,
            ),
        )
        return [("meeting", new)]

    def open(self, session: Session) -> Committed:
        meeting = self._meeting(session, MeetingStatus.PLANNED)
        if meeting is None:
            return []
        meetings.open_meeting(session, meeting)
        return [("meeting_open", meeting)]

    def close(self, session: Session) -> Committed:
        meeting = self._meeting(session, MeetingStatus.OPEN)
        if meeting is None:
            return []
        meetings.close_meeting(session, meeting)
        return [("meeting_close", meeting)]

    def sign(self, session: Session) -> Committed:
        meeting = self._meeting(session, MeetingStatus.CLOSED)
        if meeting is None:
            return []
        meetings.sign_meeting(session, meeting)
        return [("meeting_sign", meeting)]

    def sign_in(self, session: Session) -> Committed:
        meeting = self._meeting(session, MeetingStatus.OPEN)
        if meeting is None:
            return []
        present = select(Attendance.person_id).where(Attendance.meeting_id == meeting)
        person = self._pick(session, select(Person.id).where(Person.id.not_in(present)))
        if person is None:
            return []
        return [("attendance", attendance.sign_in(session, meeting, person))]

    def draft(self, session: Session) -> Committed:
        meeting = self._meeting(session, MeetingStatus.OPEN)
        if meeting is None:
            return []
        number = self.rng.randrange(100_000)
        new = recommendations.draft_recommendation(
            session,
            meeting,
            text_km=f"ផ្សព្វផ្សាយថវិកា {number}",
            text_en=f"Publish budget item {number} at the commune hall",
        )
        return [("recommendation", new)]

    def _recommendation_of(self, session: Session, meeting: uuid.UUID) -> uuid.UUID | None:
        return self._pick(
            session,
            select(Recommendation.id).where(
                Recommendation.origin_meeting_id == meeting,
                Recommendation.status != RecommendationStatus.WITHDRAWN,
            ),
        )

    def amend(self, session: Session) -> Committed:
        meeting = self._meeting(session, MeetingStatus.OPEN)
        if meeting is None:
            return []
        recommendation = self._recommendation_of(session, meeting)
        if recommendation is None:
            return []
        revision = recommendations.amend_recommendation(
            session,
            recommendation,
            meeting,
            text_en=f"Amended wording {uuid.UUID(int=self.rng.getrandbits(128))}",
            reason="agreed in the room",
        )
        return [("revision", revision)]

    def vote(self, session: Session) -> Committed:
        meeting = self._meeting(session, MeetingStatus.OPEN)
        if meeting is None:
            return []
        recommendation = self._recommendation_of(session, meeting)
        if recommendation is None:
            return []
        voters = attendance.voters_present(session, meeting)
        sides = {}
        for side in (Side.SNA, Side.CIVIL_SOCIETY):
            present = voters.get(side, 0)
            yes = self.rng.randint(0, present)
            no = self.rng.randint(0, present - yes)
            sides[side] = votes.SideTally(yes=yes, no=no)
        if sides[Side.SNA].cast + sides[Side.CIVIL_SOCIETY].cast == 0:
            return []
        row = votes.record_vote(
            session,
            meeting,
            recommendation,
            tally=votes.Tally(sna=sides[Side.SNA], civil_society=sides[Side.CIVIL_SOCIETY]),
        )
        return [("vote", row.id)]


def main(argv: list[str]) -> int:
    db_path, log_path, seed = Path(argv[1]), Path(argv[2]), int(argv[3])
    set_language("en")
    rng = random.Random(seed)
    clerk = Clerk(rng)
    work: list[tuple[Callable[[Session], Committed], float]] = [
        (clerk.organisation, 0.5),
        (clerk.person, 3),
        (clerk.correct_phone, 1.5),
        (clerk.plan, 1),
        (clerk.open, 1),
        (clerk.sign_in, 4),
        (clerk.draft, 3),
        (clerk.amend, 2),
        (clerk.vote, 3),
        (clerk.close, 0.3),
        (clerk.sign, 0.3),
    ]
    calls = [call for call, _weight in work]
    weights = [weight for _call, weight in work]
    # The one-off costs (mappers, the gazetteer: about a second) before "go", so that the
    # kills land in the middle of the work rather than in its warm-up.
    configure_mappers()
    for district in DISTRICTS:
        places.resolve("02", district)
    if sys.stdin.readline().strip() != "go":
        return 0
    database = open_database(sqlite_url(db_path))
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    print("ready", flush=True)
    for _step in itertools.count():
        call = rng.choices(calls, weights)[0]
        try:
            with database.transaction("kill-test clerk") as session:
                committed = call(session)
                seq, head_hash = audit.head(session)
        except DomainError:
            continue
        # Only now, after the commit: one write per line, then fsync.
        for kind, record_id in committed:
            os.write(log, f"{kind} {record_id} {seq} {head_hash}\n".encode())
            os.fsync(log)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
