"""A time editor that writes the time in the UI's digits (០៨:៣០ in Khmer) and reads either script.

Qt writes a QTimeEdit's digits from its locale, and Qt's Khmer locale counts in Latin digits,
so the Khmer UI showed 08:30 beside dates written ទី២៣. The text is translated on the way out
and back; Qt's own parser, section stepping and validation still work on Latin digits, which
have the same one-character width as Khmer ones, so positions in the text line up.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QTimeEdit, QWidget

from civicdesk.i18n import current_language
from civicdesk.i18n.khmer import khmer_digits, latin_digits


def _in_ui_digits(text: str) -> str:
    return khmer_digits(text) if current_language() == "km" else text


class TimeEdit(QTimeEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def textFromDateTime(self, dateTime: QDateTime) -> str:
        return _in_ui_digits(super().textFromDateTime(dateTime))

    def dateTimeFromText(self, text: str) -> QDateTime:
        return super().dateTimeFromText(latin_digits(text))

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        if self.specialValueText() and text == self.specialValueText():
            return super().validate(text, position)
        state, fixed, position = super().validate(latin_digits(text), position)
        return state, _in_ui_digits(fixed), position

    def refresh_text(self) -> None:
        """Rewrite the time in the digits of a newly chosen UI language."""
        if self.specialValueText() and self.time() == self.minimumTime():
            self.lineEdit().setText(self.specialValueText())
        else:
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
