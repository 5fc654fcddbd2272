"""Khmer and English text side by side, saved when the writer pauses or leaves the field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QWidget

from civicdesk.i18n import _
from civicdesk.i18n.text import clean

#: How long a pause in typing is before the text is saved.
SAVE_AFTER_MS = 1200


class BilingualTextEdit(QWidget):
    """Two plain-text edits, Khmer on the left and English on the right.

    `edited` fires when the text has changed and the writer paused (`SAVE_AFTER_MS`) or left
    both fields; the owner saves it. `set_texts` does not overwrite text still waiting to be
    saved, nor text that differs from what was stored only by the spaces the service trims (so
    a reload after a save does not move the cursor).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, autosave: bool = True) -> None:
        super().__init__(parent)
        self._autosave = autosave
        self._pending = False
        self.khmer_label = QLabel(self)
        self.english_label = QLabel(self)
        self.khmer = QPlainTextEdit(self)
        self.english = QPlainTextEdit(self)
        for label, edit in ((self.khmer_label, self.khmer), (self.english_label, self.english)):
            label.setBuddy(edit)
            edit.setTabChangesFocus(True)
            edit.installEventFilter(self)
            edit.textChanged.connect(self._on_text_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.khmer_label, 0, 0)
        layout.addWidget(self.english_label, 0, 1)
        layout.addWidget(self.khmer, 1, 0)
        layout.addWidget(self.english, 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(1, 1)
        self.retranslate()

    def retranslate(self, khmer: str | None = None, english: str | None = None) -> None:
        self.khmer_label.setText(khmer or _("&Khmer"))
        self.english_label.setText(english or _("&English"))

    # ------------------------------------------------------------------ contents

    def texts(self) -> tuple[str, str]:
        return self.khmer.toPlainText(), self.english.toPlainText()

    def set_texts(self, khmer: str, english: str, *, force: bool = False) -> None:
        """Show stored text; `force` (another record selected) drops unsaved edits."""
        if self._pending and not force:
            return
        self._timer.stop()
        self._pending = False
        for edit, text in ((self.khmer, khmer), (self.english, english)):
            if force or clean(edit.toPlainText()) != text:
                edit.blockSignals(True)
                edit.setPlainText(text)
                edit.blockSignals(False)

    def clear(self) -> None:
        self.set_texts("", "", force=True)

    @property
    def pending(self) -> bool:
        return self._pending

    def set_read_only(self, read_only: bool) -> None:
        self.khmer.setReadOnly(read_only)
        self.english.setReadOnly(read_only)

    # ------------------------------------------------------------------ saving

    @Slot()
    def _on_text_changed(self) -> None:
        self._pending = True
        if self._autosave:
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Save now if anything is waiting (also called before another record is shown)."""
        self._timer.stop()
        if self._pending:
            self._pending = False
            self.edited.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._autosave
            and event.type() == QEvent.Type.FocusOut
            and watched in (self.khmer, self.english)
        ):
            self.flush()
        return super().eventFilter(watched, event)

    def discard(self) -> None:
        """Forget unsaved edits (the owner will show something else)."""
        self._timer.stop()
        self._pending = False

    def focus_khmer(self) -> None:
        self.khmer.setFocus(Qt.FocusReason.OtherFocusReason)
