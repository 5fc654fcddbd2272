"""The preview of a participant list before anything is imported: the rows that will be
imported and what each will do, the rows that will not and why, and whether the people are
signed in or only invited. Nothing is written until the person confirms."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, ngettext
from civicdesk.models.enums import AttendanceStatus
from civicdesk.services.participant_import import PlannedRow, RowError
from civicdesk.ui.itemmodels.participant_import import (
    ErrorColumn,
    PlannedColumn,
    PlannedRowsModel,
    RowErrorsModel,
)
from civicdesk.ui.itemmodels.records import number
from civicdesk.ui.workspace.sign_in.record_table import RecordTable


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        path: Path,
        planned: list[PlannedRow],
        errors: list[RowError],
        ignored_columns: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.planned = planned
        self.planned_model = PlannedRowsModel(self)
        self.planned_model.set_rows(planned)
        self.errors_model = RowErrorsModel(self)
        self.errors_model.set_rows(errors)
        self._summary = QLabel(self)
        self._summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.good_table = self._table(self.planned_model, PlannedColumn.OUTCOME)
        self.bad_table = self._table(self.errors_model, ErrorColumn.REASON)
        self.tabs.addTab(self.good_table, "")
        self.tabs.addTab(self.bad_table, "")
        self.status = QComboBox(self)
        self._status_label = QLabel(self)
        self._status_label.setBuddy(self.status)
        status_row = QHBoxLayout()
        status_row.addWidget(self._status_label)
        status_row.addWidget(self.status, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(status_row)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._retranslate(path, ignored_columns)
        if not planned and errors:
            self.tabs.setCurrentWidget(self.bad_table)
        self.resize(1100, 560)

    def _table(self, model: PlannedRowsModel | RowErrorsModel, stretch: int) -> QWidget:
        table = RecordTable.sorted(self, model, stretch)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return table

    def _retranslate(self, path: Path, ignored_columns: list[str]) -> None:
        importable = self.planned_model.importable()
        skipped = len(self.planned) - importable
        bad = self.errors_model.rowCount()
        self.setWindowTitle(_("Import a participant list"))
        lines = [
            _(
                "{file}: {good} to import, {skipped} already on the list, {bad} cannot be imported."
            ).format(
                file=path.name,
                good=number(importable),
                skipped=number(skipped),
                bad=number(bad),
            ),
            _("Nothing is imported until you confirm; then all of these rows are, or none."),
        ]
        if ignored_columns:
            lines.append(
                _("Columns not used: {columns}.").format(columns=", ".join(ignored_columns))
            )
        self._summary.setText("\n".join(lines))
        self.tabs.setTabText(0, _("Good rows ({count})").format(count=number(len(self.planned))))
        self.tabs.setTabText(1, _("Rows with problems ({count})").format(count=number(bad)))
        self._status_label.setText(_("Record them as:"))
        self.status.addItem(_("Present (signed in)"), AttendanceStatus.PRESENT.value)
        self.status.addItem(_("Invited (expected)"), AttendanceStatus.INVITED.value)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok is not None:
            ok.setText(
                ngettext("&Import {count} person", "&Import {count} people", importable).format(
                    count=number(importable)
                )
            )
            ok.setEnabled(importable > 0)
        if cancel is not None:
            cancel.setText(_("Cancel"))

    def chosen_status(self) -> AttendanceStatus:
        return AttendanceStatus(self.status.currentData())
