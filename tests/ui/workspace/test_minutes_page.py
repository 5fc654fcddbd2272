"""The minutes page: a summary of what the minutes will contain, and what is still missing."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from civicdesk.documents.export import ExportRequest
from civicdesk.i18n import set_language
from civicdesk.models import Document
from civicdesk.models.enums import AttendanceRole, DocumentKind, DocumentLanguage, MeetingKind, Side
from civicdesk.services import (
    actions,
    agenda,
    attendance,
    joint_lists,
    meetings,
    recommendations,
    votes,
)
from civicdesk.storage.database import Database
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.minutes_export import (
    PREVIEW_LANDSCAPE_WIDTH,
    PREVIEW_WIDTH,
    ProgressReporter,
    export_to_file,
    render_first_page,
)
from civicdesk.ui.workspace.minutes_summary import (
    missing_before_signing,
    read_minutes_content,
    signing_confirmation,
    summary_html,
)
from civicdesk.ui.workspace.pages.minutes import MinutesPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed
from tests.documents.conftest import pdftotext


def registered(database: Database) -> list[tuple[DocumentKind, DocumentLanguage, bool]]:
    """The export register: (kind, language, signed) of each exported document."""
    with database.reading() as session:
        rows = session.scalars(select(Document).order_by(Document.created_at))
        return [(row.kind, row.language, row.signed) for row in rows]


def minutes_page(window: MeetingWorkspace) -> MinutesPage:
    window.show_step(Step.MINUTES)
    page = window.page(Step.MINUTES)
    assert isinstance(page, MinutesPage)
    return page


def record_a_consultation(database: Database, meeting: uuid.UUID) -> str:
    """An agenda item with notes, and a recommendation amended once and adopted."""
    tally = votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(1, 0, 1))
    with database.transaction("test") as session:
        item = agenda.add_agenda_item(
            session, meeting, title_en="Draft the recommendations", planned_minutes=60
        )
        agenda.set_agenda_notes(session, item, notes_en="Both sides spoke at length.")
        recommendation = recommendations.draft_recommendation(
            session, meeting, text_en="Publish the budget", text_km="ផ្សព្វផ្សាយថវិកា"
        )
        recommendations.amend_recommendation(
            session,
            recommendation,
            meeting,
            text_en="Publish the budget on every notice-board",
            text_km="ផ្សព្វផ្សាយថវិកានៅគ្រប់ក្ដារព័ត៌មាន",
        )
        votes.record_vote(session, meeting, recommendation, tally=tally)
        return recommendations.get_recommendation(session, recommendation).code


def test_the_summary_shows_what_the_minutes_will_contain(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    code = record_a_consultation(database, open_meeting.meeting)
    page = minutes_page(workspace)
    page.reload()
    text = page.browser.toPlainText().replace("\u200b", "")
    assert "Joint consultation, Bavel" in text
    assert "Tuesday 23 November 2021" in text
    assert "Draft the recommendations" in text and "Both sides spoke at length." in text
    assert code in text
    assert "Publish the budget on every notice-board" in text
    assert "Sub-national administration: 2 for, 0 against, 0 abstaining" in text
    assert "Civil society: 1 for, 0 against, 1 abstaining" in text
    assert "Adopted" in text
    assert page.content is not None
    (outcome,) = page.content.recommendations
    assert outcome.amendments == 1
    stats = page.content.statistics
    assert (stats.total, stats.women, stats.men) == (4, 2, 2)
    assert "The meeting is still open: close it before signing." in page.still_missing
    assert "The joint list has not been built." in page.still_missing
    assert "Still missing" in page.missing_label.text()


def test_missing_items_follow_the_kind_of_meeting(database: Database, open_meeting: Seed) -> None:
    with database.reading() as session:
        content = read_minutes_content(session, open_meeting.meeting)
    missing = missing_before_signing(content)
    assert "The agenda is empty." in missing
    assert "No recommendations have been drafted." in missing
    assert "Nobody is signed in as chair (the chair signs the minutes)." in missing
    assert not any("findings" in text for text in missing)  # a consultation has none
    record_a_consultation(database, open_meeting.meeting)
    with database.transaction("test") as session:
        attendance.update_attendance(
            session,
            attendance.attendance_list(session, open_meeting.meeting)[0].id,
            role=AttendanceRole.CHAIR,
            side=attendance.attendance_list(session, open_meeting.meeting)[0].side,
            may_vote=True,
        )
        recommendations.draft_recommendation(session, open_meeting.meeting, text_en="Not voted")
    with database.reading() as session:
        missing = missing_before_signing(read_minutes_content(session, open_meeting.meeting))
    assert "The agenda is empty." not in missing
    assert "1 recommendation has not been voted on." in missing
    assert not any("chair" in text for text in missing)


def test_a_signed_demo_meeting_reads_as_signed(
    qtbot: QtBot,
    demo_database: Database,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
) -> None:
    with demo_database.reading() as session:
        (consultation,) = meetings.list_meetings(
            session, district_code="0204", kind=MeetingKind.JOINT_CONSULTATION
        )
    window = MeetingWorkspace(demo_database, consultation.id, settings, actor="test")
    qtbot.addWidget(window)
    window.show()
    page = minutes_page(window)
    assert page.missing_label.text() == "The minutes have been signed."
    # A signed meeting's minutes can still be exported (that changes nothing recorded).
    assert page.export_button.isEnabled() and page.document_kind.isEnabled()
    text = page.browser.toPlainText()
    assert "0204-R01" in text and "Attendance" in text and "Agenda" in text


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    qtbot: QtBot,
    database: Database,
    open_meeting: Seed,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    language: str,
) -> None:
    record_a_consultation(database, open_meeting.meeting)
    set_language(language)
    try:
        window = MeetingWorkspace(database, open_meeting.meeting, settings, actor="test")
        qtbot.addWidget(window)
        window.show()
        page = minutes_page(window)
        text = page.browser.toPlainText().replace("\u200b", "")
        if language == "km":
            assert "ផ្សព្វផ្សាយថវិកានៅគ្រប់ក្ដារព័ត៌មាន" in text
            assert "ថ្ងៃអង្គារ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១" in text
        else:
            assert "Publish the budget on every notice-board" in text
        assert page.intro.text()
    finally:
        set_language("en")


def test_the_summary_escapes_what_people_typed(database: Database, open_meeting: Seed) -> None:
    with database.transaction("test") as session:
        agenda.add_agenda_item(session, open_meeting.meeting, title_en="<b>Budget</b> & plan")
        content = read_minutes_content(session, open_meeting.meeting)
    html = summary_html(content)
    assert "&lt;b&gt;Budget&lt;/b&gt; &amp; plan" in html.replace("\u200b", "")


def test_the_signing_confirmation_says_what_this_meeting_locks(
    database: Database, open_meeting: Seed
) -> None:
    record_a_consultation(database, open_meeting.meeting)
    with database.transaction("test") as session:
        list_id = joint_lists.build_joint_list(session, open_meeting.meeting)
        joint_lists.endorse_joint_list(
            session,
            list_id,
            signatory_name="Sok Chanthy",
            title="អភិបាលរងស្រុក",
            side=Side.SNA,
            signed_on=dt.date(2021, 11, 23),
        )
        meetings.close_meeting(session, open_meeting.meeting)
        content = read_minutes_content(session, open_meeting.meeting)
    text = signing_confirmation(content)
    assert text.startswith(
        "Signing “Joint consultation, Bavel” records that its minutes are final."
    )
    assert "the attendance of 4 people" in text
    assert "1 agenda item and its notes" in text
    assert "1 recommendation with its amendments and votes" in text
    assert "the joint list and its 1 signature" in text
    assert "findings" not in text and "action" not in text
    assert "has not been signed by both sides" in text
    assert "• Nobody is signed in as chair" in text
    assert text.endswith("Sign and lock now?")
    set_language("km")
    try:
        assert "៤" in signing_confirmation(content)
    finally:
        set_language("en")


def test_export_the_minutes_in_khmer(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through the page's own controls: Khmer chosen, Export pressed, the file named."""
    record_a_consultation(database, open_meeting.meeting)
    page = minutes_page(workspace)
    assert page.export_button.isVisible()
    folder = tmp_path / "exports"
    folder.mkdir()
    destination = folder / "minutes"  # ".pdf" is added
    suggested: list[str] = []

    def save_as(_parent: object, _title: str, path: str, _filter: str) -> tuple[str, str]:
        suggested.append(path)
        return str(destination), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    page.document_language.setCurrentIndex(page.document_language.findData("km"))
    assert page.chosen_kind() is DocumentKind.MINUTES
    page.export_button.click()
    assert suggested[0].endswith("minutes-2021-11-23-km.pdf")
    written = folder / "minutes.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["minutes.pdf"]
    assert str(written) in workspace.statusBar().currentMessage()
    assert registered(database) == [(DocumentKind.MINUTES, DocumentLanguage.KHMER, False)]
    assert "ព្រះរាជាណាចក្រកម្ពុជា" not in pdftotext(written)  # a CSO's minutes: no motto
    assert "ផ្សព្វផ្សាយថវិកានៅគ្រប់ក្ដារព័ត៌មាន" in pdftotext(written)


