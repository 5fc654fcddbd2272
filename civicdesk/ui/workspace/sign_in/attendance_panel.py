"""The meeting's list: who is present, invited or absent, with what the clerk can do to a row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.models.enums import AttendanceStatus
from civicdesk.services.attendance import AttendanceRow
from civicdesk.ui.itemmodels.attendance import (
    AttendanceColumn,
    AttendanceTableModel,
)
from civicdesk.ui.itemmodels.records import both_names
from civicdesk.ui.workspace.sign_in.record_table import RecordTable, name_buttons


class AbsenceDialog(QDialog):
    """Why an invited person did not come, in Khmer and English (the minutes list it)."""

    def __init__(self, row: AttendanceRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.reason_km = QLineEdit(row.absence_reason, self)
        self.reason_en = QLineEdit(row.absence_reason_en, self)
        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._km_label = QLabel(self)
        self._km_label.setBuddy(self.reason_km)
        self._en_label = QLabel(self)
        self._en_label.setBuddy(self.reason_en)
        self._form.addRow(self._km_label, self.reason_km)
        self._form.addRow(self._en_label, self.reason_en)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(self._form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        self.setWindowTitle(_("Mark absent"))
        self._intro.setText(
            _("{name} was invited and did not come. The reason goes into the minutes.").format(
                name=both_names(row.name_km, row.name_latin)
            )
        )
        self._km_label.setText(_("Reason in &Khmer:"))
        self._en_label.setText(_("Reason in &English:"))
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())


class AttendancePanel(QWidget):
    signInRequested = Signal(object)  # AttendanceRow
    removeRequested = Signal(object)  # AttendanceRow
    #: The row and the reasons (Khmer, English) the clerk gave.
    markAbsentRequested = Signal(object, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttendanceTableModel(self)
        self.table = RecordTable.sorted(self, self.model, AttendanceColumn.NAME)
        self.table.sortByColumn(AttendanceColumn.STATUS, Qt.SortOrder.AscendingOrder)
        self.sign_in_button = QPushButton(self)
        self.absent_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.absence_dialog: AbsenceDialog | None = None
        self._locked = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.absent_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.sign_in_button.clicked.connect(self._on_sign_in)
        self.absent_button.clicked.connect(self._on_mark_absent)
        self.remove_button.clicked.connect(self._on_remove)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.sign_in_button.setText(_("Sign &in"))
        self.sign_in_button.setToolTip(_("The chosen person has arrived"))
        self.absent_button.setText(_("Mark a&bsent…"))
        self.absent_button.setToolTip(_("An invited person did not come: record why"))
        self.remove_button.setText(_("&Remove from the list"))
        self.model.retranslate()

    def set_rows(self, rows: list[AttendanceRow]) -> None:
        current = self.current_row()
        self.model.set_rows(rows)
        if current is not None:
            self.select(current.id)
        self._update_buttons()

    def select(self, attendance_id: object) -> None:
        for row in range(self.model.rowCount()):
            if self.model.attendance_at(row).id == attendance_id:
                self.table.select_source_row(row)
                return

    def current_row(self) -> AttendanceRow | None:
        row = self.table.current_source_row()
        return self.model.attendance_at(row) if row >= 0 else None

    def _update_buttons(self) -> None:
        row = self.current_row()
        missing = row is not None and row.status is not AttendanceStatus.PRESENT
        self.sign_in_button.setEnabled(missing and not self._locked)
        self.absent_button.setEnabled(missing and not self._locked)
        self.remove_button.setEnabled(row is not None and not self._locked)

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        self._update_buttons()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    @Slot()
    def _on_sign_in(self) -> None:
        row = self.current_row()
        if row is not None:
            self.signInRequested.emit(row)

    @Slot()
    def _on_remove(self) -> None:
        row = self.current_row()
        if row is not None:
            self.removeRequested.emit(row)

    @Slot()
    def _on_mark_absent(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.absence_dialog = AbsenceDialog(row, self)
        self.absence_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.absence_dialog.accepted.connect(self._on_absence_given)
        self.absence_dialog.finished.connect(self._on_absence_dialog_finished)
        self.absence_dialog.open()

    @Slot()
    def _on_absence_given(self) -> None:
        dialog = self.absence_dialog
        if dialog is not None:
            self.markAbsentRequested.emit(
                dialog.row, dialog.reason_km.text(), dialog.reason_en.text()
            )

    @Slot(int)
    def _on_absence_dialog_finished(self, _result: int) -> None:
        self.absence_dialog = None
