"""A dialog whose OK calls a service: on a refusal it stays open, with the reason shown in it,
so nothing the person typed (or signed) is lost."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from civicdesk.ui.workspace.context import WorkspaceContext

ERROR_STYLE = (
    "QLabel { background: #fdecea; color: #7a1c13; border: 1px solid #e0a49c;"
    " border-radius: 4px; padding: 6px; }"
)


class ServiceDialog(QDialog):
    """Subclasses put their fields in `self.body` and implement `submit()`."""

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.body = QVBoxLayout()
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        context.errorRaised.connect(self._on_error)

    def submit(self) -> bool:
        """Call the service; True if it did what was asked."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    @Slot()
    def _on_ok(self) -> None:
        self.error_label.hide()
        if self.submit():
            self.accept()

    @Slot(str, str)
    def _on_error(self, message: str, _field: str) -> None:
        if self.isVisible():
            self.show_error(message)
