"""The Minutes step's documents: every kind the meeting has, exported from the page's controls,
and signed with the organisation's key, which is made (or imported) the first time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from civicdesk.documents import signing
from civicdesk.models import Document
from civicdesk.models.enums import DocumentKind, MeetingStatus
from civicdesk.services import actions, joint_lists
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.signing_key import PassphraseDialog, SigningKeyDialog
from civicdesk.ui.workspace.context import Topic
from civicdesk.ui.workspace.pages.minutes import MinutesPage
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed
from tests.documents.conftest import pdftotext, squeeze
from tests.ui.workspace.test_minutes_page import minutes_page, record_a_consultation

PASSPHRASE = "mekong-river-2021"


def registered(database: Database) -> list[tuple[DocumentKind, bool, str]]:
    with database.reading() as session:
        rows = session.scalars(select(Document).order_by(Document.created_at))
        return [(row.kind, row.signed, row.signer) for row in rows]


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[str], Path]:
    """The save dialog answers with a file in an empty folder; returns that file's path."""
    folder = tmp_path / "exports"
    folder.mkdir()

    def choose(name: str) -> Path:
        target = folder / name

        def save_as(*_args: object) -> tuple[str, str]:
            return str(target), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
        return target

    return choose


def fill_dialogs(
    monkeypatch: pytest.MonkeyPatch,
    *,
    create: tuple[str, str, str] | None = None,
    passphrases: list[str] | None = None,
) -> dict[str, list[str]]:
    """Answer the key dialogs as a person would: type, press the OK button. What each dialog
    showed as errors is remembered."""
    shown: dict[str, list[str]] = {"setup": [], "passphrase": []}

    def setup_exec(dialog: SigningKeyDialog) -> int:
        if create is None:
            dialog.reject()
        else:
            dialog.organisation.setText(create[0])
            dialog.passphrase.setText(create[1])
            dialog.confirmation.setText(create[2])
            dialog.buttons.accepted.emit()
            shown["setup"] += dialog.errors.shown()
        return int(dialog.result())

    def passphrase_exec(dialog: PassphraseDialog) -> int:
        for typed in passphrases or []:
            dialog.passphrase.setText(typed)
            dialog.buttons.accepted.emit()
            shown["passphrase"] += dialog.errors.shown()
            if dialog.result() == QDialog.DialogCode.Accepted:
                break
        else:
            dialog.reject()
        return int(dialog.result())

    monkeypatch.setattr(SigningKeyDialog, "exec", setup_exec)
    monkeypatch.setattr(PassphraseDialog, "exec", passphrase_exec)
    return shown


def offered(page: MinutesPage) -> list[DocumentKind]:
    return [
        DocumentKind(page.document_kind.itemData(row).split()[0])
        for row in range(page.document_kind.count())
    ]


def test_the_documents_offered_follow_what_the_meeting_has(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    page = minutes_page(workspace)
    assert offered(page) == [DocumentKind.MINUTES, DocumentKind.SIGN_IN_SHEET]
    record_a_consultation(database, open_meeting.meeting)
    page.context.run(Topic.JOINT_LIST, joint_lists.build_joint_list, open_meeting.meeting)
    assert offered(page) == [
        DocumentKind.MINUTES,
        DocumentKind.SIGN_IN_SHEET,
        DocumentKind.JOINT_LIST,
    ]
    assert page.choose_document(DocumentKind.JOINT_LIST)
    page.context.run(
        Topic.ACTIONS,
        actions.plan_action,
        open_meeting.meeting,
        actions.ActionPlan(description_en="Post the budget", due_date=dt.date(2022, 3, 31)),
    )
    assert offered(page)[-1] is DocumentKind.ACTION_PLAN
    assert page.chosen_kind() is DocumentKind.JOINT_LIST  # the choice survives the reload


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (DocumentKind.SIGN_IN_SHEET, "Signature"),
        (DocumentKind.JOINT_LIST, "Publish the budget on every notice-board"),
        (DocumentKind.ACTION_PLAN, "Post the budget"),
    ],
)
def test_each_document_exports_from_the_page(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    save_to: Callable[[str], Path],
    kind: DocumentKind,
    expected: str,
) -> None:
    record_a_consultation(database, open_meeting.meeting)
    with database.transaction("test") as session:
        joint_lists.build_joint_list(session, open_meeting.meeting)
        actions.plan_action(
            session, open_meeting.meeting, actions.ActionPlan(description_en="Post the budget")
        )
    page = minutes_page(workspace)
    page.reload()
    assert page.choose_document(kind)
    page.document_language.setCurrentIndex(page.document_language.findData("en"))
    target = save_to("document.pdf")
    page.export_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert squeeze(expected) in squeeze(pdftotext(target))
    assert registered(database) == [(kind, False, "")]


