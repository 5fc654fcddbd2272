"""The Sign-in step, as the clerk at the door uses it: find a person and press Enter, add someone
new without leaving the screen, mark invited people absent, count anonymous participants,
import a list; with the live counts, undo through the services, and what ends up recorded."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.models.enums import (
    AttendanceRole,
    AttendanceStatus,
    OrganisationKind,
    Sex,
    Side,
)
from civicdesk.services import attendance, people
from civicdesk.services.attendance import AttendanceRow
from civicdesk.storage.database import Database
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.sign_in import SignInPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed


@pytest.fixture
def newcomer(database: Database, open_meeting: Seed) -> uuid.UUID:
    """Someone in the directory who has not come yet."""
    with database.transaction("test") as session:
        return people.create_person(
            session,
            name_km="លឹម ណារី",
            name_latin="Lim Nary",
            sex=Sex.FEMALE,
            organisation_id=open_meeting.cso,
            phone="097 555 1234",
        )


@pytest.fixture
def page(workspace: MeetingWorkspace, newcomer: uuid.UUID) -> SignInPage:
    workspace.show_step(Step.SIGN_IN)
    page = workspace.page(Step.SIGN_IN)
    assert isinstance(page, SignInPage)
    return page


def _rows(database: Database, seed: Seed) -> dict[str, AttendanceRow]:
    with database.reading() as session:
        return {r.name_latin: r for r in attendance.attendance_list(session, seed.meeting)}


def _search(qtbot: QtBot, page: SignInPage, text: str) -> None:
    search = page.search_panel.search
    search.setFocus()
    search.clear()
    qtbot.keyClicks(search, text)


def _ok(buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()


# ---------------------------------------------------------------------------- search, Enter


def test_typing_and_enter_sign_in_the_highlighted_person(
    qtbot: QtBot, page: SignInPage, database: Database, open_meeting: Seed
) -> None:
    _search(qtbot, page, "lim")
    assert page.search_panel.results_model.rowCount() == 1
    qtbot.keyClick(page.search_panel.search, Qt.Key.Key_Return)
    nary = _rows(database, open_meeting)["Lim Nary"]
    assert nary.status is AttendanceStatus.PRESENT
    assert (nary.role, nary.side, nary.may_vote) == (
        AttendanceRole.PARTICIPANT,
        Side.CIVIL_SOCIETY,
        True,
    )
    assert page.search_panel.search.text() == ""
    assert "Lim Nary" in page.feedback.text()
    # A second Enter, with nothing typed, signs no one else in.
    assert page.search_panel.current_person() is None
    qtbot.keyClick(page.search_panel.search, Qt.Key.Key_Return)
    assert len(_rows(database, open_meeting)) == 5
    # The counts follow at once: 5 present, 3 women.
    counts = page.counts.label.text()
    assert "Present: <b>5</b>" in counts and "Women: <b>3</b>" in counts


def test_a_search_finds_khmer_names_organisations_and_phones(
    qtbot: QtBot, page: SignInPage
) -> None:
    page.search_panel.search.setFocus()
    page.search_panel.search.insert("ណារី")
    assert page.search_panel.current_person().name_latin == "Lim Nary"  # type: ignore[union-attr]
    _search(qtbot, page, "555 12")
    assert page.search_panel.current_person().name_latin == "Lim Nary"  # type: ignore[union-attr]
    _search(qtbot, page, "aphivat")
    assert page.search_panel.results_model.rowCount() == 3  # everyone of the CSO


def test_the_arrow_keys_move_the_highlight_from_the_search_line(
    qtbot: QtBot, page: SignInPage, database: Database, open_meeting: Seed
) -> None:
    _search(qtbot, page, "aphivat")
    first = page.search_panel.current_person()
    qtbot.keyClick(page.search_panel.search, Qt.Key.Key_Down)
    second = page.search_panel.current_person()
    assert first is not None and second is not None and first.id != second.id
    qtbot.keyClick(page.search_panel.search, Qt.Key.Key_Up)
    assert page.search_panel.current_person() == first


def test_someone_already_signed_in_is_not_signed_in_twice(
    qtbot: QtBot, page: SignInPage, workspace: MeetingWorkspace
) -> None:
    _search(qtbot, page, "srey pov")
    qtbot.keyClick(page.search_panel.search, Qt.Key.Key_Return)
    assert "already signed in" in page.feedback.text()
    assert workspace.context.undo_stack.count() == 0


def test_role_side_and_vote_can_be_chosen(
    qtbot: QtBot, page: SignInPage, database: Database, open_meeting: Seed
) -> None:
    _search(qtbot, page, "lim")
    options = page.options
    options.role.setCurrentIndex(options.role.findData(AttendanceRole.OBSERVER.value))
    options.role.activated.emit(options.role.currentIndex())
    assert not options.may_vote.isChecked()  # observers do not vote, unless told otherwise
    options.side.setCurrentIndex(options.side.findData(Side.OBSERVER.value))
    qtbot.mouseClick(page.search_panel.sign_in_button, Qt.MouseButton.LeftButton)
    nary = _rows(database, open_meeting)["Lim Nary"]
    assert (nary.role, nary.side, nary.may_vote) == (AttendanceRole.OBSERVER, Side.OBSERVER, False)


def test_signing_in_is_undone_and_redone_through_the_services(
    qtbot: QtBot,
    page: SignInPage,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
) -> None:
    _search(qtbot, page, "lim")
    qtbot.keyClick(page.search_panel.search, Qt.Key.Key_Return)
    stack = workspace.context.undo_stack
    stack.undo()
    assert "Lim Nary" not in _rows(database, open_meeting)
    stack.redo()
    assert _rows(database, open_meeting)["Lim Nary"].status is AttendanceStatus.PRESENT
    # The redo made a new attendance row; undoing again still finds it.
    stack.undo()
    assert "Lim Nary" not in _rows(database, open_meeting)


# ---------------------------------------------------------------------------- a new person


def test_a_new_person_with_a_new_organisation_is_added_and_signed_in(
    qtbot: QtBot,
    page: SignInPage,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
) -> None:
    _search(qtbot, page, "Ouk Vanna")
    assert page.search_panel.results_model.rowCount() == 0
    qtbot.mouseClick(page.search_panel.add_button, Qt.MouseButton.LeftButton)
    form = page.new_person
    assert form.isVisible() and form.name_latin.text() == "Ouk Vanna"
    form.name_km.insert("អ៊ុក វណ្ណា")
    form.male.click()
    form.new_organisation.click()
    page.apply_lock(False)  # as the window does after every change
    assert not form.organisation.isEnabled()
    form.organisation_km.insert("សហគមន៍តាពុង")
    qtbot.keyClicks(form.organisation_en, "Ta Pung community")
    form.organisation_kind.setCurrentIndex(
        form.organisation_kind.findData(OrganisationKind.CBO.value)
    )
    form.organisation_kind.activated.emit(form.organisation_kind.currentIndex())
    qtbot.keyClicks(form.position, "Chief")
    qtbot.keyClicks(form.phone, "012 345 678")
    assert page.options.side.currentData() == Side.CIVIL_SOCIETY.value
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)

    vanna = _rows(database, open_meeting)["Ouk Vanna"]
    assert vanna.name_km == "អ៊ុក វណ្ណា"
    assert (vanna.sex, vanna.status, vanna.side) == (
        Sex.MALE,
        AttendanceStatus.PRESENT,
        Side.CIVIL_SOCIETY,
    )
    assert vanna.organisation_name_en == "Ta Pung community"
    assert (vanna.position, vanna.phone) == ("Chief", "012 345 678")
    with database.reading() as session:
        organisations = {o.name_en: o for o in people.list_organisations(session)}
    assert organisations["Ta Pung community"].kind is OrganisationKind.CBO
    assert page.search_panel.isVisible()  # back to the search, ready for the next person

    # Undo takes the sign-in back; the person stays in the directory; redo signs them in again.
    workspace.context.undo_stack.undo()
    assert "Ouk Vanna" not in _rows(database, open_meeting)
    workspace.context.undo_stack.redo()
    assert _rows(database, open_meeting)["Ouk Vanna"].person_id == vanna.person_id
    with database.reading() as session:
        assert len(people.search_people(session, "Ouk Vanna")) == 1


def test_a_new_person_of_a_known_organisation_takes_its_side(
    qtbot: QtBot, page: SignInPage, database: Database, open_meeting: Seed
) -> None:
    page.search_panel.add_button.click()
    form = page.new_person
    qtbot.keyClicks(form.name_latin, "Keo Dara")
    form.female.click()
    line = form.organisation.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, "bavel")
    popup = form.organisation.completer().popup()  # type: ignore[union-attr]
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.options.side.currentData() == Side.SNA.value
    qtbot.keyClick(form.name_latin, Qt.Key.Key_Return)  # Enter in a field adds
    dara = _rows(database, open_meeting)["Keo Dara"]
    assert dara.side is Side.SNA
    assert dara.organisation_name_en == "Bavel District Administration"


def test_a_new_person_form_marks_what_is_missing_and_writes_nothing(
    qtbot: QtBot, page: SignInPage, database: Database, open_meeting: Seed
) -> None:
    before = _rows(database, open_meeting)
    page.search_panel.add_button.click()
    form = page.new_person
    form.add_button.click()
    errors = form.visible_errors()
    assert any("name" in e for e in errors) and "Choose female or male." in errors
    # A refusal by the service shows next to its field.
    qtbot.keyClicks(form.name_latin, "Pich Sokha")
    form.female.click()
    qtbot.keyClicks(form.phone, "call me")
    form.add_button.click()
    assert any("does not look like a phone number" in e for e in form.visible_errors())
    assert _rows(database, open_meeting) == before
    with database.reading() as session:
        assert people.search_people(session, "Pich Sokha") == []
    form.cancel_button.click()
    assert page.search_panel.isVisible()


# ---------------------------------------------------------------------------- the list


def test_removing_from_the_list_is_undone_as_it_was(
    page: SignInPage, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    rows = _rows(database, open_meeting)
    with database.transaction("test") as session:
        attendance.update_attendance(
            session, rows["Chea Vuthy"].id, role=AttendanceRole.CHAIR, side=Side.SNA, may_vote=False
        )
    page.reload()
    page.attendance_panel.select(rows["Chea Vuthy"].id)
    page.attendance_panel.remove_button.click()
    assert "Chea Vuthy" not in _rows(database, open_meeting)
    workspace.context.undo_stack.undo()
    restored = _rows(database, open_meeting)["Chea Vuthy"]
    assert (restored.role, restored.side, restored.may_vote, restored.status) == (
        AttendanceRole.CHAIR,
        Side.SNA,
        False,
        AttendanceStatus.PRESENT,
    )


def test_an_invited_person_is_marked_absent_with_a_reason_then_arrives(
    page: SignInPage,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    newcomer: uuid.UUID,
) -> None:
    with database.transaction("test") as session:
        invited = attendance.invite(session, open_meeting.meeting, newcomer)
    page.reload()
    panel = page.attendance_panel
    panel.select(invited)
    assert panel.absent_button.isEnabled() and panel.sign_in_button.isEnabled()
    panel.absent_button.click()
    dialog = panel.absence_dialog
    assert dialog is not None
    dialog.reason_km.insert("ឈឺ")
    dialog.reason_en.setText("Ill")
    _ok(dialog.buttons)
    nary = _rows(database, open_meeting)["Lim Nary"]
    assert (nary.status, nary.absence_reason, nary.absence_reason_en) == (
        AttendanceStatus.ABSENT,
        "ឈឺ",
        "Ill",
    )
    workspace.context.undo_stack.undo()
    assert _rows(database, open_meeting)["Lim Nary"].status is AttendanceStatus.INVITED
    # She arrives after all.
    panel.select(_rows(database, open_meeting)["Lim Nary"].id)
    panel.sign_in_button.click()
    assert _rows(database, open_meeting)["Lim Nary"].status is AttendanceStatus.PRESENT
    workspace.context.undo_stack.undo()
    assert _rows(database, open_meeting)["Lim Nary"].status is AttendanceStatus.INVITED


# ---------------------------------------------------------------------------- headcounts


def test_headcounts_are_added_changed_and_removed(
    page: SignInPage, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    panel = page.headcount_panel
    page.tabs.setCurrentWidget(panel)
    panel.add_button.click()
    dialog = panel.dialog
    assert dialog is not None
    dialog.group_km.insert("យុវជន")
    dialog.group_en.setText("Youth")
    dialog.women.setValue(4)
    dialog.men.setValue(3)
    _ok(dialog.buttons)

    def counted() -> list[tuple[str, int, int]]:
        with database.reading() as session:
            return [
                (h.group_en, h.women, h.men)
                for h in attendance.headcounts(session, open_meeting.meeting)
            ]

    assert counted() == [("Youth", 4, 3)]
    assert "Present: <b>11</b>" in page.counts.label.text()
    panel.table.selectRow(0)
    panel.edit_button.click()
    dialog = panel.dialog
    assert dialog is not None and not dialog.group_en.isEnabled()
    dialog.women.setValue(6)
    _ok(dialog.buttons)
    assert counted() == [("Youth", 6, 3)]
    panel.table.selectRow(0)
    panel.remove_button.click()
    assert counted() == []
    stack = workspace.context.undo_stack
    stack.undo()  # the removal: back, under a new id
    assert counted() == [("Youth", 6, 3)]
    stack.undo()  # the change, found under the new id
    assert counted() == [("Youth", 4, 3)]
    stack.undo()
    assert counted() == []


def test_an_empty_headcount_is_refused_in_its_dialog(page: SignInPage) -> None:
    panel = page.headcount_panel
    panel.add_button.click()
    dialog = panel.dialog
    assert dialog is not None
    dialog.group_en.setText("Youth")
    _ok(dialog.buttons)
    assert dialog.isVisible() and "at least one person" in dialog.error.text()
    dialog.reject()


# ---------------------------------------------------------------------------- counts, missing


def test_what_is_missing_follows_the_sides_present(
    page: SignInPage, database: Database, open_meeting: Seed
) -> None:
    assert page.missing() == []
    rows = _rows(database, open_meeting)
    for name in ("Sok Chanthy", "Chea Vuthy"):
        page.attendance_panel.select(rows[name].id)
        page.attendance_panel.remove_button.click()
    assert page.missing() == ["No one from the administration side"]
    for name in ("Srey Pov", "Heng Sophea"):
        page.attendance_panel.select(rows[name].id)
        page.attendance_panel.remove_button.click()
    assert page.missing() == ["No one signed in yet"]


# ---------------------------------------------------------------------------- import


CSV = (
    "Name (Khmer),Name (Latin),Sex,Organisation,Position,Side,Phone\n"
    "ស្រី ពៅ,Srey Pov,F,AS,,,\n"
    ",Mao Sreymom,F,Youth Network Bavel,Member,CSO,012 345 678\n"
    ",Ouk Vanna,M,Bavel District Administration,Clerk,,\n"
    ",,F,AS,,,\n"
    "ស៊ាន,Sean,X,AS,,,\n"
)


@pytest.fixture
def participant_list(tmp_path: Path) -> Path:
    path = tmp_path / "participants.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    return path


def test_an_import_is_previewed_then_confirmed_in_one_go(
    qtbot: QtBot,
    page: SignInPage,
    database: Database,
    open_meeting: Seed,
    participant_list: Path,
) -> None:
    before = _rows(database, open_meeting)
    dialog = page.preview_import(participant_list)
    assert dialog is not None
    assert dialog.planned_model.rowCount() == 3 and dialog.errors_model.rowCount() == 2
    assert [dialog.errors_model.row_at(r).row for r in range(2)] == [5, 6]
    assert _rows(database, open_meeting) == before  # nothing yet
    _ok(dialog.buttons)
    rows = _rows(database, open_meeting)
    assert rows["Mao Sreymom"].status is AttendanceStatus.PRESENT
    assert rows["Ouk Vanna"].side is Side.SNA
    assert rows["Srey Pov"] == before["Srey Pov"]  # already there: skipped
    assert "2 on the list" in page.feedback.text()


def test_an_import_can_invite_instead(
    page: SignInPage, database: Database, open_meeting: Seed, participant_list: Path
) -> None:
    dialog = page.preview_import(participant_list)
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData(AttendanceStatus.INVITED.value))
    _ok(dialog.buttons)
    assert _rows(database, open_meeting)["Mao Sreymom"].status is AttendanceStatus.INVITED


def test_a_cancelled_import_leaves_nothing_imported(
    page: SignInPage,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    participant_list: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _rows(database, open_meeting)
    with database.reading() as session:
        directory = len(people.search_people(session, "", 1000))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _self: True)
    dialog = page.preview_import(participant_list)
    assert dialog is not None
    _ok(dialog.buttons)
    assert _rows(database, open_meeting) == before
    with database.reading() as session:
        assert len(people.search_people(session, "", 1000)) == directory
    assert "nothing was imported" in workspace._error_banner.text()


def test_an_unreadable_file_is_explained(
    page: SignInPage, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    path = tmp_path / "list.xlsx"
    path.write_text("not a workbook")
    assert page.preview_import(path) is None
    assert message_boxes[-1][0] == "warning" and "XLSX" in message_boxes[-1][1]


# ------------------------------------------------------------------ models, language, lock


def test_the_page_models_pass_qt_model_tester(
    qtbot: QtBot,
    qtmodeltester: object,
    page: SignInPage,
    database: Database,
    open_meeting: Seed,
    participant_list: Path,
) -> None:
    with database.transaction("test") as session:
        attendance.record_headcount(session, open_meeting.meeting, group_en="Youth", women=2, men=1)
    page.reload()
    _search(qtbot, page, "a")
    dialog = page.preview_import(participant_list)
    assert dialog is not None
    page.new_person.organisation._filter.set_query("bavel")
    for model in (
        page.search_panel.results_model,
        page.attendance_panel.model,
        page.attendance_panel.table.model(),
        page.headcount_panel.model,
        page.headcount_panel.table.model(),
        page.new_person.organisation.choices,
        page.new_person.organisation._filter,
        dialog.planned_model,
        dialog.errors_model,
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    dialog.reject()


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    qtbot: QtBot,
    database: Database,
    open_meeting: Seed,
    settings: Settings,
    language: str,
) -> None:
    set_language(language)
    try:
        workspace = MeetingWorkspace(database, open_meeting.meeting, settings, actor="test")
        qtbot.addWidget(workspace)
        workspace.resize(1366, 768)
        workspace.show()
        workspace.show_step(Step.SIGN_IN)
        page = workspace.page(Step.SIGN_IN)
        assert isinstance(page, SignInPage)
        model = page.attendance_panel.model
        names = {model.index(r, 0).data() for r in range(model.rowCount())}
        counts = page.counts.label.text()
        if language == "km":
            assert "សុខ ចាន់ធី (Sok Chanthy)" in names
            assert "<b>៤</b>" in counts  # Khmer digits
            assert "សង្គមស៊ីវិល" in counts
        else:
            assert "Sok Chanthy (សុខ ចាន់ធី)" in names
            assert "Present: <b>4</b>" in counts
        page.headcount_panel.add_button.click()
        dialog = page.headcount_panel.dialog
        assert dialog is not None
        assert dialog.women.text() == ("០" if language == "km" else "0")
        dialog.reject()
        page.search_panel.add_button.click()
        page.new_person.new_organisation.click()
        # The new-person form fits beside the list at 1366×768 (it scrolls rather than clips).
        assert page.new_person.minimumSizeHint().height() <= page.height()
    finally:
        set_language("en")


def test_a_signed_meeting_allows_no_sign_in(
    page: SignInPage, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    workspace.close_meeting()
    workspace.sign_meeting()
    page.attendance_panel.table.selectRow(0)
    assert not page.attendance_panel.remove_button.isEnabled()
    assert not page.headcount_panel.add_button.isEnabled()
    assert not page.search_panel.add_button.isEnabled()
    assert not page.import_button.isEnabled()
