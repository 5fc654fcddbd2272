"""Exchange packages from the main window's File menu: export a meeting or a district, import a
package after its summary (Cancel changes nothing, a damaged package is refused and changes
nothing), and the windows show what an import brought."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from civicdesk.exchange import import_package
from civicdesk.services import meetings, open_database
from civicdesk.services.meetings import list_meetings
from civicdesk.storage.database import Database, sqlite_url
from civicdesk.ui.dialogs.package_export import ExportScopeDialog
from civicdesk.ui.dialogs.package_import import ImportSummaryDialog
from civicdesk.ui.main_window import MainWindow
from tests.conftest import Seed
from tests.exchange.helpers import (
    District,
    edit_json,
    export,
    full_state,
    package_ids,
    plan_district,
    rewrite_package,
)

Shown = list[tuple[str, str]]


@pytest.fixture
def district_laptop(tmp_path: Path) -> Iterator[Database]:
    """Another computer: a database of its own (its own laptop id), empty."""
    database = open_database(sqlite_url(tmp_path / "district-laptop.sqlite"))
    yield database
    database.dispose()


@pytest.fixture
def bavel(district_laptop: Database) -> District:
    return plan_district(district_laptop)


def open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The open-file dialog answers `path`; the titles it was asked with are kept."""
    asked: list[str] = []

    def answer(_parent: object, title: str, *args: object) -> tuple[str, str]:
        asked.append(title)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return asked


def summary_answered(monkeypatch: pytest.MonkeyPatch, *, accept: bool) -> list[ImportSummaryDialog]:
    """The import summary is read, then answered with its own buttons."""
    seen: list[ImportSummaryDialog] = []

    def exec_(dialog: ImportSummaryDialog) -> int:
        seen.append(dialog)
        if accept and not dialog.import_button.isHidden():
            dialog.import_button.click()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ImportSummaryDialog, "exec", exec_)
    return seen


def _meeting_titles(window: MainWindow) -> list[str]:
    model = window._model
    return [model.meeting_at(row).title_en for row in range(model.rowCount())]


# --------------------------------------------------------------------------- export


