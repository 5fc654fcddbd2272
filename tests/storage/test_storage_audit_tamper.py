"""The audit log against someone who edits the file with any SQLite tool.

Every change here is made through a plain `sqlite3` connection, as a tamperer would: foreign keys
off (SQLite's default), no audit listener. `civicdesk.storage.audit.verify` and
`civicdesk.services.integrity.verify_audit` must then name the first event or row that does not
match.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.integrity import AuditCheck
from civicdesk.storage import audit

Verify = Callable[[Path], tuple[audit.AuditReport, AuditCheck]]


@contextmanager
def sqlite_tool(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection, committed at the end, as `sqlite3 civicdesk.sqlite` would be."""
    connection = sqlite3.connect(str(path))
    try:
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        yield connection
        connection.commit()
    finally:
        connection.close()


def event_row(connection: sqlite3.Connection, seq: int) -> dict[str, Any]:
    connection.row_factory = sqlite3.Row
    try:
        row = connection.execute("SELECT * FROM audit_event WHERE seq = ?", (seq,)).fetchone()
    finally:
        connection.row_factory = None
    assert row is not None, f"no event #{seq}"
    return dict(row)


def stored_hash(row: dict[str, Any]) -> str:
    """The hash a tamperer who has read civicdesk/storage/audit.py computes for a row."""
    at = dt.datetime.strptime(row["at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    return audit.event_hash(
        row["seq"],
        str(uuid.UUID(row["id"])),
        at.isoformat(),
        row["actor"],
        row["action"],
        row["entity_type"],
        row["entity_id"],
        row["before"],
        row["after"],
        row["prev_hash"],
    )


def rehash(connection: sqlite3.Connection, seq: int) -> str:
    row = event_row(connection, seq)
    digest = stored_hash(row)
    connection.execute("UPDATE audit_event SET hash = ? WHERE seq = ?", (digest, seq))
    return digest


def set_head(connection: sqlite3.Connection, seq: int) -> None:
    digest = event_row(connection, seq)["hash"]
    connection.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (seq, digest))


def renumber(connection: sqlite3.Connection, from_seq: int, by: int) -> None:
    """Move events #from_seq… by `by` places (through negative numbers: seq is the key)."""
    connection.execute("UPDATE audit_event SET seq = -(seq + ?) WHERE seq >= ?", (by, from_seq))
    connection.execute("UPDATE audit_event SET seq = -seq WHERE seq < 0")


def assert_problem(
    verify_file: Verify,
    path: Path,
    *,
    seq: int | None,
    entity_type: str,
    entity_id: str | None,
    reason: str,
) -> audit.AuditProblem:
    report, check = verify_file(path)
    assert not report.ok, "the tampering was not noticed"
    problem = report.problem
    assert problem is not None
    assert problem.seq == seq, problem
    assert problem.entity_type == entity_type, problem
    if entity_id is not None:
        assert problem.entity_id == entity_id, problem
    assert reason in problem.reason, problem
    # What a person sees through the service (and `civicdesk audit verify`) names it too.
    assert not check.ok
    assert problem.describe() in check.message
    if seq is not None:
        assert f"event #{seq}" in check.message
    if entity_id:
        assert entity_id in check.message
    return problem


# --------------------------------------------------------------------------- untouched


def test_an_untouched_database_verifies(scenario: Any, verify_file: Verify) -> None:
    report, check = verify_file(scenario.path)
    assert report.ok, report.problem
    assert report.events == scenario.events
    assert check.ok
    assert f"{scenario.events} events" in check.message
    with sqlite_tool(scenario.path) as connection:
        last = event_row(connection, scenario.events)
        head = connection.execute("SELECT seq, hash FROM audit_head").fetchone()
    assert report.head_hash == last["hash"] == head[1]
    assert head[0] == scenario.events
    # The last thing the scenario did is the one-event phone correction the cases below use.
    assert (last["entity_type"], last["entity_id"]) == ("person", str(scenario.activist))
    assert json.loads(last["after"])["phone"] == "012 000 999"


