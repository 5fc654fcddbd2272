"""A whole-number spin box that writes its number in the UI's digits (០–៩ in Khmer) and reads
either script back."""

from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from civicdesk.i18n import current_language
from civicdesk.i18n.khmer import format_number, latin_digits

_NOT_DIGITS = re.compile(r"[^0-9]")


class NumberSpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def textFromValue(self, value: int) -> str:
        return format_number(value, current_language())

    def valueFromText(self, text: str) -> int:
        digits = _NOT_DIGITS.sub("", latin_digits(self._strip(text)))
        return int(digits) if digits else self.minimum()

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        bare = latin_digits(self._strip(text)).replace(",", "").strip()
        if not bare:
            return (QValidator.State.Intermediate, text, position)
        if not bare.isdigit():
            return (QValidator.State.Invalid, text, position)
        value = int(bare)
        if self.minimum() <= value <= self.maximum():
            return (QValidator.State.Acceptable, text, position)
        return (QValidator.State.Intermediate, text, position)

    def _strip(self, text: str) -> str:
        prefix, suffix = self.prefix(), self.suffix()
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return text

    def refresh_text(self) -> None:
        """Rewrite the number in the digits of a newly chosen UI language."""
        self.lineEdit().setText(self.prefix() + self.textFromValue(self.value()) + self.suffix())
