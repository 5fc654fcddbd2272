"""A plain-text box sized in lines of its own font, so Khmer (taller than Latin) never clips."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from civicdesk.i18n.fonts import KHMER_FONT_FAMILY


class LinesTextEdit(QPlainTextEdit):
    """Wants room for `lines` lines; scrolls beyond that. Emits editingFinished on leaving it."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)

    def _line_spacing(self) -> int:
        # Khmer comes from the fallback font, whose lines are taller than the Latin font's.
        khmer = QFont(self.font())
        khmer.setFamilies([KHMER_FONT_FAMILY])
        return max(self.fontMetrics().lineSpacing(), QFontMetrics(khmer).lineSpacing())

    def _height_for_lines(self, lines: int) -> int:
        margins = self.contentsMargins()
        document_margin = 2 * int(self.document().documentMargin())
        return (
            lines * self._line_spacing()
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