def test_a_plain_reader_changes_nothing(
    scenario: Any, verify_file: Verify, logical_dump: Callable[[Path], list[str]]
) -> None:
    before = logical_dump(scenario.path)
    with sqlite_tool(scenario.path) as connection:
        connection.execute("SELECT * FROM person").fetchall()
    assert logical_dump(scenario.path) == before
    assert verify_file(scenario.path)[0].ok


# --------------------------------------------------------------------------- the data edited


def test_a_domain_row_edited(scenario: Any, verify_file: Verify) -> None:
    with sqlite_tool(scenario.path) as connection:
        changed = connection.execute(
            "UPDATE recommendation_revision SET text_en = 'Build a new road' WHERE id = ?",
            (scenario.revision_1.hex,),
        ).rowcount
    assert changed == 1
    assert_problem(
        verify_file,
        scenario.path,
        seq=None,
        entity_type="recommendation_revision",
        entity_id=str(scenario.revision_1),
        reason="changed outside CivicDesk",
    )


def test_a_vote_count_edited(scenario: Any, verify_file: Verify) -> None:
    with sqlite_tool(scenario.path) as connection:
        connection.execute(
            "UPDATE vote SET cso_yes = 0, cso_no = 2 WHERE id = ?", (scenario.vote.hex,)
        )
    assert_problem(
        verify_file,
        scenario.path,
        seq=None,
        entity_type="vote",
        entity_id=str(scenario.vote),
        reason="changed outside CivicDesk",
    )


def test_a_domain_row_inserted(scenario: Any, verify_file: Verify) -> None:
    intruder = uuid.uuid4()
    with sqlite_tool(scenario.path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(person)")]
        copied = ", ".join("?" if name == "id" else name for name in columns)
        connection.execute(
            f"INSERT INTO person ({', '.join(columns)}) SELECT {copied} FROM person WHERE id = ?",
            (intruder.hex, scenario.official.hex),
        )
    assert_problem(
        verify_file,
        scenario.path,
        seq=None,
        entity_type="person",
        entity_id=str(intruder),
        reason="added outside CivicDesk",
    )


def test_a_domain_row_deleted(scenario: Any, verify_file: Verify) -> None:
    with sqlite_tool(scenario.path) as connection:
        attendance_hex = connection.execute(
            "SELECT id FROM attendance WHERE person_id = ?", (scenario.official.hex,)
        ).fetchone()[0]
        connection.execute("DELETE FROM attendance WHERE id = ?", (attendance_hex,))
    assert_problem(
        verify_file,
        scenario.path,
        seq=None,
        entity_type="attendance",
        entity_id=str(uuid.UUID(attendance_hex)),
        reason="deleted outside CivicDesk",
    )


def test_a_row_put_back_as_it_was_verifies_again(scenario: Any, verify_file: Verify) -> None:
    """The check compares with the log's state, not with some flag: an edit undone is fine."""
    with sqlite_tool(scenario.path) as connection:
        original = connection.execute(
            "SELECT text_en FROM recommendation_revision WHERE id = ?", (scenario.revision_1.hex,)
        ).fetchone()[0]
        connection.execute(
            "UPDATE recommendation_revision SET text_en = 'x' WHERE id = ?",
            (scenario.revision_1.hex,),
        )
    assert not verify_file(scenario.path)[0].ok
    with sqlite_tool(scenario.path) as connection:
        connection.execute(
            "UPDATE recommendation_revision SET text_en = ? WHERE id = ?",
            (original, scenario.revision_1.hex),
        )
    assert verify_file(scenario.path)[0].ok


# --------------------------------------------------------------------------- the log edited

EDITED_SEQ = 5


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("actor", "someone else"),
        ("after", None),  # the recorded row content
        ("action", "person.import"),
        ("at", "2020-01-01T00:00:00.000000Z"),
    ],
)
def test_an_event_edited(scenario: Any, verify_file: Verify, column: str, value: Any) -> None:
    with sqlite_tool(scenario.path) as connection:
        row = event_row(connection, EDITED_SEQ)
        if column == "after":
            after = json.loads(row["after"])
            after["name_latin"] = "Someone Else"
            value = audit.canonical(after)
        assert row[column] != value
        connection.execute(
            f"UPDATE audit_event SET {column} = ? WHERE seq = ?", (value, EDITED_SEQ)
        )
    assert_problem(
        verify_file,
        scenario.path,
        seq=EDITED_SEQ,
        entity_type=row["entity_type"],
        entity_id=row["entity_id"],
        reason="content was changed",
    )


