"""Anonymous headcounts: participants counted by sex and group, for people (often citizens in a
focus group) who do not want their names recorded."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
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
from civicdesk.i18n.labels import choices
from civicdesk.models.enums import Side
from civicdesk.services.attendance import HeadcountRow
from civicdesk.ui.itemmodels.attendance import HeadcountColumn, HeadcountTableModel
from civicdesk.ui.widgets.number_spin import NumberSpinBox
from civicdesk.ui.workspace.sign_in.commands import HeadcountValues
from civicdesk.ui.workspace.sign_in.record_table import RecordTable, name_buttons

MAX_COUNT = 10_000


class HeadcountDialog(QDialog):
    """A new headcount (group, side, women, men), or new numbers for one (`row` given): the
    group and side of a recorded headcount stay as they are."""

    def __init__(self, row: HeadcountRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.group_km = QLineEdit(row.group_km if row else "", self)
        self.group_en = QLineEdit(row.group_en if row else "", self)
        self.side = QComboBox(self)
        for side, text in choices(Side):
            self.side.addItem(text, side.value)
        self.side.setCurrentIndex(
            self.side.findData((row.side if row else Side.CIVIL_SOCIETY).value)
        )
        self.women = NumberSpinBox(self)
        self.men = NumberSpinBox(self)
        for spin, value in (
            (self.women, row.women if row else 0),
            (self.men, row.men if row else 0),
        ):
            spin.setRange(0, MAX_COUNT)
            spin.setValue(value)
            spin.refresh_text()  # a value that did not change was written in Latin digits
        for fixed in (self.group_km, self.group_en, self.side):
            fixed.setEnabled(row is None)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #a8201a; }")
        self.error.hide()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("Group in &Khmer:"), self.group_km)
        form.addRow(_("Group in &English:"), self.group_en)
        form.addRow(_("&Side:"), self.side)
        form.addRow(_("&Women:"), self.women)
        form.addRow(_("&Men:"), self.men)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        self.setWindowTitle(_("Add a headcount") if row is None else _("Change a headcount"))
        self.resize(max(self.sizeHint().width(), 480), self.sizeHint().height())

    def values(self) -> HeadcountValues:
        return HeadcountValues(
            group_km=self.group_km.text(),
            group_en=self.group_en.text(),
            side=Side(self.side.currentData()),
            women=self.women.value(),
            men=self.men.value(),
        )

    @Slot()
    def _on_ok(self) -> None:
        values = self.values()
        if not values.group_km.strip() and not values.group_en.strip():
            self._refuse(_("Name the group, in Khmer, in English, or both."))
        elif values.women + values.men == 0:
            self._refuse(_("A headcount needs at least one person."))
        else:
            self.accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class HeadcountPanel(QWidget):
    addRequested = Signal(object)  # HeadcountValues
    changeRequested = Signal(object, int, int)  # HeadcountRow, women, men
    removeRequested = Signal(object)  # HeadcountRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HeadcountTableModel(self)
        self.table = RecordTable.sorted(self, self.model, HeadcountColumn.GROUP)
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.dialog: HeadcountDialog | None = None
        self._locked = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(self._on_activated)
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.remove_button.clicked.connect(self._on_remove)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self._intro.setText(
            _(
                "Count participants who do not want their names recorded, by group and sex. "
                "They count in the totals like everyone signed in."
            )
        )
        self.add_button.setText(_("Add a &headcount…"))
        self.edit_button.setText(_("&Change the numbers…"))
        self.remove_button.setText(_("Remo&ve"))
        self.model.retranslate()

    def set_rows(self, rows: list[HeadcountRow]) -> None:
        current = self.current_row()
        self.model.set_rows(rows)
        if current is not None:
            row = self.model.row_of(current.id)
            if row >= 0:
                self.table.select_source_row(row)
        self._update_buttons()

    def current_row(self) -> HeadcountRow | None:
        row = self.table.current_source_row()
        return self.model.headcount_at(row) if row >= 0 else None

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_row() is not None and not self._locked
        self.add_button.setEnabled(not self._locked)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _open(self, row: HeadcountRow | None) -> None:
        self.dialog = HeadcountDialog(row, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    @Slot(QModelIndex)
    def _on_activated(self, _index: QModelIndex) -> None:
        if not self._locked:
            self._on_edit()

    @Slot()
    def _on_add(self) -> None:
        self._open(None)

    @Slot()
    def _on_edit(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open(row)

    @Slot()
    def _on_remove(self) -> None:
        row = self.current_row()
        if row is not None:
            self.removeRequested.emit(row)

    @Slot(int)
    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None or result != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        if dialog.row is None:
            self.addRequested.emit(values)
        else:
            self.changeRequested.emit(dialog.row, values.women, values.men)
