"""A damaged or altered package is refused with a message, and the database is left exactly as
it was: byte for byte (SQLite file), and row for row (any database)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from civicdesk.exchange import PackageError, import_package
from civicdesk.i18n import set_language
from civicdesk.storage.database import Database

from .helpers import Entries, edit_json, full_state, import_all, plan_district, rewrite_package
from .helpers import export as export_district

Change = Callable[[dict[str, Any], Entries], None]


def _rename_person(entries: Entries) -> None:
    def change(table: dict[str, Any]) -> None:
        column = table["columns"].index("name_latin")
        table["rows"][0][column] = "Someone Else"

    edit_json(entries, "records/person.json", change)


def _alter_record(_manifest: dict[str, Any], entries: Entries) -> None:
    _rename_person(entries)


def _alter_record_and_its_event(_manifest: dict[str, Any], entries: Entries) -> None:
    """A careful forger: the record and the event that logged it both changed."""
    _rename_person(entries)

    def change(data: dict[str, Any]) -> None:
        for event in data["events"]:
            if event.get("entity_type") == "person" and "Srey Pov" in event["after"]:
                event["after"] = event["after"].replace("Srey Pov", "Someone Else")

    edit_json(entries, "audit/events.json", change)


def _newer_format(manifest: dict[str, Any], _entries: Entries) -> None:
    manifest["format_version"] = 99
    manifest["app_version"] = "9.0"


def _invalid_json(_manifest: dict[str, Any], entries: Entries) -> None:
    entries["records/meeting.json"] = b'{"table": "meeting", "columns": ['


def _unknown_column(_manifest: dict[str, Any], entries: Entries) -> None:
    def change(table: dict[str, Any]) -> None:
        table["columns"].append("mood")
        for row in table["rows"]:
            row.append("happy")

    edit_json(entries, "records/meeting.json", change)


def _wrong_type(_manifest: dict[str, Any], entries: Entries) -> None:
    def change(table: dict[str, Any]) -> None:
        column = table["columns"].index("may_vote")
        table["rows"][0][column] = "yes"

    edit_json(entries, "records/attendance.json", change)


def _missing_entry(_manifest: dict[str, Any], entries: Entries) -> None:
    del entries["records/attendance.json"]


def _extra_entry(_manifest: dict[str, Any], entries: Entries) -> None:
    entries["notes/hello.txt"] = b"hello"


def _broken_chain(_manifest: dict[str, Any], entries: Entries) -> None:
    def change(data: dict[str, Any]) -> None:
        del data["events"][1]

    edit_json(entries, "audit/events.json", change)


#: (how the package is altered, whether the manifest's hashes are made to match, the message).
TAMPERING: dict[str, tuple[Change, bool, str]] = {
    "hash mismatch": (_alter_record, False, "was changed after the package was made"),
    "record altered, hashes redone": (_alter_record, True, "differs from what its audit"),
    "record and event altered": (_alter_record_and_its_event, True, "audit history is broken"),
    "events removed": (_broken_chain, True, "audit history is broken"),
    "newer manifest version": (_newer_format, True, "newer version of CivicDesk"),
    "invalid JSON": (_invalid_json, True, "is not valid JSON"),
    "unknown column": (_unknown_column, True, "does not know"),
    "value of the wrong type": (_wrong_type, True, "wrong value in may_vote"),
    "entry missing": (_missing_entry, False, "does not match what it holds"),
    "entry added": (_extra_entry, False, "does not match what it holds"),
    "entry added and listed": (_extra_entry, True, "unexpected part notes/hello.txt"),
}


@pytest.fixture
def secretariat(new_database, laptop, tmp_path) -> tuple[Database, Path]:
    """A secretariat that has already imported something, and a good package from a district."""
    secretariat = new_database("secretariat")
    earlier = laptop("earlier")
    plan_district(earlier)
    import_all(secretariat, [export_district(earlier, tmp_path / "earlier.cdpkg")])
    district = laptop("district")
    plan_district(district)
    return secretariat, export_district(district, tmp_path / "good.cdpkg")


def _fingerprint(database: Database) -> tuple[Any, str | None]:
    """The database's rows; for a SQLite file, also the file's bytes, read once it is closed."""
    state = full_state(database)
    if database.path is None:
        return state, None
    database.dispose()  # the last connection folds the WAL into the file
    return state, hashlib.sha256(database.path.read_bytes()).hexdigest()


def _refused(database: Database, package: Path) -> PackageError:
    before = _fingerprint(database)
    with pytest.raises(PackageError) as caught, database.transaction("secretariat") as session:
        import_package(session, package)
    assert _fingerprint(database) == before, "a refused package changed the database"
    return caught.value


@pytest.mark.parametrize("case", list(TAMPERING))
def test_an_altered_package_is_refused_and_nothing_changes(secretariat, tmp_path, case) -> None:
    database, good = secretariat
    change, rehash, message = TAMPERING[case]
    bad = rewrite_package(good, tmp_path / "bad.cdpkg", change, rehash=rehash)
    error = _refused(database, bad)
    assert message in str(error)
    assert "Nothing was changed" in str(error)


def test_a_truncated_package_is_refused(secretariat, tmp_path) -> None:
    database, good = secretariat
    data = good.read_bytes()
    for size in (len(data) // 2, len(data) - 30, 10):
        cut = tmp_path / f"cut-{size}.cdpkg"
        cut.write_bytes(data[:size])
        assert "damaged or cut short" in str(_refused(database, cut))


def test_a_file_that_is_not_a_package_is_refused(secretariat, tmp_path) -> None:
    database, _good = secretariat
    text = tmp_path / "notes.cdpkg"
    text.write_text("minutes", encoding="utf-8")
    assert "damaged or cut short" in str(_refused(database, text))
    with (
        pytest.raises(PackageError, match="There is no file"),
        database.transaction() as session,
    ):
        import_package(session, tmp_path / "missing.cdpkg")


def test_a_record_that_breaks_a_constraint_is_refused(secretariat, laptop, tmp_path) -> None:
    """Two laptops that each drafted Bavel's first recommendation gave it the same code: the
    second package cannot go in as it is, and nothing of it does."""
    from civicdesk.services import recommendations

    database, good = secretariat
    import_all(database, [good])
    other = laptop("other")
    bavel = plan_district(other)
    with other.transaction("clerk") as session:
        recommendations.draft_recommendation(
            session, bavel.meeting, text_en="Publish the budget", district_code="0204"
        )
    first = laptop("first")
    first_bavel = plan_district(first)
    with first.transaction("clerk") as session:
        recommendations.draft_recommendation(
            session, first_bavel.meeting, text_en="Post the budget", district_code="0204"
        )
    import_all(database, [export_district(first, tmp_path / "first.cdpkg")])
    error = _refused(database, export_district(other, tmp_path / "other.cdpkg"))
    assert "does not fit this database" in str(error)


def test_the_refusal_is_in_the_language_of_the_window(secretariat, tmp_path) -> None:
    database, good = secretariat
    bad = rewrite_package(good, tmp_path / "bad.cdpkg", _newer_format)
    set_language("km")
    try:
        error = _refused(database, bad)
    finally:
        set_language("en")
    assert str(error)
    assert json.dumps(str(error))  # a message, whatever the catalog holds
