"""The error lines under a form's fields, found by the names the services give their fields
(`DomainError.field`), so a refusal shows next to what caused it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "QLabel { color: #a8201a; }"


class FieldErrors:
    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._lines: dict[str, QLabel] = {}

    def line(self, *fields: str) -> QLabel:
        """A hidden, word-wrapped error line for the named fields, to put under them."""
        line = QLabel(self._parent)
        line.setWordWrap(True)
        line.setStyleSheet(ERROR_STYLE)
        line.hide()
        for field in fields:
            self._lines[field] = line
        return line

    def show(self, field: str, message: str) -> bool:
        """Show `message` under the named field; False if the form has no such field."""
        line = self._lines.get(field)
        if line is None:
            return False
        line.setText(message)
        line.show()
        return True

    def clear(self) -> None:
        for line in self._lines.values():
            line.hide()

    def shown(self) -> list[str]:
        return [line.text() for line in dict.fromkeys(self._lines.values()) if not line.isHidden()]
