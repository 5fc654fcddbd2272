"""Sortable read-only tables over service rows, on the shared `RowTableModel`, and the
helpers their cells use (names in both scripts, numbers in the UI's digits)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from civicdesk.i18n import current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.ui.itemmodels.row_table import ID_ROLE, RowTableModel, in_language

__all__ = [
    "ID_ROLE",
    "SORT_ROLE",
    "Index",
    "SortableTableModel",
    "both_names",
    "in_language",
    "number",
]

Index = QModelIndex | QPersistentModelIndex

#: What a column sorts by (numbers as numbers), for a QSortFilterProxyModel's sort role.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def both_names(km: str, latin: str) -> str:
    """A person's name in both scripts, the UI language's first: "សុខ ចាន់ធី (Sok Chanthy)"."""
    first, second = (km, latin) if current_language() == "km" else (latin, km)
    if first and second:
        return f"{first} ({second})"
    return first or second


def number(n: int) -> str:
    return format_number(n, current_language())


class SortableTableModel(RowTableModel):
    """Subclasses list their headers and say what each cell shows; numbers sort as numbers
    and stand right-aligned, and each row can have a tool tip."""

    #: Columns whose cells are numbers.
    numeric_columns: frozenset[int] = frozenset()

    def headers(self) -> list[str]:
        raise NotImplementedError

    def sort_value(self, row: Any, column: int) -> Any:
        return self.display(row, column)

    def tool_tip(self, row: Any, column: int) -> str | None:
        return None

    def column_count(self) -> int:
        return len(self.headers())

    def header(self, column: int) -> str:
        return self.headers()[column]

    def extra(self, row: Any, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tool_tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric_columns:
            return RIGHT
        return None
