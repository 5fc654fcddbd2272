"""A plain-text box sized in lines of its own font, so Khmer (taller than Latin) never clips."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class LinesTextEdit(QPlainTextEdit):
    """Wants room for `lines` lines; scrolls beyond that. Emits editingFinished on leaving it."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)

    def _height_for_lines(self, lines: int) -> int:
        margins = self.contentsMargins()
        document_margin = 2 * int(self.document().documentMargin())
        return (
            lines * self.fontMetrics().lineSpacing()
            + document_margin
            + margins.top()
            + margins.bottom()
            + 2 * self.frameWidth()
        )

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height_for_lines(self._lines))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height_for_lines(min(self._lines, 2)))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editingFinished.emit()
