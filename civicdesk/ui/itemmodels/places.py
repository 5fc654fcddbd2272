"""Gazetteer places (provinces, districts, communes) for pickers with type-ahead.

The list model shows each place in the UI language; the filter model narrows it to what was
typed, in Khmer or Latin letters (``្ត`` and ``្ដ`` alike, through `places.matches`), and shows
both names so a Latin search can be checked against the Khmer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from civicdesk.i18n import current_language
from civicdesk.services.places import PlaceOption, matches
from civicdesk.ui.itemmodels.filtering import QueryFilterModel

Index = QModelIndex | QPersistentModelIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Both names, for the type-ahead popup.
BOTH_NAMES_ROLE = Qt.ItemDataRole.UserRole + 2


def place_name(option: PlaceOption, language: str) -> str:
    first, second = (
        (option.name_km, option.name_en) if language == "km" else (option.name_en, option.name_km)
    )
    return first or second


class PlaceListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._options: list[PlaceOption] = []

    def set_options(self, options: list[PlaceOption]) -> None:
        self.beginResetModel()
        self._options = list(options)
        self.endResetModel()

    def option_at(self, row: int) -> PlaceOption:
        return self._options[row]

    def row_of(self, code: str | None) -> int:
        for row, option in enumerate(self._options):
            if option.code == code:
                return row
        return -1

    def retranslate(self) -> None:
        if self._options:
            self.dataChanged.emit(self.index(0), self.index(len(self._options) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._options)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._options):
            return None
        option = self._options[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return place_name(option, current_language())
        if role == BOTH_NAMES_ROLE:
            if option.name_km and option.name_en:
                return f"{option.name_km} · {option.name_en}"
            return option.name_km or option.name_en
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{option.name_km}\n{option.name_en}\n{option.code}"
        if role == CODE_ROLE:
            return option.code
        return None


class PlaceFilterModel(QueryFilterModel):
    """The places matching what was typed; shows both names (DisplayRole) but completes with
    the UI language's (EditRole)."""

    def matches(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PlaceListModel):
            return True
        return matches(model.option_at(source_row), self.query)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return super().data(index, BOTH_NAMES_ROLE)
        return super().data(index, role)
