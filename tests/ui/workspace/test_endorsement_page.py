"""The endorsement page: build the joint list, both sides sign (drawn and scanned), then the
meeting is signed and locked."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.models.enums import JointListStatus, MeetingKind, MeetingStatus, Side
from civicdesk.services import attendance, joint_lists, meetings, recommendations, votes
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.joint_list import (
    EndorsementTableModel,
    ItemColumn,
    JointListItemModel,
    SignatoryColumn,
)
from civicdesk.ui.itemmodels.pickers import AttendeeChoiceModel
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.endorsement import EndorsementPage
from civicdesk.ui.workspace.sign_dialog import SignDialog
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed

TEXTS = [
    ("ផ្សព្វផ្សាយថវិកាស្រុក", "Publish the district budget"),
    ("បើកកិច្ចប្រជុំក្រុមប្រឹក្សាជាសាធារណៈ", "Open council meetings to the public"),
]


def adopt(database: Database, meeting: uuid.UUID) -> list[uuid.UUID]:
    """Two recommendations drafted and adopted 2–0 on both sides."""
    tally = votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(2, 0, 0))
    adopted = []
    with database.transaction("test") as session:
        for text_km, text_en in TEXTS:
            recommendation = recommendations.draft_recommendation(
                session, meeting, text_km=text_km, text_en=text_en
            )
            votes.record_vote(session, meeting, recommendation, tally=tally)
            adopted.append(recommendation)
    return adopted


def endorsement_page(window: MeetingWorkspace) -> EndorsementPage:
    window.show_step(Step.ENDORSEMENT)
    page = window.page(Step.ENDORSEMENT)
    assert isinstance(page, EndorsementPage)
    return page


def stored_list(database: Database, meeting: uuid.UUID) -> joint_lists.JointListView:
    with database.reading() as session:
        (joint_list,) = joint_lists.joint_lists(session, meeting_id=meeting)
    return joint_list


def sign_with(page: EndorsementPage, fill: Callable[[SignDialog], None]) -> None:
    """Click Sign…, let `fill` fill in the dialog it opens, and press OK."""
    failures: list[BaseException] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, SignDialog)
            fill(dialog)
            dialog.buttons.accepted.emit()
            assert not dialog.isVisible(), dialog.error_label.text()
        except BaseException as error:  # reported after the dialog is gone
            failures.append(error)
            if isinstance(dialog, SignDialog):
                dialog.reject()

    QTimer.singleShot(0, drive)
    page.sign_button.click()
    if failures:
        raise failures[0]


def draw_signature(qtbot: QtBot, dialog: SignDialog) -> None:
    pad = dialog.drawn.pad
    points = [QPoint(60 + 14 * i, 60 + (22 if i % 2 else 0)) for i in range(14)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def scanned_signature(folder: Path) -> Path:
    image = QImage(1600, 500, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    pen = QPen(QColor(10, 20, 80))
    pen.setWidth(8)
    painter.setPen(pen)
    painter.drawLine(100, 350, 1400, 150)
    painter.drawEllipse(300, 120, 400, 220)
    painter.end()
    path = folder / "signature.jpg"
    assert image.save(str(path), "JPEG")
    return path


def test_build_sign_by_both_sides_then_sign_and_lock_the_meeting(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    tmp_path: Path,
    answer_yes: list[str],
) -> None:
    adopt(database, open_meeting.meeting)
    page = endorsement_page(workspace)
    assert page.missing() == ["Joint list not built"]
    assert not page.sign_button.isEnabled()

    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    joint_list = stored_list(database, open_meeting.meeting)
    assert [item.text_en for item in joint_list.items] == [en for _km, en in TEXTS]
    assert page.items_model.rowCount() == 2
    assert page.items_model.index(0, ItemColumn.TEXT).data() == TEXTS[0][1]
    assert page.missing() == [
        "No signature from the administration side",
        "No signature from civil society",
    ]

    def governor(dialog: SignDialog) -> None:
        assert dialog.chosen_side() is Side.SNA  # the side still to sign comes first
        row = next(
            r
            for r in range(dialog.attendee_model.rowCount())
            if dialog.attendee_model.id_at(r) == open_meeting.official
        )
        dialog.attendee.setCurrentIndex(row)
        dialog.attendee.activated.emit(row)
        assert dialog.name.text() == "Sok Chanthy"
        assert dialog.title_km.text() == "Deputy Governor"  # her position, as recorded
        dialog.title_km.setText("អភិបាលរងស្រុក")
        dialog.title_en.setText("Deputy Governor")
        draw_signature(qtbot, dialog)

    sign_with(page, governor)
    joint_list = stored_list(database, open_meeting.meeting)
    (first,) = joint_list.endorsements
    assert (first.signatory_name, first.side) == ("Sok Chanthy", Side.SNA)
    assert first.title == "អភិបាលរងស្រុក" and first.title_en == "Deputy Governor"
    assert first.organisation_name == "រដ្ឋបាលស្រុកបវេល"
    assert first.signature_png is not None and first.signature_png.startswith(b"\x89PNG")
    assert page.missing() == ["No signature from civil society"]
    # Once one side has signed, the list can no longer be rebuilt.
    assert not page.build_button.isEnabled()
    assert page.signatures_model.index(0, SignatoryColumn.SIGNATURE).data(
        Qt.ItemDataRole.DecorationRole
    )

    scan = scanned_signature(tmp_path)

    def activist(dialog: SignDialog) -> None:
        assert dialog.chosen_side() is Side.CIVIL_SOCIETY
        dialog.name.setText("Srey Pov")
        dialog.title_en.setText("Coordinator")
        dialog.organisation.setCurrentIndex(dialog.organisation_model.row_of(open_meeting.cso))
        assert dialog.attach_scanned_image(scan)

    sign_with(page, activist)
    joint_list = stored_list(database, open_meeting.meeting)
    assert joint_list.status is JointListStatus.ENDORSED
    second = joint_list.endorsements[1]
    assert second.side is Side.CIVIL_SOCIETY and second.organisation_name == "អង្គការអភិវឌ្ឍន៍ស្ត្រី"
    scanned = QImage.fromData(second.signature_png or b"")
    assert (scanned.width(), scanned.height()) == (1200, 375)  # reduced to fit, shape kept
    assert page.missing() == []
    assert page.endorsed
    assert not page.sign_button.isEnabled()
    assert "Endorsed by both sides" in page.list_status.text()
    assert "Close the meeting" in page.meeting_note.text()

    # Then the meeting itself: closed, and signed after a confirmation that says what locks.
    workspace.close_meeting()
    assert "“Sign and lock…”" in page.meeting_note.text()
    workspace.sign_meeting()
    assert "the joint list and its 2 signatures" in answer_yes[-1]
    assert workspace.context.summary().status is MeetingStatus.SIGNED
    assert page.meeting_note.text() == "The meeting has been signed and is locked."
    assert not page.build_button.isEnabled() and not page.sign_button.isEnabled()
    with pytest.raises(Exception, match="locked"), database.transaction("test") as session:
        attendance.sign_in(session, open_meeting.meeting, open_meeting.activist)


def test_an_empty_pad_is_refused_and_the_dialog_stays_open(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    adopt(database, open_meeting.meeting)
    page = endorsement_page(workspace)
    page.build_joint_list()
    dialog = page.open_sign_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Sok Chanthy")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "Sign on the pad first" in dialog.error_label.text()
    # A name the service refuses: the message shows in the dialog, the drawing is kept.
    dialog.name.setText("")
    draw_signature(qtbot, dialog)
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "signatory's name" in dialog.error_label.text()
    assert dialog.drawn.pad.has_ink()
    assert stored_list(database, open_meeting.meeting).endorsements == ()


def test_a_scanned_file_that_is_not_an_image_is_refused(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    tmp_path: Path,
) -> None:
    adopt(database, open_meeting.meeting)
    page = endorsement_page(workspace)
    page.build_joint_list()
    dialog = page.open_sign_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    not_an_image = tmp_path / "minutes.png"
    not_an_image.write_text("these are not pixels")
    assert not dialog.attach_scanned_image(not_an_image)
    assert "not a PNG or JPEG image" in dialog.error_label.text()
    assert dialog.scanned.png is None
    dialog.signature_tabs.setCurrentWidget(dialog.scanned)
    dialog.name.setText("Srey Pov")
    dialog.buttons.accepted.emit()
    assert "Attach a scanned image" in dialog.error_label.text()


def test_building_needs_adopted_recommendations(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    page = endorsement_page(workspace)
    page.build_joint_list()
    assert page.joint_list is None
    assert "no adopted recommendations" in workspace._error_banner.text()


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_and_the_dialog_open_in_each_language(
    qtbot: QtBot,
    database: Database,
    open_meeting: Seed,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    language: str,
) -> None:
    adopt(database, open_meeting.meeting)
    set_language(language)
    try:
        window = MeetingWorkspace(database, open_meeting.meeting, settings, actor="test")
        qtbot.addWidget(window)
        window.show()
        page = endorsement_page(window)
        page.build_joint_list()
        text = page.items_model.index(0, ItemColumn.TEXT).data().replace("\u200b", "")
        number = page.items_model.index(0, ItemColumn.NUMBER).data()
        if language == "km":
            assert (text, number) == (TEXTS[0][0], "១")
        else:
            assert (text, number) == (TEXTS[0][1], "1")
        dialog = page.open_sign_dialog()
        assert dialog is not None
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.side.currentText()
        assert dialog.drawn.undo_button.text()
    finally:
        set_language("en")


def test_item_models(
    qtmodeltester: object, qtbot: QtBot, database: Database, open_meeting: Seed
) -> None:
    adopt(database, open_meeting.meeting)
    with database.transaction("test") as session:
        list_id = joint_lists.build_joint_list(session, open_meeting.meeting)
        joint_lists.endorse_joint_list(
            session,
            list_id,
            signatory_name="Sok Chanthy",
            title="អភិបាលរងស្រុក",
            side=Side.SNA,
            signed_on=dt.date(2021, 11, 23),
            signature_png=None,
        )
        view = joint_lists.get_joint_list(session, list_id)
        present = attendance.attendance_list(session, open_meeting.meeting)
    items = JointListItemModel()
    items.set_rows(view.items)
    signatures = EndorsementTableModel()
    signatures.set_rows(view.endorsements)
    attendees = AttendeeChoiceModel()
    attendees.set_attendees(present)
    for model in (items, signatures, attendees):
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    assert signatures.index(0, SignatoryColumn.SIGNATURE).data() == "(no image)"


def test_a_consultation_shows_the_list_its_endorsement_meeting_built(
    qtbot: QtBot,
    demo_database: Database,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
) -> None:
    """In the demo, as in the case study, Bavel's joint list is built and signed at the
    endorsement meeting: the consultation's step shows that list, lacks nothing, and offers
    neither to build another nor to sign it here."""
    with demo_database.reading() as session:
        (consultation,) = meetings.list_meetings(
            session, district_code="0204", kind=MeetingKind.JOINT_CONSULTATION
        )
        (endorsement,) = meetings.list_meetings(
            session, district_code="0204", kind=MeetingKind.ENDORSEMENT
        )
    window = MeetingWorkspace(demo_database, consultation.id, settings, actor="test")
    qtbot.addWidget(window)
    window.show()
    window.show_step(Step.ENDORSEMENT)
    page = window.page(Step.ENDORSEMENT)
    assert isinstance(page, EndorsementPage)
    assert page.joint_list is not None and page.joint_list.meeting_id == endorsement.id
    assert page.built_in is not None and page.built_in.id == endorsement.id
    assert page.missing() == []
    assert "was built in “" in page.list_status.text()
    assert "Endorsed by both sides" in page.list_status.text()
    assert not page.build_button.isEnabled() and not page.sign_button.isEnabled()
    assert page.items_model.rowCount() == len(page.joint_list.items) > 0
