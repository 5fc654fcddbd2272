"""How fast the secretariat imports district packages: records per second.

Builds seven district laptops (one SQLite database each, in a temporary folder) with a large
district's records each (about 2,000 by default: a directory of people, ten meetings with their
attendance, agenda, findings, recommendations with three revisions, votes, an endorsed joint list
and an action plan with progress updates), written through the ORM so that the audit log and the
exchange clocks record them as the app would; signs every meeting. Then:

- exports each district's package (timed);
- imports the seven packages into an empty database (timed: the number to watch);
- imports them all again (nothing changes: the cost of checking).

Run: ``python benchmarks/import_packages.py`` (``--scale 2`` doubles every district;
``--url postgresql+psycopg://...`` imports into that (empty) database instead of a SQLite file;
``--keep DIR`` keeps the laptops and packages).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DISTRICTS = ("0203", "0201", "0202", "0204", "0206", "0212", "0207")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17 + b"signature" * 200


def build_district(database: Any, code: str, scale: int, rng: random.Random) -> int:
    """One district's records, written in one transaction; returns how many."""
    from civicdesk.models import (
        Action,
        ActionUpdate,
        AgendaItem,
        Attendance,
        Endorsement,
        Finding,
        Headcount,
        JointList,
        JointListItem,
        Meeting,
        Organisation,
        Person,
        Recommendation,
        RecommendationFinding,
        RecommendationRevision,
        Vote,
        utcnow,
    )
    from civicdesk.models.enums import (
        ActionStatus,
        JointListStatus,
        MeetingKind,
        MeetingStatus,
        OrganisationKind,
        RecommendationStatus,
        Sex,
        Side,
        Theme,
        VoteMethod,
        VoteOutcome,
        VoteRule,
    )

    records: list[Any] = []
    with database.transaction("benchmark") as session:
        administration = Organisation(
            name_en=f"District administration {code}",
            kind=OrganisationKind.DISTRICT_ADMINISTRATION,
            side=Side.SNA,
            district_code=code,
        )
        csos = [
            Organisation(
                name_en=f"CSO {code}-{n}", kind=OrganisationKind.CSO, side=Side.CIVIL_SOCIETY
            )
            for n in range(5)
        ]
        organisations = [administration, *csos]
        people = [
            Person(
                name_km=f"ឈ្មោះ {code}-{n}",
                name_latin=f"Person {code}-{n}",
                sex=Sex.FEMALE if n % 2 else Sex.MALE,
                position="សមាជិក",
                organisation_id=organisations[n % len(organisations)].id,
                phone=f"012 {n:03d} {rng.randrange(1000):03d}",
            )
            for n in range(150 * scale)
        ]
        kinds = [MeetingKind.FOCUS_GROUP] * 4 + [
            MeetingKind.JOINT_CONSULTATION,
            MeetingKind.JOINT_CONSULTATION,
            MeetingKind.TECHNICAL_MEETING,
            MeetingKind.TECHNICAL_MEETING,
            MeetingKind.ENDORSEMENT,
            MeetingKind.FOLLOW_UP,
        ]
        day = dt.date(2021, 11, 2)
        meetings = [
            Meeting(
                kind=kind,
                title_en=f"{kind.value} {code} #{n}",
                title_km=f"កិច្ចប្រជុំ {code} #{n}",
                meeting_date=day + dt.timedelta(days=7 * n),
                province_code=code[:2],
                district_code=code,
                status=MeetingStatus.CLOSED,
                opened_at=utcnow(),
                closed_at=utcnow(),
            )
            for n, kind in enumerate(kinds)
        ]
        records += organisations + people + meetings
        for meeting in meetings:
            attendees = rng.sample(people, min(len(people), 80 * scale))
            for person in attendees:
                side = (
                    Side.SNA if person.organisation_id == administration.id else Side.CIVIL_SOCIETY
                )
                records.append(Attendance(meeting_id=meeting.id, person_id=person.id, side=side))
            records += [
                Headcount(meeting_id=meeting.id, group_en=f"Villagers {g}", female=12, male=9)
                for g in range(2)
            ]
            records += [
                AgendaItem(
                    meeting_id=meeting.id, position=p, title_en=f"Item {p}", planned_minutes=30
                )
                for p in range(1, 7)
            ]
        findings = [
            Finding(
                meeting_id=meetings[n % 4].id,
                position=n,
                text_en=f"Finding {n} of {code}",
                text_km=f"បញ្ហា {n}",
                theme=rng.choice(list(Theme)),
            )
            for n in range(40 * scale)
        ]
        records += findings
        consultation = meetings[4]
        recommendations = []
        for n in range(80 * scale):
            recommendation = Recommendation(
                code=f"{code}-R{n + 1:03d}",
                province_code=code[:2],
                district_code=code,
                position=n + 1,
                status=RecommendationStatus.ADOPTED,
                origin_meeting_id=consultation.id,
            )
            recommendations.append(recommendation)
            revisions = [
                RecommendationRevision(
                    recommendation_id=recommendation.id,
                    number=r,
                    text_en=f"Recommendation {n} of {code}, wording {r}",
                    text_km=f"អនុសាសន៍ {n} ({r})",
                    meeting_id=consultation.id,
                )
                for r in (1, 2, 3)
            ]
            records += [recommendation, *revisions]
            records.append(
                RecommendationFinding(
                    recommendation_id=recommendation.id,
                    finding_id=findings[n % len(findings)].id,
                    meeting_id=consultation.id,
                )
            )
            records.append(
                Vote(
                    meeting_id=consultation.id,
                    recommendation_id=recommendation.id,
                    revision_id=revisions[-1].id,
                    method=VoteMethod.TALLY,
                    rule=VoteRule.JOINT_ADOPTION,
                    sna_yes=5,
                    cso_yes=7,
                    outcome=VoteOutcome.ADOPTED,
                )
            )
        joint_list = JointList(
            province_code=code[:2], district_code=code, meeting_id=meetings[8].id, title_en="List"
        )
        records.append(joint_list)
        records += [
            JointListItem(
                joint_list_id=joint_list.id,
                position=n + 1,
                recommendation_id=r.id,
                revision_id=records[records.index(r) + 3].id,
            )
            for n, r in enumerate(recommendations[: 40 * scale])
        ]
        records += [
            Endorsement(
                joint_list_id=joint_list.id,
                signatory_name=f"Signatory {side.value}",
                side=side,
                signed_on=dt.date(2022, 1, 5),
                signature_png=PNG,
            )
            for side in (Side.SNA, Side.CIVIL_SOCIETY)
        ]
        for n in range(60 * scale):
            action = Action(
                meeting_id=meetings[6].id,
                recommendation_id=recommendations[n % len(recommendations)].id,
                position=n + 1,
                description_en=f"Action {n}",
                cso_partner_id=csos[n % len(csos)].id,
                start_date=dt.date(2022, 1, 1),
                due_date=dt.date(2022, 12, 31),
            )
            records.append(action)
            records += [
                ActionUpdate(
                    action_id=action.id,
                    meeting_id=meetings[9].id,
                    reported_on=dt.date(2022, 3, 1) + dt.timedelta(days=30 * u),
                    status=ActionStatus.IN_PROGRESS,
                    progress_percent=25 * (u + 1),
                )
                for u in range(3)
            ]
        # Parents first: rows refer to each other without ORM relationships.
        for kind in (Organisation, Person, Meeting):
            session.add_all(r for r in records if isinstance(r, kind))
            session.flush()
        session.add_all(r for r in records if not isinstance(r, Organisation | Person | Meeting))
        session.flush()
        joint_list.status = JointListStatus.ENDORSED
        joint_list.endorsed_at = utcnow()
        session.flush()
        for meeting in meetings:
            meeting.status = MeetingStatus.SIGNED
            meeting.signed_at = utcnow()
    return len(records)


