"""Checking a signed PDF from the window: the verdict, the signer, and the export register."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from civicdesk.documents import signing
from civicdesk.documents.export import ExportRequest, export_document
from civicdesk.i18n import set_language, translations_for
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.verify_document import VerifyDocumentDialog
from civicdesk.ui.main_window import MainWindow
from tests.conftest import Seed

PASSPHRASE = "tonle-sap-2021"


@pytest.fixture
def signed_sheet(database: Database, open_meeting: Seed, tmp_path: Path) -> Path:
    signing.create_organisation_key("Aphivat Strey", PASSPHRASE)
    key = signing.load_signing_key(PASSPHRASE)
    request = ExportRequest(DocumentKind.SIGN_IN_SHEET, open_meeting.meeting, DocumentLanguage.BOTH)
    target = tmp_path / "sheet.pdf"
    export_document(database, request, target, signing_key=key)
    return target


@pytest.fixture
def dialog(qtbot: QtBot, database: Database) -> VerifyDocumentDialog:
    window = VerifyDocumentDialog(database)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_signed_file_checks_and_is_found_in_the_register(
    dialog: VerifyDocumentDialog, signed_sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(signed_sheet), ""))
    )
    dialog.choose_button.click()
    assert dialog.result_of_check is not None and dialog.result_of_check.ok
    assert dialog.verdict.text() == (
        "The signature is valid and the file is unchanged since it was signed."
    )
    text = dialog.details.toPlainText()
    assert "Aphivat Strey" in text
    assert "Sign-in sheet of “Joint consultation, Bavel”, exported" in text


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (lambda data: data + b"\n% added later\n", "something was added after"),
        (lambda data: data[: len(data) // 2], "not a readable PDF"),
        (lambda data: data.replace(b"Aphivat", b"Aphivet", 1), "changed after it was signed"),
    ],
)
def test_a_spoilt_file_says_what_is_wrong(
    dialog: VerifyDocumentDialog, signed_sheet: Path, spoil: object, problem: str
) -> None:
    data = signed_sheet.read_bytes()
    assert callable(spoil)
    spoilt = signed_sheet.with_name("spoilt.pdf")
    spoilt.write_bytes(spoil(data))
    result = dialog.check_file(spoilt)
    assert result is not None and not result.ok
    assert problem in dialog.verdict.text()
    assert "Not in this computer's export register" in dialog.details.toPlainText()


def test_an_unsigned_file_and_a_missing_one(
    dialog: VerifyDocumentDialog, database: Database, open_meeting: Seed, tmp_path: Path
) -> None:
    request = ExportRequest(DocumentKind.MINUTES, open_meeting.meeting, DocumentLanguage.ENGLISH)
    plain = tmp_path / "minutes.pdf"
    export_document(database, request, plain)
    dialog.check_file(plain)
    assert dialog.verdict.text() == "The file has no digital signature."
    assert "Minutes of “Joint consultation, Bavel”" in dialog.details.toPlainText()
    assert dialog.check_file(tmp_path / "nowhere.pdf") is None
    assert dialog.verdict.text().startswith("Cannot read")


def test_the_verdict_in_khmer(dialog: VerifyDocumentDialog, signed_sheet: Path) -> None:
    set_language("km")
    try:
        dialog.check_file(signed_sheet)
        khmer = translations_for("km").gettext
        valid = "The signature is valid and the file is unchanged since it was signed."
        assert dialog.verdict.text() == khmer(valid) != valid
        details = dialog.details.toPlainText()
        assert "Aphivat Strey" in details
        assert khmer("Signed by") in details and "Signed by" not in details
    finally:
        set_language("en")


def test_from_the_tools_menu(
    main_window: MainWindow, signed_sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(signed_sheet), ""))
    )
    main_window._check_document_action.trigger()
    (dialog,) = main_window.findChildren(VerifyDocumentDialog)
    assert dialog.isVisible()
    assert dialog.result_of_check is not None and dialog.result_of_check.ok
    assert "Aphivat Strey" in dialog.details.toPlainText()
