"""Finding a known person at the door, and how they are signed in (role, side, vote).

Typing narrows the list (name in Khmer or Latin letters, organisation, phone); the first match
is highlighted, the arrow keys move the highlight without leaving the search line, and Enter
signs the highlighted person in.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.i18n.labels import choices
from civicdesk.models.enums import AttendanceRole, AttendanceStatus, Side
from civicdesk.services.attendance import NON_VOTING_ROLES
from civicdesk.services.people import PersonInfo
from civicdesk.ui.itemmodels.people import PersonColumn, PersonSearchModel
from civicdesk.ui.workspace.sign_in.commands import CheckIn
from civicdesk.ui.workspace.sign_in.record_table import RecordTable

_MOVES = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -10,
    Qt.Key.Key_PageDown: 10,
}


class SearchLine(QLineEdit):
    """A search line whose arrow keys move the highlight in the results."""

    moveRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _MOVES.get(Qt.Key(event.key()))
        if step is not None:
            self.moveRequested.emit(step)
            return
        super().keyPressEvent(event)


def default_may_vote(role: AttendanceRole, side: Side) -> bool:
    """As `attendance.sign_in` decides when not told."""
    return role not in NON_VOTING_ROLES and side is not Side.OBSERVER


class CheckInOptions(QWidget):
    """Role, side and vote for the next sign-in; the side follows the person's organisation
    until the clerk changes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = QComboBox(self)
        self.side = QComboBox(self)
        self.may_vote = QCheckBox(self)
        self._role_label = QLabel(self)
        self._role_label.setBuddy(self.role)
        self._side_label = QLabel(self)
        self._side_label.setBuddy(self.side)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._role_label, 0, 0)
        grid.addWidget(self.role, 0, 1)
        grid.addWidget(self._side_label, 1, 0)
        grid.addWidget(self.side, 1, 1)
        grid.addWidget(self.may_vote, 2, 1)
        grid.setColumnStretch(1, 1)
        self.role.activated.connect(self._on_changed)
        self.side.activated.connect(self._on_changed)
        self.retranslate()
        self.set_defaults(None)

    def retranslate(self) -> None:
        self._role_label.setText(_("&Role:"))
        self._side_label.setText(_("Si&de:"))
        self.may_vote.setText(_("May &vote"))
        for combo, items in ((self.role, choices(AttendanceRole)), (self.side, choices(Side))):
            selected = combo.currentData()
            combo.clear()
            for value, text in items:
                combo.addItem(text, value.value)
            combo.setCurrentIndex(max(combo.findData(selected), 0))

    def set_defaults(self, side: Side | None) -> None:
        """A participant on `side` (civil society if not known), voting as the rules say."""
        self.role.setCurrentIndex(self.role.findData(AttendanceRole.PARTICIPANT.value))
        self.side.setCurrentIndex(self.side.findData((side or Side.CIVIL_SOCIETY).value))
        self._on_changed()

    def check_in(self) -> CheckIn:
        return CheckIn(
            role=AttendanceRole(self.role.currentData()),
            side=Side(self.side.currentData()),
            may_vote=self.may_vote.isChecked(),
        )

    @Slot()
    def _on_changed(self) -> None:
        self.may_vote.setChecked(
            default_may_vote(AttendanceRole(self.role.currentData()), Side(self.side.currentData()))
        )


class SearchPanel(QWidget):
    #: The query changed: the owner reads the matching people and calls `set_results`.
    queryChanged = Signal(str)
    #: Sign this person in (Enter, a double click, or the button).
    signInRequested = Signal(object)  # PersonInfo
    #: The highlighted person changed (None: nobody).
    currentChanged = Signal(object)  # PersonInfo | None
    #: The clerk wants to add someone who is not in the directory (with what was typed).
    addPersonRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchLine(self)
        self.search.setClearButtonEnabled(True)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self.search)
        self.results_model = PersonSearchModel(self)
        self.results = RecordTable(self, self.results_model, PersonColumn.NAME, sortable=False)
        self.sign_in_button = QPushButton(self)
        self.add_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        self._connect()
        self.retranslate()

    def _connect(self) -> None:
        self.search.textChanged.connect(self.queryChanged)
        self.search.returnPressed.connect(self._on_sign_in)
        self.search.moveRequested.connect(self._on_move)
        self.results.activated.connect(self._on_activated)
        self.results.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.sign_in_button.clicked.connect(self._on_sign_in)
        self.add_button.clicked.connect(self._on_add)

    def retranslate(self) -> None:
        self._search_label.setText(_("&Find a person (name, organisation or phone):"))
        self.search.setPlaceholderText(
            _("Type, then press Enter to sign in the highlighted person")
        )
        self.sign_in_button.setText(_("&Sign in"))
        self.add_button.setText(_("&Add a new person…"))
        self.results_model.retranslate()

    # ------------------------------------------------------------------ results

    def set_results(
        self, people: list[PersonInfo], statuses: dict[uuid.UUID, AttendanceStatus]
    ) -> None:
        current = self.current_person()
        self.results_model.set_people(people, statuses)
        row = -1  # nothing typed, nothing highlighted: a second Enter signs no one in by chance
        if self.search.text().strip() and people:
            # The same person if still found (the list was reloaded), else the best match.
            row = max(self.results_model.row_of(current.id) if current else -1, 0)
        self._highlight(row)

    def current_person(self) -> PersonInfo | None:
        row = self.results.currentIndex().row()
        if 0 <= row < self.results_model.rowCount():
            return self.results_model.person_at(row)
        return None

    def clear_search(self) -> None:
        self.search.clear()
        self.search.setFocus()

    def _highlight(self, row: int) -> None:
        if row < 0:
            self.results.setCurrentIndex(QModelIndex())
            self.currentChanged.emit(None)
            return
        index = self.results_model.index(row, 0)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    # ------------------------------------------------------------------ slots

    @Slot(int)
    def _on_move(self, step: int) -> None:
        count = self.results_model.rowCount()
        if count:
            row = self.results.currentIndex().row()
            self._highlight(min(max(row + step, 0), count - 1))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentChanged.emit(self.current_person())

    @Slot(QModelIndex)
    def _on_activated(self, _index: QModelIndex) -> None:
        self._on_sign_in()

    @Slot()
    def _on_sign_in(self) -> None:
        person = self.current_person()
        if person is not None:
            self.signInRequested.emit(person)

    @Slot()
    def _on_add(self) -> None:
        self.addPersonRequested.emit(self.search.text().strip())
