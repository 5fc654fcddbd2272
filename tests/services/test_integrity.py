"""Checking the audit log: intact on a normal database, and a change behind its back found."""

from __future__ import annotations

from sqlalchemy import text

from civicdesk.services import integrity

from .helpers import audit_head


def test_verify_audit_ok_on_a_normal_database(database, signed) -> None:
    seq, head = audit_head(database)
    with database.reading() as session:
        check = integrity.verify_audit(session)
    assert check.ok
    assert (check.events, check.head_hash) == (seq, head)
    assert "intact" in check.message
    assert head[:16] in check.message


def test_verify_audit_on_an_empty_database(database) -> None:
    with database.reading() as session:
        check = integrity.verify_audit(session)
    assert check.ok
    assert check.events == 0


def test_verify_audit_finds_an_edit_outside_civicdesk(database, open_meeting) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE person SET name_latin = 'Someone Else'"))
    with database.reading() as session:
        check = integrity.verify_audit(session)
    assert not check.ok
    assert "person" in check.message
    assert "changed outside CivicDesk" in check.message


def test_verify_audit_finds_a_removed_event(database, open_meeting) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_event WHERE seq = 3"))
    with database.reading() as session:
        check = integrity.verify_audit(session)
    assert not check.ok
    assert "#3" in check.message
