"""An editable combo box whose suggestions narrow as one types (in Khmer or Latin letters).

The combo shows its own list model; the suggestions come from a `QueryFilterModel` over that
list, told what was typed. Picking a suggestion chooses that row of the combo.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, Qt, Slot
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from civicdesk.ui.itemmodels.filtering import QueryFilterModel


class TypeAheadCombo(QComboBox):
    def __init__(
        self,
        choices: QAbstractItemModel,
        suggestions: QueryFilterModel,
        parent: QWidget | None = None,
        *,
        width_in_characters: int = 12,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(width_in_characters)
        for model in (choices, suggestions):
            if model.parent() is None:
                model.setParent(self)
        self.setModel(choices)
        self._suggestions = suggestions
        suggestions.setSourceModel(choices)
        self._completer = QCompleter(suggestions, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        self._completer.setMaxVisibleItems(12)
        self.setCompleter(self._completer)
        line = self.lineEdit()
        assert line is not None  # an editable combo has one
        line.textEdited.connect(suggestions.set_query)
        self._completer.activated[QModelIndex].connect(self._on_completion)  # type: ignore[index]

    def set_placeholder(self, text: str) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(text)

    def clear_query(self) -> None:
        self._suggestions.set_query("")

    def shows_chosen_row(self) -> bool:
        """The line shows the text of the chosen row (not something typed since)."""
        row = self.currentIndex()
        return row >= 0 and self.currentText().strip() == self.itemText(row)

    @Slot(QModelIndex)
    def _on_completion(self, index: QModelIndex) -> None:
        # QComboBox maps the completion back itself; this also covers a pick of the row that
        # was already current (no index change), whose text typing had replaced.
        completion = self._completer.completionModel()
        if isinstance(completion, QAbstractProxyModel):
            source = self._suggestions.mapToSource(completion.mapToSource(index))
            if source.isValid():
                self.setCurrentIndex(source.row())
                self.setEditText(self.itemText(source.row()))
        self.clear_query()
