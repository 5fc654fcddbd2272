"""Make `civicdesk-0001.sqlite`: a database as the FIRST migration ("0001") left it, with data.

tests/storage/test_storage_migrations.py copies this file and opens it with the current code, to
prove that every later migration upgrades a real user's file without losing anything and without
breaking the audit chain. The committed .sqlite file is the test input; this script documents how
it was made. Its companion `civicdesk-0001.json` lists the ids and values the test looks for.

How it is made:

1. Alembic runs only up to revision "0001" (not "head") on an empty file.
2. The rows are written through the services, opened with `open_database(..., migrate=False)`, so
   the audit chain is the real one. That is only right while the models still match revision
   0001, so the script first compares the models with the migrated schema and stops if they
   differ. Once a later migration changes the schema, this script can no longer be re-run as it
   is: keep the committed file (that is the point of it), don't regenerate it.
3. The audit log is verified, the WAL is checkpointed, the file is switched back to
   journal_mode=DELETE (no -wal/-shm beside it), its page size set to 1 KiB and VACUUMed, so
   that it is small (about 100 KB: 0001 has some 85 tables and indexes, one page each).

Run from the repository root:

    python tests/data/make_0001_fixture.py            # writes tests/data/civicdesk-0001.*
    python tests/data/make_0001_fixture.py OUT.sqlite # writes OUT.sqlite and OUT.json
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from civicdesk.i18n import set_language
from civicdesk.models import Base
from civicdesk.models.enums import MeetingKind, OrganisationKind, Sex
from civicdesk.services import attendance, meetings, open_database, people, recommendations, votes
from civicdesk.services.integrity import verify_audit
from civicdesk.storage.database import make_engine, sqlite_url
from civicdesk.storage.migrate import alembic_config, current_revision

REVISION = "0001"
HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / f"civicdesk-{REVISION}.sqlite"
ACTOR = "clerk (fixture 0001)"


def migrate_to_first_revision(path: Path) -> None:
    engine = make_engine(sqlite_url(path))
    try:
        config = alembic_config(engine)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, REVISION)
        with engine.connect() as connection:
            differences = compare_metadata(
                MigrationContext.configure(connection, opts={"compare_type": True}),
                Base.metadata,
            )
        if differences:
            raise SystemExit(
                f"The models no longer match revision {REVISION}, so the services would write "
                f"rows that {REVISION} did not have. Keep the committed fixture.\n{differences}"
            )
        if current_revision(engine) != REVISION:
            raise SystemExit(f"expected revision {REVISION}, got {current_revision(engine)}")
    finally:
        engine.dispose()


def write_rows(path: Path) -> dict[str, Any]:
    database = open_database(sqlite_url(path), migrate=False)
    try:
        with database.transaction(ACTOR) as session:
            administration = people.create_organisation(
                session,
                name_km="រដ្ឋបាលស្រុកមោងឫស្សី",
                name_en="Moung Ruessei District Administration",
                kind=OrganisationKind.DISTRICT_ADMINISTRATION,
                district_code="0206",
            )
            cso = people.create_organisation(
                session,
                name_km="សមាគមយុវជនដើម្បីអភិវឌ្ឍន៍",
                name_en="Youth for Development Association",
                abbreviation="YDA",
                kind=OrganisationKind.CSO,
            )
            official = people.create_person(
                session,
                name_km="កែវ សុផល",
                name_latin="Keo Sophal",
                sex=Sex.MALE,
                position="District Governor",
                organisation_id=administration,
            )
            activist = people.create_person(
                session,
                name_km="ម៉ៅ ស្រីនាង",
                name_latin="Mao Sreyneang",
                sex=Sex.FEMALE,
                organisation_id=cso,
                phone="012 345 678",
            )
            meeting = meetings.plan_meeting(
                session,
                meetings.MeetingDetails(
                    kind=MeetingKind.JOINT_CONSULTATION,
                    title_km="កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា ស្រុកមោងឫស្សី",
                    title_en="Joint consultation, Moung Ruessei",
                    meeting_date=dt.date(2022, 3, 17),
                    province_code="02",
                    district_code="0206",
                    start_time=dt.time(8, 30),
                    venue_en="District hall",
                ),
            )
        with database.transaction(ACTOR) as session:
            meetings.open_meeting(session, meeting)
            official_attendance = attendance.sign_in(session, meeting, official)
            activist_attendance = attendance.sign_in(session, meeting, activist)
        with database.transaction(ACTOR) as session:
            recommendation = recommendations.draft_recommendation(
                session,
                meeting,
                text_km="ផ្សព្វផ្សាយថវិកាស្រុកនៅទីសាធារណៈ",
                text_en="Publish the district budget in public places",
                author="Mao Sreyneang",
            )
        with database.transaction(ACTOR) as session:
            revision_2 = recommendations.amend_recommendation(
                session,
                recommendation,
                meeting,
                text_km="ផ្សព្វផ្សាយថវិកាស្រុកនៅសាលាឃុំទាំងអស់",
                text_en="Publish the district budget at every commune hall",
                reason="Agreed wording",
                author="Keo Sophal",
            )
        with database.transaction(ACTOR) as session:
            vote = votes.record_vote(
                session,
                meeting,
                recommendation,
                tally=votes.Tally(sna=votes.SideTally(yes=1), civil_society=votes.SideTally(yes=1)),
            ).id
        with database.reading() as session:
            check = verify_audit(session)
            if not check.ok:
                raise SystemExit(check.message)
            revision_1 = recommendations.revisions(session, recommendation)[0].id
        return {
            "revision": REVISION,
            "audit_events": check.events,
            "audit_head": check.head_hash,
            "organisations": {"district_administration": str(administration), "cso": str(cso)},
            "people": {
                str(official): "Keo Sophal",
                str(activist): "Mao Sreyneang",
            },
            "meeting": str(meeting),
            "meeting_title_en": "Joint consultation, Moung Ruessei",
            "attendance": [str(official_attendance), str(activist_attendance)],
            "recommendation": str(recommendation),
            "revisions": {
                str(revision_1): "Publish the district budget in public places",
                str(revision_2): "Publish the district budget at every commune hall",
            },
            "vote": str(vote),
        }
    finally:
        database.dispose()


def compact(path: Path) -> None:
    """Fold the WAL into the file, leave WAL mode, shrink the pages and VACUUM."""
    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode != "delete":
            raise SystemExit(f"could not leave WAL mode (still {mode})")
        connection.execute("PRAGMA page_size=1024")
        connection.execute("VACUUM")
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise SystemExit("integrity_check failed")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm", "-journal"):
        if Path(f"{path}{suffix}").exists():
            raise SystemExit(f"{path}{suffix} was left behind")


def main(argv: list[str]) -> int:
    output = Path(argv[1]).resolve() if len(argv) > 1 else DEFAULT_OUTPUT
    set_language("en")
    with tempfile.TemporaryDirectory() as folder:
        # Nothing should fall back on the user's own data folder or database settings.
        os.environ["CIVICDESK_DATA_DIR"] = folder
        for name in ("CIVICDESK_DB", "CIVICDESK_DATABASE_URL"):
            os.environ.pop(name, None)
        work = Path(folder) / output.name
        migrate_to_first_revision(work)
        manifest = write_rows(work)
        compact(work)
        shutil.copyfile(work, output)
    output.with_suffix(".json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {output} ({output.stat().st_size} bytes) and {output.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
