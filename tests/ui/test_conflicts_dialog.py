"""The conflict dialog: records changed both here and on a district laptop, compared side by side
and resolved with "keep mine" or "take theirs"; a locked record can only be kept, and a refusal
is shown in the person's language without changing anything."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from civicdesk.exchange import conflicts
from civicdesk.i18n import translations_for
from civicdesk.models import Attendance, Meeting
from civicdesk.models.enums import AttendanceRole, Side
from civicdesk.services import attendance, meetings, open_database
from civicdesk.storage.backup import backup_sqlite
from civicdesk.storage.database import Database, sqlite_url
from civicdesk.ui.dialogs.conflicts import ConflictDialog
from civicdesk.ui.itemmodels.conflicts import ConflictColumn, DifferenceColumn
from civicdesk.ui.main_window import MainWindow
from tests.exchange.helpers import (
    District,
    export,
    full_state,
    import_all,
    phone_of,
    plan_district,
    set_phone,
)
from tests.ui.test_packages import open_file, summary_answered

Shown = list[tuple[str, str]]


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Database]]:
    """Other computers, each a database with a laptop id of its own."""
    made: dict[str, Database] = {}

    def make(name: str) -> Database:
        made[name] = open_database(sqlite_url(tmp_path / f"{name}.sqlite"))
        return made[name]

    made["district"] = make("district")
    made["elsewhere"] = make("elsewhere")
    yield made
    for database in made.values():
        database.dispose()


@pytest.fixture
def bavel(database: Database, laptops: dict[str, Database], tmp_path: Path) -> District:
    """Bavel's meeting, planned on the district laptop and imported here."""
    district = plan_district(laptops["district"])
    import_all(database, [export(laptops["district"], tmp_path / "first.cdpkg")])
    return district


def _cells(dialog: ConflictDialog) -> list[tuple[str, ...]]:
    """(field, mine, theirs) as shown, without the invisible break hints between Khmer words."""
    model = dialog.differences
    return [
        tuple(
            str(model.index(row, column).data()).replace("\u200b", "")
            for column in DifferenceColumn
        )
        for row in range(model.rowCount())
    ]


def _phone_conflict(database: Database, district: Database, bavel: District, path: Path) -> Path:
    """The activist's phone changed on the laptop, then (later) here."""
    set_phone(district, bavel.activist, "012 111 111")
    package = export(district, path)
    set_phone(database, bavel.activist, "012 222 222")
    return package


def _set_venue(database: Database, meeting_id: uuid.UUID, venue: str) -> None:
    with database.transaction("clerk") as session:
        details = meetings.meeting_details(session, meeting_id)
        meetings.update_meeting(session, meeting_id, dataclasses.replace(details, venue_en=venue))


def _venue(database: Database, meeting_id: uuid.UUID) -> str:
    with database.reading() as session:
        return session.scalars(select(Meeting.venue_en).where(Meeting.id == meeting_id)).one()


def _sign(database: Database, meeting_id: uuid.UUID) -> None:
    with database.transaction("clerk") as session:
        meetings.close_meeting(session, meeting_id)
        meetings.sign_meeting(session, meeting_id)


