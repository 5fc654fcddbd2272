"""The tables of the sign-in screen, and the buttons of its dialogs."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.ui.itemmodels.attendance import SortByKeyModel
from civicdesk.ui.itemmodels.records import SortableTableModel

#: The widest a column other than the main one starts (long text is elided, and the whole of
#: it is in the tool tip); the person can widen it.
MAX_COLUMN_WIDTH = 170
#: The share of the width the main column (usually the name) keeps, whatever the others need.
MAIN_SHARE = 0.3
NARROWEST_COLUMN = 40


class RecordTable(QTableView):
    """A read-only table of records, one selected at a time, rows as tall as their text needs
    (Khmer needs more than Latin). The main column takes the room the others leave; they fit
    their text, narrowed together when the table is too narrow for all of it."""

    def __init__(
        self,
        parent: QWidget,
        model: QAbstractItemModel,
        main_column: int,
        *,
        sortable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._main = main_column
        self.setModel(model)
        self.setSortingEnabled(sortable)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(main_column, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        model.modelReset.connect(self.fit_columns)
        model.layoutChanged.connect(self.fit_columns)

    @classmethod
    def sorted(cls, parent: QWidget, model: SortableTableModel, main_column: int) -> RecordTable:
        """A table of `model`'s rows that sorts by their sort keys when a header is clicked."""
        proxy = SortByKeyModel(parent)
        proxy.setSourceModel(model)
        return cls(parent, proxy, main_column)

    def current_source_row(self) -> int:
        """The chosen row, in the rows of the model under any sorting proxy; -1 for none."""
        index = self.currentIndex()
        if not index.isValid():
            return -1
        model = self.model()
        if isinstance(model, QAbstractProxyModel):
            index = model.mapToSource(index)
        return index.row()

    def select_source_row(self, row: int) -> None:
        model = self.model()
        if isinstance(model, QAbstractProxyModel):
            self.setCurrentIndex(model.mapFromSource(model.sourceModel().index(row, 0)))
        else:
            self.setCurrentIndex(model.index(row, 0))

    @Slot()
    def fit_columns(self) -> None:
        model = self.model()
        columns = [c for c in range(model.columnCount() if model else 0) if c != self._main]
        wanted = {}
        for column in columns:
            self.resizeColumnToContents(column)
            wanted[column] = min(self.columnWidth(column), MAX_COLUMN_WIDTH)
        cap = _cap(list(wanted.values()), int(self.viewport().width() * (1 - MAIN_SHARE)))
        for column, width in wanted.items():
            self.setColumnWidth(column, max(NARROWEST_COLUMN, min(width, cap)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()


def _cap(widths: list[int], room: int) -> int:
    """The widest any column may be for all of them to fit in `room`: the widest columns give
    up width first, so short ones (a sex, a tick) stay whole."""
    remaining = room
    ordered = sorted(widths)
    for position, width in enumerate(ordered):
        share = remaining // (len(ordered) - position)
        if width > share:
            return share
        remaining -= width
    return max(widths, default=0)


def name_buttons(buttons: QDialogButtonBox) -> None:
    """OK and Cancel in the UI language (Qt has no Khmer for its own buttons)."""
    for which, text in (
        (QDialogButtonBox.StandardButton.Ok, _("OK")),
        (QDialogButtonBox.StandardButton.Cancel, _("Cancel")),
    ):
        button = buttons.button(which)
        if button is not None:
            button.setText(text)
