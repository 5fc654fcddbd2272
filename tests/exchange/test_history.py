"""The secretariat records each laptop's audit-chain head: a package whose history extends it
moves it on, an older one is recognised, and one whose history was rewritten is flagged."""

from __future__ import annotations

from sqlalchemy import select

from civicdesk.cli import main
from civicdesk.exchange import History
from civicdesk.models import ExchangeImport, ExchangeLaptop
from civicdesk.services import open_database
from civicdesk.storage import audit
from civicdesk.storage.backup import backup_sqlite
from civicdesk.storage.database import sqlite_url

from .helpers import audit_ok, export, import_all, plan_district, set_phone


def _recorded_head(database, laptop_id):
    with database.reading() as session:
        known = session.get(ExchangeLaptop, laptop_id)
        return (known.head_seq, known.head_hash) if known else None


def _head(database):
    with database.reading() as session:
        return audit.head(session)


def test_a_later_package_extends_the_head_and_an_older_one_is_recognised(
    laptop, new_database, tmp_path
) -> None:
    district = laptop("district")
    bavel = plan_district(district)
    first = export(district, tmp_path / "first.cdpkg")
    set_phone(district, bavel.activist, "012 111 111")
    second = export(district, tmp_path / "second.cdpkg")
    secretariat = new_database("secretariat")

    newer, older = import_all(secretariat, [second, first])

    assert newer.history is History.FIRST and older.history is History.OLDER
    assert not older.flagged and older.unchanged > 0 and not older.changed
    assert _recorded_head(secretariat, newer.laptop_id) == _head(district)
    (again,) = import_all(secretariat, [export(district, tmp_path / "third.cdpkg")])
    assert again.history is History.SAME

    set_phone(district, bavel.activist, "012 222 222")
    (later,) = import_all(secretariat, [export(district, tmp_path / "fourth.cdpkg")])
    assert later.history is History.EXTENDS and later.updated == 1
    assert _recorded_head(secretariat, later.laptop_id) == _head(district)


def test_a_history_rewritten_after_a_restore_is_flagged_and_recorded(
    laptop, new_database, tmp_path, capsys
) -> None:
    district = laptop("district")
    bavel = plan_district(district)
    assert district.path is not None
    # A copy kept on a USB stick: later restored and worked on as if nothing had happened.
    backup = backup_sqlite(district.path, tmp_path / "usb" / "district.sqlite")
    set_phone(district, bavel.activist, "012 111 111")
    secretariat = new_database("secretariat")
    (sent,) = import_all(secretariat, [export(district, tmp_path / "sent.cdpkg")])
    recorded = _recorded_head(secretariat, sent.laptop_id)

    # The restored file is the same laptop (same id), with a different history from here on.
    again = open_database(sqlite_url(backup), migrate=False)
    try:
        set_phone(again, bavel.activist, "012 999 999")
        rewritten = export(again, tmp_path / "rewritten.cdpkg")
    finally:
        again.dispose()

    (flagged,) = import_all(secretariat, [rewritten])

    assert flagged.flagged and flagged.history is History.FLAGGED
    assert "does not continue" in flagged.history_note
    assert any("WARNING" in line for line in flagged.lines())
    assert _recorded_head(secretariat, sent.laptop_id) == recorded  # the trusted head stays
    with secretariat.reading() as session:
        logged = session.scalars(
            select(ExchangeImport).where(ExchangeImport.package_id == flagged.package_id)
        ).one()
        assert logged.history == "flagged" and logged.history_note == flagged.history_note
    assert audit_ok(secretariat)

    # The command line says so too, and exits with its own code.
    if secretariat.path is not None:
        secretariat.dispose()
        code = main(["package", "import", str(rewritten), "--db", str(secretariat.path)])
        output = capsys.readouterr()
        assert code == 3
        assert "does not continue" in output.err
        assert "Records unchanged" in output.out
