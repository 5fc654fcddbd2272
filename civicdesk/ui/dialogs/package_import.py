"""What importing a package would change, shown before anything is written: "Import" or
"Cancel". A package that would change nothing (already imported) offers only "Close"."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from civicdesk.exchange import ImportSummary
from civicdesk.i18n import _
from civicdesk.ui.dialogs.new_meeting import BANNER_STYLE
from civicdesk.ui.itemmodels.display import wrappable

DEFAULT_WIDTH = 640
ICON_SIZE = 32


def nothing_to_import(summary: ImportSummary) -> bool:
    """The package was imported before and importing it again would change nothing."""
    return summary.already_imported and not summary.changed


class ImportSummaryDialog(QDialog):
    """Accepted means "import it"; the caller imports (the preview wrote nothing)."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self._file = QLabel(self)
        self._file.setWordWrap(True)
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.changes = QLabel(self)
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(BANNER_STYLE)
        self._warning_icon = QLabel(self)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._warning_icon.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        self.import_button = QPushButton(self)
        self.import_button.setDefault(True)
        self.buttons = QDialogButtonBox(self)
        self.nothing_to_do = nothing_to_import(summary)
        if self.nothing_to_do:
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.import_button.hide()
        else:
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)
            self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)

        warning_row = QHBoxLayout()
        warning_row.addWidget(self._warning_icon)
        warning_row.addWidget(self.warning, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._file)
        layout.addWidget(self._intro)
        layout.addWidget(self.changes)
        layout.addLayout(warning_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for widget in (self.warning, self._warning_icon):
            widget.setVisible(summary.flagged)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), DEFAULT_WIDTH), self.sizeHint().height())

    def retranslate(self) -> None:
        summary = self.summary
        self.setWindowTitle(_("Import package"))
        self._file.setText(
            "<b>{}</b>".format(html.escape(_("Package: {file}").format(file=summary.file_name)))
        )
        self._intro.setText(
            wrappable(
                _("There is nothing to import.")
                if self.nothing_to_do
                else _(
                    "Importing this package would make these changes. Nothing has been written yet."
                )
            )
        )
        warning_line = _("WARNING: {note}").format(note=summary.history_note)
        lines = [line for line in summary.lines() if not (summary.flagged and line == warning_line)]
        self.changes.setText("\n".join("• " + wrappable(line) for line in lines))
        self.warning.setText(wrappable(summary.history_note) if summary.flagged else "")
        self.import_button.setText(_("&Import"))
        for button, text in (
            (QDialogButtonBox.StandardButton.Cancel, _("Cancel")),
            (QDialogButtonBox.StandardButton.Close, _("&Close")),
        ):
            widget = self.buttons.button(button)
            if widget is not None:
                widget.setText(text)