def test_signed_minutes_the_first_time_make_the_key_sign_and_lock_the_meeting(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    save_to: Callable[[str], Path],
    answer_yes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_a_consultation(database, open_meeting.meeting)
    page = minutes_page(workspace)
    workspace.close_meeting()
    assert signing.organisation_key_info() is None
    page.sign_box.setChecked(True)
    assert "no signing key yet" not in page.signing_note.text()
    assert "locks the meeting" in page.signing_note.text()
    page.choose_document(DocumentKind.SIGN_IN_SHEET)
    assert "no signing key yet" in page.signing_note.text()
    page.choose_document(DocumentKind.MINUTES)
    shown = fill_dialogs(
        monkeypatch,
        create=("Bavel District Administration", PASSPHRASE, PASSPHRASE),
        passphrases=["not the passphrase", PASSPHRASE],
    )
    target = save_to("signed.pdf")
    workspace.context.undo_stack.push(_harmless_command())
    page.export_button.click()

    assert any("Sign and lock now?" in question for question in answer_yes)
    assert shown["setup"] == []
    assert shown["passphrase"] == ["Wrong passphrase for the organisation signing key."]
    info = signing.organisation_key_info()
    assert info is not None and info.organisation == "Bavel District Administration"
    check = signing.verify_pdf(target.read_bytes())
    assert check.ok, check.problems
    assert check.signer == "Bavel District Administration"
    assert registered(database) == [(DocumentKind.MINUTES, True, "Bavel District Administration")]
    assert workspace.context.summary().status is MeetingStatus.SIGNED
    assert workspace.context.locked
    assert workspace.context.undo_stack.count() == 0  # nothing before the signature undoes
    assert "signed by Bavel District Administration" in workspace.statusBar().currentMessage()
    assert page.missing_label.text() == "The minutes have been signed."
    assert page.export_button.isEnabled() and page.sign_box.isEnabled()
    assert "Signed for Bavel District Administration." in page.signing_note.text()


def test_minutes_of_an_open_meeting_are_refused_before_any_passphrase(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    save_to: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_a_consultation(database, open_meeting.meeting)
    page = minutes_page(workspace)
    page.sign_box.setChecked(True)
    assert "once the meeting is closed" in page.signing_note.text()
    asked: list[str] = []
    monkeypatch.setattr(SigningKeyDialog, "exec", lambda _dialog: asked.append("setup") or 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: asked.append("file") or "")
    page.export_button.click()
    assert asked == []
    assert "Close the meeting before signing its minutes" in workspace._error_banner.text()
    assert registered(database) == []
    assert workspace.context.summary().status is MeetingStatus.OPEN


def test_a_signed_sign_in_sheet_leaves_the_meeting_open(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    save_to: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    signing.create_organisation_key("Aphivat Strey", PASSPHRASE)
    page = minutes_page(workspace)
    page.choose_document(DocumentKind.SIGN_IN_SHEET)
    page.sign_box.setChecked(True)
    assert page.signing_note.text() == "Signed for Aphivat Strey."
    setup = fill_dialogs(monkeypatch, passphrases=[PASSPHRASE])
    target = save_to("sheet.pdf")
    page.export_button.click()
    assert setup["setup"] == []
    assert signing.verify_pdf(target.read_bytes()).ok
    assert registered(database) == [(DocumentKind.SIGN_IN_SHEET, True, "Aphivat Strey")]
    assert workspace.context.summary().status is MeetingStatus.OPEN


def test_giving_up_at_the_key_or_the_passphrase_writes_nothing(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    open_meeting: Seed,
    save_to: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = minutes_page(workspace)
    page.choose_document(DocumentKind.SIGN_IN_SHEET)
    page.sign_box.setChecked(True)
    target = save_to("sheet.pdf")
    fill_dialogs(monkeypatch, create=None)
    page.export_button.click()
    assert signing.organisation_key_info() is None
    fill_dialogs(monkeypatch, create=("CPDD", PASSPHRASE, PASSPHRASE), passphrases=[])
    page.export_button.click()
    assert signing.organisation_key_info() is not None  # made, then the passphrase not given
    assert not target.exists()
    assert list(target.parent.iterdir()) == []
    assert registered(database) == []


@pytest.mark.parametrize(
    ("organisation", "passphrase", "again", "error"),
    [
        ("", PASSPHRASE, PASSPHRASE, "Name the organisation the key belongs to."),
        ("CPDD", "short", "short", "The passphrase must have at least 8 characters."),
        ("CPDD", PASSPHRASE, PASSPHRASE + "x", "The two passphrases are not the same."),
    ],
)
def test_the_key_dialog_refuses_what_would_make_a_bad_key(
    qtbot: QtBot, organisation: str, passphrase: str, again: str, error: str
) -> None:
    dialog = SigningKeyDialog()
    qtbot.addWidget(dialog)
    dialog.organisation.setText(organisation)
    dialog.passphrase.setText(passphrase)
    dialog.confirmation.setText(again)
    dialog.buttons.accepted.emit()
    assert dialog.errors.shown() == [error]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert signing.organisation_key_info() is None


def test_the_key_dialog_imports_a_key_file(qtbot: QtBot, tmp_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Star Kampuchea")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "star.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"star", key, certificate, None, BestAvailableEncryption(PASSPHRASE.encode())
        )
    )
    dialog = SigningKeyDialog()
    qtbot.addWidget(dialog)
    dialog.import_choice.setChecked(True)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).text() == "Import the key"
    dialog.buttons.accepted.emit()
    assert dialog.errors.shown() == ["Choose the key file to import."]
    dialog.key_file.setText(str(path))
    dialog.file_passphrase.setText("wrong passphrase")
    dialog.buttons.accepted.emit()
    assert "the passphrase is wrong" in dialog.errors.shown()[0]
    assert signing.organisation_key_info() is None
    dialog.file_passphrase.setText(PASSPHRASE)
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.info is not None and dialog.info.organisation == "Star Kampuchea"
    assert signing.load_signing_key(PASSPHRASE).organisation == "Star Kampuchea"


def _harmless_command() -> QUndoCommand:
    command = QUndoCommand("edit before signing")
    return command
