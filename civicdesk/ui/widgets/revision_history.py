"""A recommendation's revisions, newest first, and what the chosen one changed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from civicdesk.services.recommendations import RevisionRow
from civicdesk.ui.itemmodels.recommendations import RevisionColumn, RevisionTableModel
from civicdesk.ui.widgets.record_table import RecordTableView
from civicdesk.ui.widgets.revision_diff import RevisionDiffView


class RevisionHistory(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RevisionTableModel(self)
        self.table = RecordTableView(self.model, self, stretch_column=RevisionColumn.REASON)
        self.diff = RevisionDiffView(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.diff)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.currentIdChanged.connect(self._on_revision_changed)

    def show_history(self, revisions: Sequence[RevisionRow], *, newest: bool = False) -> None:
        """Show the revisions (oldest first, as the service gives them). A revision added since
        the last call (an amendment, an undo) is chosen at once, as is the newest when `newest`
        (another recommendation) or when nothing is chosen."""
        newest_before = self.model.rows()[:1]
        rows = list(reversed(revisions))
        self.table.set_rows(rows)
        if newest or newest_before != rows[:1] or self.table.current_id() is None:
            self.table.select_row(0)
        self._show_diff()

    def clear(self) -> None:
        self.table.set_rows([])
        self._show_diff()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.diff.retranslate()

    @Slot(object)
    def _on_revision_changed(self, _revision_id: object) -> None:
        self._show_diff()

    def _show_diff(self) -> None:
        revision: RevisionRow | None = self.table.current_record()
        if revision is None:
            self.diff.show_revisions(None, None)
            return
        rows: list[RevisionRow] = self.model.rows()
        previous = next((r for r in rows if r.number == revision.number - 1), None)
        self.diff.show_revisions(revision, previous)