@pytest.mark.parametrize("cancel_at", [0.0, 0.3, 0.92])
def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    tmp_path: Path,
    cancel_at: float,
) -> None:
    """Cancel pressed before the PDF is laid out, half-way through, or once it is being
    written beside the destination."""
    record_a_consultation(database, open_meeting.meeting)
    page = minutes_page(workspace)
    folder = tmp_path / "exports"
    folder.mkdir()
    destination = folder / "minutes.pdf"

    def press_cancel(reporter: ProgressReporter) -> None:
        report = reporter.progress

        def progress(fraction: float) -> None:
            report(fraction)
            if fraction >= cancel_at:
                reporter.dialog.cancel()

        reporter.progress = progress  # type: ignore[method-assign]

    request = ExportRequest(DocumentKind.MINUTES, open_meeting.meeting, DocumentLanguage.ENGLISH)
    result = export_to_file(page.context, page, request, destination, reporter_hook=press_cancel)
    assert result is None
    assert list(folder.iterdir()) == []
    assert "cancelled" in workspace._error_banner.text()
    assert registered(database) == []


def test_a_preview_of_the_first_page(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    record_a_consultation(database, open_meeting.meeting)
    page = minutes_page(workspace)
    assert page.preview_button.isVisible()  # pypdfium2 is a dependency
    request = ExportRequest(DocumentKind.MINUTES, open_meeting.meeting, DocumentLanguage.BOTH)
    image = render_first_page(page.context, page, request)
    assert image is not None and not image.isNull()
    assert image.width() == PREVIEW_WIDTH
    assert image.height() > image.width()  # A4, portrait
    # Not a blank page: the title and tables leave dark pixels.
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 200
    assert registered(database) == []  # a preview registers nothing
    with database.transaction("test") as session:
        actions.plan_action(
            session, open_meeting.meeting, actions.ActionPlan(description_en="Post the budget")
        )
    plan = ExportRequest(DocumentKind.ACTION_PLAN, open_meeting.meeting, DocumentLanguage.KHMER)
    landscape = render_first_page(page.context, page, plan)
    assert landscape is not None
    assert abs(landscape.width() - PREVIEW_LANDSCAPE_WIDTH) <= 1  # pdfium rounds the scale
    assert landscape.width() > landscape.height()
