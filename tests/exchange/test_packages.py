"""The secretariat gathers the seven districts: each laptop's package merged into one database,
nothing lost, nothing duplicated, whatever the order, and a second import changes nothing."""

from __future__ import annotations

import json
import random
import zipfile

import pytest
from sqlalchemy import func, select

from civicdesk.demo.content import DISTRICT_CODES
from civicdesk.exchange import History, export_package, preview_import
from civicdesk.exchange.package import FORMAT, FORMAT_VERSION
from civicdesk.models import ExchangeImport, ExchangeLaptop, Meeting, Person, Recommendation

from .helpers import (
    audit_ok,
    canonical_state,
    counts,
    full_state,
    import_all,
    package_ids,
)

#: Tables whose records belong to one meeting, so to one district's package only.
MEETING_TABLES = (
    "meeting",
    "attendance",
    "headcount",
    "agenda_item",
    "finding",
    "recommendation",
    "recommendation_revision",
    "recommendation_finding",
    "vote",
    "joint_list",
    "joint_list_item",
    "endorsement",
    "action",
    "action_update",
)


def test_a_package_is_a_zip_with_a_manifest_and_a_hash_for_every_entry(district_packages):
    with zipfile.ZipFile(district_packages["0204"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["format"] == FORMAT
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["scope"]["district_code"] == "0204"
    assert manifest["audit_head"]["seq"] > 0
    assert set(manifest["entries"]) == names - {"manifest.json"}
    assert {"records/meeting.json", "records/endorsement.json", "audit/events.json"} <= names
    assert all(len(entry["sha256"]) == 64 for entry in manifest["entries"].values())


def test_seven_laptops_merge_into_an_empty_secretariat(district_packages, new_database):
    secretariat = new_database("secretariat")
    packages = [district_packages[code] for code in DISTRICT_CODES]
    summaries = import_all(secretariat, packages)

    in_packages = [package_ids(path) for path in packages]
    union = {
        table: set().union(*(ids.get(table, set()) for ids in in_packages))
        for table in {t for ids in in_packages for t in ids}
    }
    stored = counts(secretariat)
    for table, ids in union.items():
        assert stored[table] == len(ids), table
    for table in MEETING_TABLES:
        assert stored[table] == sum(len(ids.get(table, ())) for ids in in_packages), table
    assert stored["meeting"] == 36  # 5 meetings a district, and a third focus group in Banan
    assert sum(s.added for s in summaries) == sum(stored.values())
    assert all(s.conflicts == 0 and s.history is History.FIRST for s in summaries)

    with secretariat.reading() as session:
        laptops = session.scalar(select(func.count()).select_from(ExchangeLaptop))
        imports = session.scalar(select(func.count()).select_from(ExchangeImport))
        codes = session.scalars(select(Recommendation.code)).all()
        people = session.scalar(select(func.count(func.distinct(Person.name_km))))
        signed = session.scalars(select(Meeting.status)).all()
    assert laptops == 7 and imports == 7
    assert len(codes) == len(set(codes))
    assert people == stored["person"]
    assert {status.value for status in signed} == {"signed"}
    assert audit_ok(secretariat)


def test_importing_the_same_packages_again_changes_nothing(district_packages, new_database):
    secretariat = new_database("secretariat")
    packages = [district_packages[code] for code in DISTRICT_CODES]
    import_all(secretariat, packages)
    before = full_state(secretariat)

    again = import_all(secretariat, packages)

    assert full_state(secretariat) == before  # not one row, not one audit event
    assert all(s.already_imported and not s.changed for s in again)
    assert all(s.added == s.updated == s.conflicts == 0 for s in again)
    assert all(s.history is History.SAME for s in again)


def test_the_order_packages_arrive_in_does_not_matter(district_packages, new_database):
    in_order = [district_packages[code] for code in DISTRICT_CODES]
    shuffled = in_order[:]
    random.Random(6).shuffle(shuffled)
    first, second = new_database("forwards"), new_database("shuffled")
    import_all(first, in_order)
    import_all(second, shuffled)
    assert canonical_state(first) == canonical_state(second)
    assert audit_ok(second)


def test_the_secretariat_passes_the_districts_on(district_packages, new_database, tmp_path):
    """A package exported by the secretariat carries the districts' records onward, and
    importing it where they came from changes nothing."""
    secretariat = new_database("secretariat")
    import_all(secretariat, [district_packages["0204"], district_packages["0201"]])
    with secretariat.reading() as session:
        summary = export_package(session, "0204", tmp_path / "onward.cdpkg")
    assert summary.per_table["meeting"] == 6
    national = new_database("national")
    import_all(national, [district_packages["0204"]])
    (onward,) = import_all(national, [tmp_path / "onward.cdpkg"])
    assert onward.added == 0 and onward.updated == 0 and onward.conflicts == 0
    assert audit_ok(national)


@pytest.mark.parametrize("scope", ["meetings", "district"])
def test_export_by_meetings_or_district(district_packages, new_database, tmp_path, scope):
    secretariat = new_database("secretariat")
    import_all(secretariat, [district_packages["0212"]])
    with secretariat.reading() as session:
        meetings = session.scalars(
            select(Meeting.id).where(Meeting.district_code == "0212").order_by(Meeting.id)
        ).all()
        chosen = list(meetings[:2]) if scope == "meetings" else "0212"
        summary = export_package(session, chosen, tmp_path / "part.cdpkg")
    assert summary.meetings == (2 if scope == "meetings" else len(meetings))
    target = new_database("target")
    (imported,) = import_all(target, [tmp_path / "part.cdpkg"])
    assert imported.added == summary.records
    assert audit_ok(target)


def test_a_preview_says_what_an_import_would_do_and_changes_nothing(
    district_packages, new_database
) -> None:
    secretariat = new_database("secretariat")
    import_all(secretariat, [district_packages["0201"]])
    before = full_state(secretariat)
    with secretariat.transaction("secretariat") as session:
        preview = preview_import(session, district_packages["0204"])
    assert full_state(secretariat) == before
    (done,) = import_all(secretariat, [district_packages["0204"]])
    assert (preview.added, preview.updated, preview.unchanged, preview.conflicts) == (
        done.added,
        done.updated,
        done.unchanged,
        done.conflicts,
    )
    assert preview.added > 0
