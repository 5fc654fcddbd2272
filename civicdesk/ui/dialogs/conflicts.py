"""The conflicts left by package imports, one at a time: both versions side by side, "keep mine"
or "take theirs"."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.exchange import resolve_conflict
from civicdesk.exchange.conflicts import Keep
from civicdesk.exchange.presentation import ConflictDetails, describe_conflicts
from civicdesk.i18n import _, current_language, ngettext
from civicdesk.i18n.khmer import format_number
from civicdesk.services import DomainError
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.new_meeting import BANNER_STYLE
from civicdesk.ui.itemmodels.conflicts import (
    ConflictColumn,
    ConflictListModel,
    DifferenceColumn,
    DifferenceModel,
)
from civicdesk.ui.itemmodels.display import wrappable
from civicdesk.ui.widgets.record_table import RecordTableView

#: Room for two versions of a paragraph side by side; inside a 1366×768 screen.
DEFAULT_SIZE = (1000, 640)
NOTE_STYLE = "QLabel { color: #7a1c13; }"


class ConflictDialog(QDialog):
    """Not modal: the person can look at the meeting in its workspace before choosing. Each
    choice is one transaction; a refusal is shown above the buttons and changes nothing."""

    #: A conflict was resolved: the records shown elsewhere may have changed.
    conflictResolved = Signal()

    def __init__(self, database: Database, *, actor: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self.model = ConflictListModel(self)
        self.differences = DifferenceModel(self)
        self._build()
        self._connect()
        self.retranslate()
        self.resize(*DEFAULT_SIZE)

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.table = RecordTableView(self.model, self, stretch_column=ConflictColumn.FIELDS)
        self.table.horizontalHeader().setSectionResizeMode(
            ConflictColumn.RECORD, QHeaderView.ResizeMode.Stretch
        )
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self._mine_label = QLabel(self)
        self._theirs_label = QLabel(self)
        self.mine_origin = QLabel(self)
        self.theirs_origin = QLabel(self)
        for label in (self.mine_origin, self.theirs_origin):
            label.setWordWrap(True)
        self.comparison = self._comparison_table()
        self.lock_note = QLabel(self)
        self.lock_note.setWordWrap(True)
        self.lock_note.setStyleSheet(NOTE_STYLE)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.keep_mine_button = QPushButton(self)
        self.take_theirs_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.take_theirs_button, QDialogButtonBox.ButtonRole.ActionRole)

        origins = QGridLayout()
        origins.addWidget(self._mine_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        origins.addWidget(self.mine_origin, 0, 1)
        origins.addWidget(self._theirs_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        origins.addWidget(self.theirs_origin, 1, 1)
        origins.setColumnStretch(1, 1)
        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.heading)
        details_layout.addLayout(origins)
        details_layout.addWidget(self.comparison, 1)
        details_layout.addWidget(self.lock_note)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

    def _comparison_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.differences)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(DifferenceColumn.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DifferenceColumn.MINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DifferenceColumn.THEIRS, QHeaderView.ResizeMode.Stretch)
        return table

    def _connect(self) -> None:
        self.table.currentIdChanged.connect(self._on_current_changed)
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.take_theirs_button.clicked.connect(self.take_theirs)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------------ language and data

    def retranslate(self) -> None:
        self.setWindowTitle(_("Conflicts between versions"))
        self._intro.setText(
            wrappable(
                _(
                    "These records were changed both on this computer and on another one "
                    "since they were last exchanged. Compare the two versions of each and "
                    "choose the one to keep; the choice travels in the next package."
                )
            )
        )
        self._mine_label.setText(_("Mine:"))
        self._theirs_label.setText(_("Theirs:"))
        self.keep_mine_button.setText(_("&Keep mine"))
        self.take_theirs_button.setText(_("&Take theirs"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("&Close"))
        self.model.retranslate()
        self.differences.retranslate()
        self.reload()  # the descriptions are made in the UI language

    def reload(self) -> None:
        with self._database.reading() as session:
            rows = describe_conflicts(session)
        self.table.set_rows(rows)
        if self.table.current_id() is None and rows:
            self.table.select_row(0)
        self._show(self.current_conflict())

    def conflict_count(self) -> int:
        return self.model.rowCount()

    def current_conflict(self) -> ConflictDetails | None:
        record = self.table.current_record()
        return record if isinstance(record, ConflictDetails) else None

    def select_conflict(self, conflict_id: uuid.UUID) -> None:
        self.table.select_id(conflict_id)

    @Slot(object)
    def _on_current_changed(self, _conflict_id: object) -> None:
        self.banner.hide()
        self._show(self.current_conflict())

    def _show(self, conflict: ConflictDetails | None) -> None:
        self.differences.set_conflict(conflict)
        self.comparison.resizeRowsToContents()
        locked = conflict is not None and conflict.locked
        self.keep_mine_button.setEnabled(conflict is not None)
        # Taking theirs would be refused; the refusal is still shown if the record was locked
        # after the list was read.
        self.take_theirs_button.setEnabled(conflict is not None and not locked)
        count = self.model.rowCount()
        if conflict is None:
            self.heading.setText(
                _("No conflicts to resolve.")
                if count == 0
                else ngettext(
                    "{count} conflict to resolve: choose it in the list.",
                    "{count} conflicts to resolve: choose one in the list.",
                    count,
                ).format(count=format_number(count, current_language()))
            )
        else:
            self.heading.setText(
                wrappable(_("{kind}: {record}").format(kind=conflict.kind, record=conflict.record))
            )
        self.mine_origin.setText(conflict.mine_origin if conflict else "")
        self.theirs_origin.setText(conflict.theirs_origin if conflict else "")
        for widget in (self._mine_label, self._theirs_label, self.mine_origin, self.theirs_origin):
            widget.setVisible(conflict is not None)
        self.lock_note.setVisible(locked)
        self.lock_note.setText(
            wrappable(
                _(
                    "This record is locked here (a signed meeting or an endorsed joint list): "
                    "only the version in use can be kept."
                )
            )
            if locked
            else ""
        )

    # ------------------------------------------------------------------ choosing

    @Slot()
    def keep_mine(self) -> bool:
        return self._resolve("mine")

    @Slot()
    def take_theirs(self) -> bool:
        return self._resolve("theirs")

    def _resolve(self, keep: Keep) -> bool:
        conflict = self.current_conflict()
        if conflict is None:
            return False
        self.banner.hide()
        row = self.table.current_row()
        try:
            with self._database.transaction(self._actor) as session:
                resolve_conflict(session, conflict.id, keep)
        except DomainError as error:
            self.reload()  # the refusal may come from a change made meanwhile
            self.banner.setText(wrappable(error.message))
            self.banner.show()
            return False
        self.reload()
        self.table.select_row(min(row, self.model.rowCount() - 1))
        self.conflictResolved.emit()
        return True
