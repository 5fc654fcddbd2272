"""Checking a signed PDF from the window: the verdict, the signer, and the export register."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from civicdesk.documents import signing
from civicdesk.documents.export import ExportRequest, export_document
from civicdesk.i18n import set_language, translations_for
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.verify_document import (
    VerifyDocumentDialog,
    fingerprint_text,
    share_certificate,
    trust_certificate_file,
)
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


def test_the_secretariat_trusts_a_district_certificate_and_the_check_passes(
    qtbot: QtBot,
    database: Database,
    signed_sheet: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
    answer_yes: list[str],
) -> None:
    """The district shares its certificate; on the secretariat's computer the signed file is
    first refused as signed by an unknown key, then trusted after the fingerprint is shown."""
    shared = tmp_path / "district.pem"
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(shared), "")))
    assert share_certificate(parent) == shared
    district = signing.organisation_key_info()
    assert district is not None
    assert fingerprint_text(district) in message_boxes[-1][1]

    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path / "secretariat"))  # another computer
    dialog = VerifyDocumentDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    result = dialog.check_file(signed_sheet)
    assert result is not None and not result.ok and not result.trusted
    assert "does not trust" in dialog.verdict.text()
    assert dialog.trust_button.isVisible()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(shared), "")))
    dialog.trust_button.click()
    assert "Aphivat Strey" in answer_yes[-1] and fingerprint_text(district) in answer_yes[-1]
    assert dialog.result_of_check is not None and dialog.result_of_check.ok
    assert not dialog.trust_button.isVisible()


def test_nothing_is_trusted_without_a_yes_or_from_a_file_that_is_no_certificate(
    qtbot: QtBot,
    signed_sheet: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    shared = tmp_path / "district.pem"
    shared.write_bytes((signing.key_folder() / signing.CERTIFICATE_FILE).read_bytes())
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path / "secretariat"))
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(shared), "")))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Cancel)
    )
    assert trust_certificate_file(parent) is None
    assert not signing.verify_pdf(signed_sheet.read_bytes()).trusted
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(signed_sheet), ""))
    )
    assert trust_certificate_file(parent) is None
    assert message_boxes[-1] == ("warning", f"{signed_sheet} is not a certificate.")
    assert signing.trusted_certificates() == []


def test_sharing_before_there_is_a_key_says_how_one_is_made(
    qtbot: QtBot, message_boxes: list[tuple[str, str]]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert share_certificate(parent) is None
    assert "no signing key yet" in message_boxes[-1][1]