def test_an_event_edited_and_rehashed(scenario: Any, verify_file: Verify) -> None:
    """Recomputing the edited event's own hash moves the mismatch to the next event."""
    with sqlite_tool(scenario.path) as connection:
        connection.execute(
            "UPDATE audit_event SET actor = 'someone else' WHERE seq = ?", (EDITED_SEQ,)
        )
        rehash(connection, EDITED_SEQ)
        following = event_row(connection, EDITED_SEQ + 1)
    assert_problem(
        verify_file,
        scenario.path,
        seq=EDITED_SEQ + 1,
        entity_type=following["entity_type"],
        entity_id=following["entity_id"],
        reason="does not follow the event before it",
    )


def test_an_event_deleted_in_the_middle(scenario: Any, verify_file: Verify) -> None:
    with sqlite_tool(scenario.path) as connection:
        following = event_row(connection, EDITED_SEQ + 1)
        connection.execute("DELETE FROM audit_event WHERE seq = ?", (EDITED_SEQ,))
    problem = assert_problem(
        verify_file,
        scenario.path,
        seq=EDITED_SEQ + 1,
        entity_type=following["entity_type"],
        entity_id=following["entity_id"],
        reason="missing",
    )
    assert f"#{EDITED_SEQ}" in problem.reason


def test_an_event_deleted_and_the_rest_renumbered(scenario: Any, verify_file: Verify) -> None:
    with sqlite_tool(scenario.path) as connection:
        following = event_row(connection, EDITED_SEQ + 1)
        connection.execute("DELETE FROM audit_event WHERE seq = ?", (EDITED_SEQ,))
        renumber(connection, EDITED_SEQ + 1, -1)
        set_head(connection, scenario.events - 1)
    assert_problem(
        verify_file,
        scenario.path,
        seq=EDITED_SEQ,
        entity_type=following["entity_type"],
        entity_id=following["entity_id"],
        reason="does not follow the event before it",
    )


def test_the_last_event_deleted(scenario: Any, verify_file: Verify) -> None:
    last = scenario.events
    with sqlite_tool(scenario.path) as connection:
        connection.execute("DELETE FROM audit_event WHERE seq = ?", (last,))
    problem = assert_problem(
        verify_file,
        scenario.path,
        seq=last - 1,
        entity_type="audit_event",
        entity_id=None,
        reason=f"recorded head is event #{last}",
    )
    assert f"ends at event #{last - 1}" in problem.reason


def test_the_head_row_deleted(scenario: Any, verify_file: Verify) -> None:
    with sqlite_tool(scenario.path) as connection:
        connection.execute("DELETE FROM audit_head")
    assert_problem(
        verify_file,
        scenario.path,
        seq=scenario.events,
        entity_type="audit_event",
        entity_id=None,
        reason="recorded head is event #0",
    )