def _rate(records: int, seconds: float) -> str:
    return f"{records:>7,} records in {seconds:6.2f} s = {records / seconds:8,.0f} records/s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="multiply each district's size")
    parser.add_argument("--url", help="import into this empty database instead of a new file")
    parser.add_argument("--keep", type=Path, help="keep the laptops and packages in this folder")
    args = parser.parse_args(argv)

    from civicdesk.exchange import export_package, import_package
    from civicdesk.services import open_database
    from civicdesk.services.integrity import verify_audit
    from civicdesk.storage.database import sqlite_url

    folder = args.keep or Path(tempfile.mkdtemp(prefix="civicdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2021)
    packages: list[Path] = []
    built = 0
    started = time.perf_counter()
    for code in DISTRICTS:
        laptop = open_database(sqlite_url(folder / f"laptop-{code}.sqlite"))
        try:
            built += build_district(laptop, code, args.scale, rng)
        finally:
            laptop.dispose()
    print(f"built    {_rate(built, time.perf_counter() - started)} (7 laptops, through the ORM)")

    started = time.perf_counter()
    for code in DISTRICTS:
        laptop = open_database(sqlite_url(folder / f"laptop-{code}.sqlite"))
        try:
            with laptop.reading() as session:
                summary = export_package(session, code, folder / f"{code}.cdpkg")
            packages.append(summary.path)
        finally:
            laptop.dispose()
    exported = time.perf_counter() - started
    size = sum(p.stat().st_size for p in packages)
    print(f"exported {_rate(built, exported)} ({size / 1e6:.1f} MB of packages)")

    target = open_database(args.url or sqlite_url(folder / "secretariat.sqlite"))
    try:
        for label in ("imported", "again   "):
            started = time.perf_counter()
            added = unchanged = 0
            for path in packages:
                with target.transaction("secretariat") as session:
                    result = import_package(session, path)
                added += result.added
                unchanged += result.unchanged
            seconds = time.perf_counter() - started
            counted = f"added {added:,}, unchanged {unchanged:,}"
            print(f"{label} {_rate(added + unchanged, seconds)} ({counted})")
        with target.reading() as session:
            check = verify_audit(session)
        print(check.message)
    finally:
        target.dispose()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0 if check.ok else 1


if __name__ == "__main__":
    sys.exit(main())