def test_an_import_with_a_conflict_offers_it_and_take_theirs_applies_theirs(
    main_window: MainWindow,
    database: Database,
    laptops: dict[str, Database],
    bavel: District,
    answer_yes: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    package = _phone_conflict(database, laptops["district"], bavel, tmp_path / "second.cdpkg")
    open_file(monkeypatch, package)
    seen = summary_answered(monkeypatch, accept=True)

    main_window._import_package_action.trigger()

    assert "1 conflict to resolve" in seen[0].changes.text()
    assert "1 record was changed both here and in the package" in answer_yes[-1]
    dialog = main_window.packages().conflicts_dialog()
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert dialog.conflict_count() == 1
    model = dialog.model
    assert model.index(0, ConflictColumn.KIND).data() == "Person"
    assert model.index(0, ConflictColumn.RECORD).data() == "Srey Pov"
    assert model.index(0, ConflictColumn.FIELDS).data() == "Phone"
    assert _cells(dialog) == [("Phone", "012 222 222", "012 111 111")]
    assert "on this computer" in dialog.mine_origin.text()
    assert "(package second.cdpkg)" in dialog.theirs_origin.text()
    assert dialog.take_theirs_button.isEnabled() and dialog.lock_note.isHidden()

    dialog.take_theirs_button.click()

    assert phone_of(database, bavel.activist) == "012 111 111"
    assert dialog.conflict_count() == 0
    assert dialog.heading.text() == "No conflicts to resolve."
    assert not dialog.keep_mine_button.isEnabled() and not dialog.take_theirs_button.isEnabled()
    with database.reading() as session:
        (resolved,) = conflicts(session, include_resolved=True)
    assert resolved.resolution == "theirs"


def test_keep_mine_from_the_file_menu(
    main_window: MainWindow,
    database: Database,
    laptops: dict[str, Database],
    bavel: District,
    tmp_path: Path,
) -> None:
    package = _phone_conflict(database, laptops["district"], bavel, tmp_path / "second.cdpkg")
    import_all(database, [package])

    main_window._conflicts_action.trigger()

    dialog = main_window.packages().conflicts_dialog()
    assert dialog is not None and dialog.conflict_count() == 1
    dialog.keep_mine_button.click()
    assert phone_of(database, bavel.activist) == "012 222 222"
    with database.reading() as session:
        assert conflicts(session) == []
        (resolved,) = conflicts(session, include_resolved=True)
    assert resolved.resolution == "mine"
    assert dialog.conflict_count() == 0
    dialog.close()
    assert main_window.packages().conflicts_dialog() is None


def test_no_conflicts_to_resolve(main_window: MainWindow, message_boxes: Shown) -> None:
    main_window._conflicts_action.trigger()
    assert message_boxes == [("information", "No conflicts to resolve.")]
    assert main_window.packages().conflicts_dialog() is None


def test_a_deletion_reads_deleted_and_taking_it_deletes(
    main_window: MainWindow,
    database: Database,
    laptops: dict[str, Database],
    bavel: District,
    tmp_path: Path,
) -> None:
    district = laptops["district"]
    with district.transaction("clerk") as session:
        attendance.remove_attendance(session, bavel.activist_attendance)
    package = export(district, tmp_path / "removed.cdpkg")
    with database.transaction("secretariat") as session:  # changed here, later
        attendance.update_attendance(
            session,
            bavel.activist_attendance,
            role=AttendanceRole.OBSERVER,
            side=Side.CIVIL_SOCIETY,
            may_vote=False,
        )
    import_all(database, [package])

    main_window._conflicts_action.trigger()
    dialog = main_window.packages().conflicts_dialog()
    assert dialog is not None
    model = dialog.model
    assert model.index(0, ConflictColumn.KIND).data() == "Attendance"
    assert model.index(0, ConflictColumn.RECORD).data() == "Srey Pov"  # named after the person
    assert model.index(0, ConflictColumn.FIELDS).data() == "deleted on one side"
    cells = _cells(dialog)
    assert ("Role", "Observer", "deleted") in cells
    assert ("May vote", "No", "deleted") in cells
    assert {theirs for _field, _mine, theirs in cells} == {"deleted"}

    dialog.take_theirs_button.click()

    with database.reading() as session:
        assert session.get(Attendance, bavel.activist_attendance) is None
    assert dialog.conflict_count() == 0


def test_a_locked_record_can_only_be_kept(
    main_window: MainWindow, laptops: dict[str, Database], database: Database, tmp_path: Path
) -> None:
    """The meeting was signed on the district laptop while another laptop edited it: the signed
    version is in use here, the edit is set aside and cannot replace it."""
    district, elsewhere = laptops["district"], laptops["elsewhere"]
    bavel = plan_district(district)
    first = export(district, tmp_path / "first.cdpkg")
    _sign(district, bavel.meeting)
    signed = export(district, tmp_path / "signed.cdpkg")
    import_all(elsewhere, [first])
    _set_venue(elsewhere, bavel.meeting, "Another hall")
    edited = export(elsewhere, tmp_path / "edited.cdpkg")
    import_all(database, [first, signed, edited])

    main_window._conflicts_action.trigger()
    dialog = main_window.packages().conflicts_dialog()
    assert dialog is not None and dialog.conflict_count() == 1

    assert ("Venue in English", "(empty)", "Another hall") in _cells(dialog)
    assert not dialog.lock_note.isHidden() and "locked" in dialog.lock_note.text()
    assert not dialog.take_theirs_button.isEnabled()
    assert dialog.keep_mine_button.isEnabled()
    dialog.keep_mine_button.click()
    assert dialog.conflict_count() == 0
    assert _venue(database, bavel.meeting) == ""


def test_taking_theirs_refused_in_khmer_when_the_record_was_locked_meanwhile(
    main_window: MainWindow,
    database: Database,
    laptops: dict[str, Database],
    bavel: District,
    tmp_path: Path,
) -> None:
    district = laptops["district"]
    _set_venue(district, bavel.meeting, "Hall A")
    package = export(district, tmp_path / "second.cdpkg")
    _set_venue(database, bavel.meeting, "Hall B")  # later, here
    import_all(database, [package])
    main_window._conflicts_action.trigger()
    dialog = main_window.packages().conflicts_dialog()
    assert dialog is not None and dialog.take_theirs_button.isEnabled()

    main_window.switch_language("km")
    try:
        khmer = translations_for("km")
        assert dialog.windowTitle() == khmer.gettext("Conflicts between versions")
        assert dialog.model.index(0, ConflictColumn.KIND).data() == "កិច្ចប្រជុំ"
        assert ("ទីកន្លែងជាភាសាអង់គ្លេស", "Hall B", "Hall A") in _cells(dialog)
        _sign(database, bavel.meeting)  # in the workspace, while the dialog was open
        before = full_state(database)

        dialog.take_theirs_button.click()

        assert not dialog.banner.isHidden()
        english = (
            "This record is locked here (a signed meeting or an endorsed joint list): the other "
            "version cannot replace it. Keep this one."
        )
        message = khmer.gettext(english)
        assert message != english
        assert dialog.banner.text().replace("\u200b", "") == message
        assert full_state(database) == before
        assert _venue(database, bavel.meeting) == "Hall B"
        assert dialog.conflict_count() == 1
        assert not dialog.take_theirs_button.isEnabled()  # now known to be locked
    finally:
        main_window.switch_language("en")


def test_the_summary_warns_of_a_laptop_history_rewritten_after_a_restore(
    main_window: MainWindow,
    database: Database,
    laptops: dict[str, Database],
    bavel: District,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A copy of the laptop kept on a USB stick, restored and worked on: its package does not
    continue the history recorded here, and the summary says so before anything is imported."""
    district = laptops["district"]
    assert district.path is not None
    usb_copy = backup_sqlite(district.path, tmp_path / "usb" / "district.sqlite")
    set_phone(district, bavel.activist, "012 111 111")
    import_all(database, [export(district, tmp_path / "sent.cdpkg")])
    restored = open_database(sqlite_url(usb_copy), migrate=False)
    try:
        set_phone(restored, bavel.activist, "012 999 999")
        rewritten = export(restored, tmp_path / "rewritten.cdpkg")
    finally:
        restored.dispose()
    open_file(monkeypatch, rewritten)
    seen = summary_answered(monkeypatch, accept=False)
    before = full_state(database)

    main_window._import_package_action.trigger()

    (dialog,) = seen
    assert dialog.summary.flagged
    assert dialog.warning.isVisibleTo(dialog) and dialog._warning_icon.isVisibleTo(dialog)
    assert "does not continue" in dialog.warning.text()
    assert "WARNING" not in dialog.changes.text()  # said once, in the warning
    assert not dialog.import_button.isHidden()  # the records can still be merged
    assert full_state(database) == before
