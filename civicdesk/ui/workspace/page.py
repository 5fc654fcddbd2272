"""The base of every step page in the workspace."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.steps import Step


class StepPage(QWidget):
    """One step of the meeting. Subclasses build their widgets in __init__, then:

    - `retranslate()` sets every visible string (called at start and on a language switch);
    - `reload()` reads what the page shows through `context.read(...)`;
    - `missing()` says, in the UI language, what this step still lacks (shown in the navigator);
    - `apply_lock(locked)` makes the page read-only once the meeting is signed.
    """

    step: ClassVar[Step]
    #: The topics whose changes this page shows; MEETING always counts.
    topics: ClassVar[frozenset[Topic]] = frozenset()

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        context.dataChanged.connect(self._on_data_changed)

    @Slot(str)
    def _on_data_changed(self, topic: str) -> None:
        if Topic(topic) in self.topics or topic == Topic.MEETING.value:
            self.reload()

    def retranslate(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def missing(self) -> list[str]:
        return []

    def apply_lock(self, locked: bool) -> None:
        """Default: every input on the page becomes read-only; override for finer control."""
        from PySide6.QtWidgets import (
            QAbstractButton,
            QAbstractSpinBox,
            QComboBox,
            QLineEdit,
            QPlainTextEdit,
            QTextEdit,
        )

        for line in self.findChildren(QLineEdit):
            line.setReadOnly(locked)
        for text in self.findChildren(QPlainTextEdit):
            text.setReadOnly(locked)
        for rich in self.findChildren(QTextEdit):
            rich.setReadOnly(locked)
        for spin in self.findChildren(QAbstractSpinBox):
            spin.setReadOnly(locked)
        for control in [*self.findChildren(QComboBox), *self.findChildren(QAbstractButton)]:
            if not control.property("keepEnabledWhenLocked"):
                control.setEnabled(not locked)
