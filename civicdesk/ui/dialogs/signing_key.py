"""The organisation's signing key, from the window: created (or imported) the first time someone
signs a document, then unlocked with its passphrase for each signed export.

The key itself is made and stored by `civicdesk.documents.signing` (the same code as
`civicdesk key create|import`): a self-signed certificate naming the organisation, the private
key protected by the passphrase, in the user data folder. The passphrase is never stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.documents import signing
from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.services.errors import DomainError
from civicdesk.ui.widgets.field_errors import FieldErrors

PASSWORD = QLineEdit.EchoMode.Password


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(PASSWORD)
    return field


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def _indented_form(page: QWidget) -> QFormLayout:
    """A form under its radio button, indented so it reads as that choice's."""
    form = QFormLayout(page)
    form.setContentsMargins(24, 0, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _buttons(parent: QDialog, action: str) -> QDialogButtonBox:
    """OK and Cancel, with our own words (Qt's are not translated into Khmer everywhere)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    buttons.accepted.connect(parent.accept)
    buttons.rejected.connect(parent.reject)
    return buttons


class SigningKeyDialog(QDialog):
    """This computer has no signing key yet: make one for the organisation, or bring its key
    file from another computer. `info` is the new key once the dialog is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: signing.KeyInfo | None = None
        self.setWindowTitle(_("Organisation signing key"))
        intro = _wrapped(
            _(
                "Signed documents carry your organisation's digital signature: anyone can check "
                "who signed them and that not one character changed since. This computer has no "
                "signing key yet. Create one, or import your organisation's key file."
            ),
            self,
        )
        self.create_choice = QRadioButton(_("Create a new key for the organisation"), self)
        self.import_choice = QRadioButton(_("Import a key file (.p12, .pfx)"), self)
        self._choices = QButtonGroup(self)
        self._choices.addButton(self.create_choice, 0)
        self._choices.addButton(self.import_choice, 1)
        self.create_choice.setChecked(True)

        self.errors = FieldErrors(self)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._build_create_page())
        self._pages.addWidget(self._build_import_page())
        self.general_error = self.errors.line("")

        self.buttons = _buttons(self, "")
        self._choices.idToggled.connect(self._on_choice)
        self._on_choice(0, True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.create_choice)
        layout.addWidget(self.import_choice)
        layout.addWidget(self._pages)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _build_create_page(self) -> QWidget:
        page = QWidget(self)
        self.organisation = QLineEdit(page)
        self.organisation.setPlaceholderText(_("e.g. Bavel District Administration"))
        self.passphrase = _password_field(page)
        self.confirmation = _password_field(page)
        hint = _wrapped(
            _(
                "At least {count} characters. Write it down and keep it somewhere safe: "
                "without it nobody can sign with this key, and it cannot be recovered."
            ).format(count=format_number(signing.MIN_PASSPHRASE, current_language())),
            page,
        )
        form = _indented_form(page)
        form.addRow(_("Organisation"), self.organisation)
        form.addRow("", self.errors.line("org"))
        form.addRow(_("Passphrase"), self.passphrase)
        form.addRow(_("Passphrase again"), self.confirmation)
        form.addRow("", self.errors.line("passphrase", "confirmation"))
        form.addRow("", hint)
        return page

    def _build_import_page(self) -> QWidget:
        page = QWidget(self)
        self.key_file = QLineEdit(page)
        browse = QPushButton(_("Choose…"), page)
        browse.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(self.key_file, 1)
        row.addWidget(browse)
        self.file_passphrase = _password_field(page)
        form = _indented_form(page)
        form.addRow(_("Key file"), row)
        form.addRow("", self.errors.line("file"))
        form.addRow(_("Passphrase of the file"), self.file_passphrase)
        form.addRow("", self.errors.line("file_passphrase"))
        return page

    def _on_choice(self, choice: int, checked: bool) -> None:
        if not checked:
            return
        self._pages.setCurrentIndex(choice)
        self.errors.clear()
        action = _("Create the key") if choice == 0 else _("Import the key")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import a key file"), "", _("Key files (*.p12 *.pfx)")
        )
        if path:
            self.key_file.setText(path)

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.info = self._create() if self.create_choice.isChecked() else self._import()
        except DomainError as error:
            if not self.errors.show(error.field or "", error.message):
                self.errors.show("", error.message)
            return
        super().accept()

    def _create(self) -> signing.KeyInfo:
        if self.passphrase.text() != self.confirmation.text():
            raise DomainError(_("The two passphrases are not the same."), field="confirmation")
        return signing.create_organisation_key(self.organisation.text(), self.passphrase.text())

    def _import(self) -> signing.KeyInfo:
        path = self.key_file.text().strip()
        if not path:
            raise DomainError(_("Choose the key file to import."), field="file")
        return signing.import_organisation_key(Path(path), self.file_passphrase.text())


class PassphraseDialog(QDialog):
    """Unlock the organisation's key for one signed export. `key` once accepted."""

    def __init__(self, info: signing.KeyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.key: signing.SigningKey | None = None
        self.setWindowTitle(_("Sign the document"))
        message = _wrapped(
            _(
                "The document will be signed for {organisation}. Type the passphrase of the "
                "organisation's signing key."
            ).format(organisation=info.organisation),
            self,
        )
        fingerprint = QLabel(
            _("Key fingerprint: {fingerprint}").format(fingerprint=short_fingerprint(info)), self
        )
        fingerprint.setStyleSheet("QLabel { color: #555; }")
        self.passphrase = _password_field(self)
        self.errors = FieldErrors(self)
        self.error = self.errors.line("")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Passphrase"), self.passphrase)
        form.addRow("", self.error)
        self.buttons = _buttons(self, _("Sign"))
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(fingerprint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.key = signing.load_signing_key(self.passphrase.text())
        except DomainError as error:
            self.errors.show("", error.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        super().accept()


def short_fingerprint(info: signing.KeyInfo) -> str:
    """The first 16 hex digits of the certificate's SHA-256, in groups of four: enough for a
    person to compare with the one `civicdesk key show` prints elsewhere."""
    head = info.fingerprint[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def unlock_signing_key(parent: QWidget) -> signing.SigningKey | None:
    """The organisation's key, unlocked: made or imported first if this computer has none.
    None if the person gave up."""
    info = signing.organisation_key_info()
    if info is None:
        setup = SigningKeyDialog(parent)
        try:
            if setup.exec() != QDialog.DialogCode.Accepted or setup.info is None:
                return None
            info = setup.info
        finally:
            setup.deleteLater()
    dialog = PassphraseDialog(info, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.key
    finally:
        dialog.deleteLater()