def _export_answered(
    monkeypatch: pytest.MonkeyPatch, target: Path, choose: Callable[[ExportScopeDialog], None]
) -> list[str]:
    suggested: list[str] = []

    def exec_(dialog: ExportScopeDialog) -> int:
        choose(dialog)
        button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        button.click()
        return dialog.result()

    def save(_parent: object, _title: str, directory: str, *args: object) -> tuple[str, str]:
        suggested.append(Path(directory).name)
        return str(target), ""

    monkeypatch.setattr(ExportScopeDialog, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    return suggested


def test_export_a_whole_district(
    main_window: MainWindow,
    seed: Seed,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with main_window._database.transaction("test") as session:
        second = meetings.duplicate_meeting(session, seed.meeting)
    main_window.reload()
    main_window.select_meeting(seed.meeting)
    choices: list[bool] = []

    def choose(dialog: ExportScopeDialog) -> None:
        choices.append(dialog.meeting_choice.isChecked())  # the chosen meeting, by default
        dialog.choose_district("0204")

    suggested = _export_answered(monkeypatch, tmp_path / "bavel", choose)

    main_window._export_package_action.trigger()

    assert choices == [True]
    today = dt.date.today().isoformat()
    assert suggested == [f"civicdesk-0204-bavel-{today}.cdpkg"]
    written = tmp_path / "bavel.cdpkg"  # the suffix is added when the name lacks it
    assert package_ids(written)["meeting"] == {str(seed.meeting), str(second)}
    kind, text = message_boxes[-1]
    assert kind == "information"
    assert str(written) in text and "Meetings: 2" in text


def test_export_the_chosen_meeting_and_bring_it_to_another_computer(
    main_window: MainWindow,
    seed: Seed,
    district_laptop: Database,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with main_window._database.transaction("test") as session:
        other = meetings.duplicate_meeting(session, seed.meeting)
    main_window.reload()
    main_window.select_meeting(seed.meeting)
    suggested = _export_answered(monkeypatch, tmp_path / "one.cdpkg", lambda dialog: None)

    main_window._export_package_action.trigger()

    today = dt.date.today().isoformat()
    assert suggested == [f"civicdesk-0204-bavel-2021-11-23-{today}.cdpkg"]
    assert package_ids(tmp_path / "one.cdpkg")["meeting"] == {str(seed.meeting)}
    assert str(other) not in str(package_ids(tmp_path / "one.cdpkg"))
    assert "Meetings: 1" in message_boxes[-1][1]
    with district_laptop.transaction("clerk") as session:
        summary = import_package(session, tmp_path / "one.cdpkg")
    assert summary.added > 0
    with district_laptop.reading() as session:
        assert meetings.get_meeting_summary(session, seed.meeting).title_en == (
            "Joint consultation, Bavel"
        )


def test_an_export_that_cannot_be_written_says_why(
    main_window: MainWindow,
    seed: Seed,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    main_window.reload()
    main_window.select_meeting(seed.meeting)
    _export_answered(monkeypatch, tmp_path / "no-such-folder" / "x.cdpkg", lambda dialog: None)
    main_window._export_package_action.trigger()
    kind, text = message_boxes[-1]
    assert kind == "warning" and "could not be written" in text
    assert not (tmp_path / "no-such-folder").exists()


def test_nothing_to_export_in_an_empty_database(
    main_window: MainWindow, message_boxes: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object) -> int:
        raise AssertionError("no dialog when there is nothing to export")

    monkeypatch.setattr(ExportScopeDialog, "exec", never)
    main_window._export_package_action.trigger()
    assert message_boxes == [("information", "There are no meetings to export.")]


# --------------------------------------------------------------------------- import


def test_import_shows_the_summary_and_cancel_changes_nothing(
    main_window: MainWindow,
    database: Database,
    district_laptop: Database,
    bavel: District,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    package = export(district_laptop, tmp_path / "bavel.cdpkg")
    open_file(monkeypatch, package)
    seen = summary_answered(monkeypatch, accept=False)
    before = full_state(database)

    main_window._import_package_action.trigger()

    (dialog,) = seen
    assert "bavel.cdpkg" in dialog._file.text()
    assert "Records added: " in dialog.changes.text()
    with district_laptop.reading() as session:
        count = len(list_meetings(session))
    # What the package holds comes first: its district and meetings.
    assert f"District Bavel: {count} meeting" in dialog.changes.text()
    assert "Nothing has been written yet" in dialog._intro.text()
    assert not dialog.nothing_to_do and not dialog.warning.isVisibleTo(dialog)
    assert full_state(database) == before
    assert _meeting_titles(main_window) == []
    assert message_boxes == []


def test_import_on_confirmation_and_the_window_shows_it(
    main_window: MainWindow,
    database: Database,
    district_laptop: Database,
    bavel: District,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    package = export(district_laptop, tmp_path / "bavel.cdpkg")
    open_file(monkeypatch, package)
    seen = summary_answered(monkeypatch, accept=True)

    main_window._import_package_action.trigger()

    (dialog,) = seen
    previewed = dialog.summary
    assert previewed.added > 0 and not previewed.already_imported
    assert _meeting_titles(main_window) == ["Joint consultation, Bavel"]
    kind, text = message_boxes[-1]
    assert kind == "information"
    assert "The package bavel.cdpkg was imported." in text
    assert f"Records added: {previewed.added}" in text
    with database.reading() as session:
        assert meetings.get_meeting_summary(session, bavel.meeting).attendance.total == 2

    # The same package again: the summary says so and offers no Import.
    state = full_state(database)
    main_window._import_package_action.trigger()
    again = seen[-1]
    assert again.nothing_to_do
    assert not again.import_button.isVisibleTo(again)
    assert "already been imported" in again.changes.text()
    assert full_state(database) == state


def test_a_damaged_package_is_refused_and_nothing_changes(
    main_window: MainWindow,
    database: Database,
    district_laptop: Database,
    bavel: District,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    package = export(district_laptop, tmp_path / "bavel.cdpkg")

    def rename_person(_manifest: dict[str, object], entries: dict[str, bytes]) -> None:
        def change(data: Any) -> None:
            column = data["columns"].index("name_latin")
            data["rows"][0][column] = "Someone Else"

        edit_json(entries, "records/person.json", change)

    tampered = rewrite_package(package, tmp_path / "tampered.cdpkg", rename_person, rehash=False)
    open_file(monkeypatch, tampered)
    seen = summary_answered(monkeypatch, accept=True)
    before = full_state(database)

    main_window._import_package_action.trigger()

    assert seen == []  # refused before any summary
    kind, text = message_boxes[-1]
    assert kind == "warning"
    assert text.startswith("This package cannot be imported:")
    assert "records/person.json" in text
    assert full_state(database) == before
    assert _meeting_titles(main_window) == []


def test_a_truncated_file_is_refused_in_khmer(
    main_window: MainWindow,
    database: Database,
    district_laptop: Database,
    bavel: District,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    package = export(district_laptop, tmp_path / "bavel.cdpkg")
    cut = tmp_path / "cut.cdpkg"
    cut.write_bytes(package.read_bytes()[:200])
    assert not zipfile.is_zipfile(cut)
    open_file(monkeypatch, cut)
    before = full_state(database)
    main_window.switch_language("km")
    try:
        main_window._import_package_action.trigger()
    finally:
        main_window.switch_language("en")
    kind, text = message_boxes[-1]
    assert kind == "warning" and text.startswith("មិនអាចនាំចូលកញ្ចប់ទិន្នន័យនេះបានទេ")
    assert full_state(database) == before


def test_an_import_refreshes_the_open_workspace_of_its_meeting(
    main_window: MainWindow,
    district_laptop: Database,
    bavel: District,
    message_boxes: Shown,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    open_file(monkeypatch, export(district_laptop, tmp_path / "first.cdpkg"))
    summary_answered(monkeypatch, accept=True)
    main_window._import_package_action.trigger()
    workspace = main_window.open_meeting(bavel.meeting)
    assert workspace._title.text() == "Joint consultation, Bavel"

    with district_laptop.transaction("clerk") as session:
        details = meetings.meeting_details(session, bavel.meeting)
        meetings.update_meeting(
            session, bavel.meeting, dataclasses.replace(details, title_en="Bavel forum")
        )
    open_file(monkeypatch, export(district_laptop, tmp_path / "second.cdpkg"))
    main_window._import_package_action.trigger()

    assert workspace._title.text() == "Bavel forum"
    assert _meeting_titles(main_window) == ["Bavel forum"]
    workspace.projector.close()


def test_the_file_dialog_cancelled_does_nothing(
    main_window: MainWindow, message_boxes: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: ("", "")))
    seen = summary_answered(monkeypatch, accept=True)
    main_window._import_package_action.trigger()
    assert seen == [] and message_boxes == []
