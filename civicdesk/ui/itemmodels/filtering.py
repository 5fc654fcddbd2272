"""Changing a filter proxy's criteria the way the installed Qt wants it.

Qt 6.10 deprecated `invalidateFilter()` and `invalidateRowsFilter()` for the pair
`beginFilterChange()` / `endFilterChange()`; the older calls are what Qt 6.7 to 6.9 have.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from civicdesk.i18n.text import search_key

_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


@contextmanager
def rows_filter_change(proxy: QSortFilterProxyModel) -> Iterator[None]:
    """Change what `proxy.filterAcceptsRow` looks at inside this block."""
    if _HAS_FILTER_CHANGE:
        proxy.beginFilterChange()
        try:
            yield
        finally:
            proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        yield
        proxy.invalidateRowsFilter()


class QueryFilterModel(QSortFilterProxyModel):
    """The rows that match what a person typed; subclasses say what matches."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.query = ""

    def set_query(self, text: str) -> None:
        with rows_filter_change(self):
            self.query = text.strip()

    def matches(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        raise NotImplementedError

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.query or self.sourceModel() is None:
            return True
        return self.matches(source_row, source_parent)


class TextFilterModel(QueryFilterModel):
    """Rows whose display text or tool tip contains what was typed, compared by search key
    (Khmer spelling variants and case do not matter)."""

    def matches(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, self.filterKeyColumn(), source_parent)
        texts = [
            model.data(index, Qt.ItemDataRole.DisplayRole),
            model.data(index, Qt.ItemDataRole.ToolTipRole),
        ]
        return search_key(self.query) in search_key(" ".join(str(t) for t in texts if t))
