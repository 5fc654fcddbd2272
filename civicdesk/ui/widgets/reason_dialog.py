"""Ask why, in Khmer and English: for a withdrawal, which the record keeps with its reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _


class ReasonDialog(QDialog):
    def __init__(
        self, title: str, message: str, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.reason_km = QLineEdit(self)
        self.reason_en = QLineEdit(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Reason in Khmer"), self.reason_km)
        form.addRow(_("Reason in English"), self.reason_en)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def reasons(self) -> tuple[str, str]:
        return self.reason_km.text(), self.reason_en.text()