def test_an_event_inserted_in_the_middle(scenario: Any, verify_file: Verify) -> None:
    """A forged event with a correct hash of its own still breaks the link to the next one."""
    with sqlite_tool(scenario.path) as connection:
        # The event now at #EDITED_SEQ moves to the next place; the forgery takes its place.
        following = event_row(connection, EDITED_SEQ)
        renumber(connection, EDITED_SEQ, +1)
        forged = dict(following)
        forged.update(
            id=uuid.uuid4().hex,
            actor="forger",
            action="person.update",
            before=following["after"],
            prev_hash=event_row(connection, EDITED_SEQ - 1)["hash"],
        )
        forged["hash"] = stored_hash(forged)
        names = ", ".join(forged)
        marks = ", ".join("?" for _ in forged)
        connection.execute(
            f"INSERT INTO audit_event ({names}) VALUES ({marks})", list(forged.values())
        )
        set_head(connection, scenario.events + 1)
    assert_problem(
        verify_file,
        scenario.path,
        seq=EDITED_SEQ + 1,
        entity_type=following["entity_type"],
        entity_id=following["entity_id"],
        reason="does not follow the event before it",
    )


def test_an_event_appended_without_moving_the_head(scenario: Any, verify_file: Verify) -> None:
    last = scenario.events
    with sqlite_tool(scenario.path) as connection:
        forged = event_row(connection, last)
        forged.update(
            seq=last + 1, id=uuid.uuid4().hex, before=forged["after"], prev_hash=forged["hash"]
        )
        forged["hash"] = stored_hash(forged)
        names = ", ".join(forged)
        marks = ", ".join("?" for _ in forged)
        connection.execute(
            f"INSERT INTO audit_event ({names}) VALUES ({marks})", list(forged.values())
        )
    assert_problem(
        verify_file,
        scenario.path,
        seq=last + 1,
        entity_type="audit_event",
        entity_id=None,
        reason=f"ends at event #{last + 1} but its recorded head is event #{last}",
    )


# ------------------------------------------------------------- log and head consistent


def test_last_event_and_head_rewritten_but_not_the_data(scenario: Any, verify_file: Verify) -> None:
    """The chain and its head agree, but the log no longer describes the data."""
    last = scenario.events
    with sqlite_tool(scenario.path) as connection:
        row = event_row(connection, last)
        after = json.loads(row["after"])
        after["phone"] = "099 999 999"
        connection.execute(
            "UPDATE audit_event SET after = ? WHERE seq = ?", (audit.canonical(after), last)
        )
        rehash(connection, last)
        set_head(connection, last)
    report, _check = verify_file(scenario.path)
    assert report.events == last  # the chain itself is whole
    assert_problem(
        verify_file,
        scenario.path,
        seq=None,
        entity_type="person",
        entity_id=str(scenario.activist),
        reason="changed outside CivicDesk",
    )


def test_last_event_removed_and_head_moved_back(scenario: Any, verify_file: Verify) -> None:
    """Hiding the newest change by cutting it and its head: the data still shows it."""
    last = scenario.events
    with sqlite_tool(scenario.path) as connection:
        connection.execute("DELETE FROM audit_event WHERE seq = ?", (last,))
        set_head(connection, last - 1)
    assert_problem(
        verify_file,
        scenario.path,
        seq=None,
        entity_type="person",
        entity_id=str(scenario.activist),
        reason="changed outside CivicDesk",
    )


def test_a_whole_consistent_rewrite_is_caught_only_by_the_anchored_head(
    scenario: Any, verify_file: Verify
) -> None:
    """Whoever holds the file can rewrite data, last event and head together (DESIGN §5): the
    chain then verifies, and only the head recorded elsewhere (in a signed PDF, at the
    secretariat) shows it. This pins down that limit, and that the head does change."""
    anchored = verify_file(scenario.path)[0].head_hash
    last = scenario.events
    with sqlite_tool(scenario.path) as connection:
        connection.execute(
            "UPDATE person SET phone = '099 999 999' WHERE id = ?", (scenario.activist.hex,)
        )
        row = event_row(connection, last)
        after = json.loads(row["after"])
        after["phone"] = "099 999 999"
        connection.execute(
            "UPDATE audit_event SET after = ? WHERE seq = ?", (audit.canonical(after), last)
        )
        rehash(connection, last)
        set_head(connection, last)
    report, _check = verify_file(scenario.path)
    assert report.ok
    assert report.head_hash != anchored
