"""A table of records that keeps its selection by record id across reloads."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from civicdesk.ui.itemmodels.row_table import RowTableModel


class RecordTableView(QTableView):
    """Rows are records (one selected at a time); `currentIdChanged` fires only when the
    selected record really changes, not when a reload shows the same one again.

    Rows are as tall as their text needs in the current font (Khmer needs more than Latin),
    and with `wrap` as tall as all the lines of the stretched column.
    """

    currentIdChanged = Signal(object)  # uuid.UUID | None

    def __init__(
        self,
        model: RowTableModel,
        parent: QWidget | None = None,
        *,
        stretch_column: int = 1,
        wrap: bool = False,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._restoring = False
        self._current: uuid.UUID | None = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Wrapped rows grow to show all their lines; unwrapped ones end in "…" (tool tips and
        # the editor beside the table show the whole text).
        self.setWordWrap(wrap)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def record_model(self) -> RowTableModel:
        return self._model

    def current_id(self) -> uuid.UUID | None:
        return self._current

    def current_row(self) -> int:
        return self._model.row_of(self._current) if self._current is not None else -1

    def current_record(self) -> Any:
        row = self.current_row()
        return self._model.row_at(row) if row >= 0 else None

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show new rows, keeping the same record selected if it is still there."""
        keep = self._current
        self._restoring = True
        try:
            self._model.set_rows(rows)
            row = self._model.row_of(keep) if keep is not None else -1
            if row >= 0:
                self.setCurrentIndex(self._model.index(row, 0))
        finally:
            self._restoring = False
        self._set_current(keep if row >= 0 else None)

    def select_id(self, record_id: uuid.UUID | None) -> None:
        row = self._model.row_of(record_id) if record_id is not None else -1
        if row >= 0:
            self.setCurrentIndex(self._model.index(row, 0))
            self.scrollTo(self._model.index(row, 0))
        else:
            self.clearSelection()
            self.selectionModel().clearCurrentIndex()
            self._set_current(None)

    def select_row(self, row: int) -> None:
        if 0 <= row < self._model.rowCount():
            self.select_id(self._model.row_id(self._model.row_at(row)))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        if current.isValid():
            self._set_current(self._model.row_id(self._model.row_at(current.row())))
        else:
            self._set_current(None)

    def _set_current(self, record_id: uuid.UUID | None) -> None:
        if record_id != self._current:
            self._current = record_id
            self.currentIdChanged.emit(record_id)
