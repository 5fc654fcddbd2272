"""Step: the joint action plan (technical partnership meetings), and progress on it.

An action is added with "Add to the plan"; after that, changes to it are saved as they are made
(a moment after typing stops, or on leaving a field), each an undoable edit through the services.
At a follow-up meeting the page lists the district's actions, planned elsewhere, and records their
progress.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, QTimer, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language, ngettext
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.text import clean
from civicdesk.models.enums import MeetingKind, RecommendationStatus, Side
from civicdesk.services import actions, people, recommendations
from civicdesk.services.actions import ActionPlan, ActionRow
from civicdesk.ui.itemmodels.actions import (
    SORT_ROLE,
    ActionColumn,
    ActionTableModel,
    ProgressColumn,
    ProgressTableModel,
)
from civicdesk.ui.itemmodels.pickers import OrganisationChoiceModel, RecommendationChoiceModel
from civicdesk.ui.workspace.action_commands import PlanActionCommand, UpdateActionCommand
from civicdesk.ui.workspace.action_editor import ActionEditor
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.progress_dialog import ProgressDialog
from civicdesk.ui.workspace.steps import Step

#: How long after the last keystroke an action's change is saved.
SAVE_DELAY_MS = 800


def _cleaned(plan: ActionPlan) -> ActionPlan:
    """The plan as the service will store it (text tidied), for telling real changes apart."""
    changes: dict[str, Any] = {
        field.name: clean(getattr(plan, field.name))
        for field in dataclasses.fields(plan)
        if isinstance(getattr(plan, field.name), str)
    }
    return dataclasses.replace(plan, **changes)


@register
class ActionsPage(StepPage):
    step = Step.ACTIONS
    topics = frozenset({Topic.ACTIONS, Topic.RECOMMENDATIONS, Topic.VOTES})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._rows: list[ActionRow] = []
        self._selected_id: uuid.UUID | None = None
        #: "New action" was chosen: a reload must not select an action in its place.
        self._creating = False
        #: The table's selection is being set to match the form (not a person's choice).
        self._highlighting = False
        #: The plan the editor last showed or saved: a reload that brings the same plan back
        #: leaves the fields (and whatever is being typed) alone.
        self._editor_plan: ActionPlan | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._build()
        self._connect()
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = ActionTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the plan's own order
        # One line a row (the full text is in the tooltip and the form below), so several
        # actions fit above the form on a laptop screen.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (ActionColumn.OFFICE, ActionColumn.PARTNER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 170)
        header.setSectionResizeMode(ActionColumn.ACTION, QHeaderView.ResizeMode.Stretch)
        self.overdue_label = QLabel(self)
        self.overdue_label.setWordWrap(True)
        self.overdue_label.setStyleSheet("QLabel { color: #a01e14; }")

        self.progress_model = ProgressTableModel(self)
        self.progress_table = self._table(self.progress_model)
        progress_header = self.progress_table.horizontalHeader()
        progress_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        progress_header.setSectionResizeMode(ProgressColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        self.record_button = QPushButton(self)
        self.progress_box = QGroupBox(self)
        progress_buttons = QHBoxLayout()
        progress_buttons.addStretch(1)
        progress_buttons.addWidget(self.record_button)
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.setContentsMargins(6, 4, 6, 4)
        progress_layout.addWidget(self.progress_table, 1)
        progress_layout.addLayout(progress_buttons)

        table_side = QWidget(self)
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.overdue_label)

        self.recommendation_model = RecommendationChoiceModel(self)
        self.partner_model = OrganisationChoiceModel(self)
        self.partner_model.set_side(Side.CIVIL_SOCIETY)
        self.editor = ActionEditor(self.recommendation_model, self.partner_model, self)
        self.editor_note = QLabel(self)
        self.editor_note.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.add_button = QPushButton(self)
        self.add_button.setDefault(True)
        editor_buttons = QHBoxLayout()
        editor_buttons.addWidget(self.editor_note, 1)
        editor_buttons.addWidget(self.new_button)
        editor_buttons.addWidget(self.add_button)
        editor_body = QWidget(self)
        editor_layout = QVBoxLayout(editor_body)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.editor, 1)
        editor_layout.addLayout(editor_buttons)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(editor_body)
        self.editor_box = QGroupBox(self)
        box_layout = QVBoxLayout(self.editor_box)
        box_layout.setContentsMargins(6, 4, 6, 4)
        box_layout.addWidget(scroll)

        self.lower_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.lower_splitter.addWidget(self.editor_box)
        self.lower_splitter.addWidget(self.progress_box)
        self.lower_splitter.setStretchFactor(0, 3)
        self.lower_splitter.setStretchFactor(1, 2)
        self.lower_splitter.setSizes([650, 450])
        self.lower_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(table_side)
        self.splitter.addWidget(self.lower_splitter)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.splitter, 1)

    def _table(self, model: QSortFilterProxyModel | ProgressTableModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.new_button.clicked.connect(self.start_new_action)
        self.add_button.clicked.connect(self.add_action)
        self.record_button.clicked.connect(self.record_progress)
        self.editor.edited.connect(self._on_edited)
        self.editor.committed.connect(self.save_now)
        self._save_timer.timeout.connect(self.save_now)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.intro.setText(
            _(
                "The joint action plan: for each adopted recommendation, what will be done, by "
                "which office of the administration, with which CSO partner, by when, and how "
                "progress will be measured."
            )
        )
        self.progress_box.setTitle(_("Progress of the selected action"))
        self.record_button.setText(_("Record progress…"))
        self.new_button.setText(_("New action"))
        self.add_button.setText(_("Add to the plan"))
        self.editor.retranslate()
        self.model.retranslate()
        self.progress_model.retranslate()
        self.recommendation_model.refresh()
        self.partner_model.refresh()
        self._show_mode()

    # ------------------------------------------------------------------ reading

    def _follow_up(self) -> bool:
        return self.context.summary().kind is MeetingKind.FOLLOW_UP

    def _read_actions(self) -> list[ActionRow]:
        summary = self.context.summary()
        if self._follow_up() and summary.district_code:
            return self.context.read(actions.actions, district_code=summary.district_code)
        return self.context.read(actions.actions, meeting_id=self.context.meeting_id)

    def _read_adopted(self) -> list[recommendations.RecommendationRow]:
        summary = self.context.summary()
        if summary.district_code:
            rows = self.context.read(
                recommendations.recommendations, district_code=summary.district_code
            )
        else:
            rows = [
                r
                for r in self.context.read(recommendations.recommendations)
                if r.province_code == summary.province_code
            ]
        return [r for r in rows if r.status is RecommendationStatus.ADOPTED]

    def reload(self) -> None:
        self.save_now()
        self._rows = self._read_actions()
        self.editor.set_choices(self._read_adopted(), self.context.read(people.list_organisations))
        self.model.set_rows(self._rows)
        self._after_reload()
        self._show_overdue()
        self._show_mode()

    def _after_reload(self) -> None:
        current = self.selected_action()
        if current is None:
            if self._selected_id is not None or (self._rows and not self._creating):
                # The action shown is gone (an undone plan), or none was chosen yet.
                self._selected_id = self._editor_plan = None
                first = self._rows[0] if self._rows and not self._creating else None
                self._show(first)
            self._highlight()
            return
        if self._editor_plan is None or _cleaned(current.plan) != _cleaned(self._editor_plan):
            # Changed elsewhere (an undo, say): show what is stored now.
            self._editor_plan = current.plan
            self.editor.set_plan(current.plan)
        self.progress_model.set_rows(current.updates)
        self._highlight()

    def _show_overdue(self) -> None:
        overdue = sum(self.model.is_overdue(row) for row in range(self.model.rowCount()))
        self.overdue_label.setVisible(bool(overdue))
        self.overdue_label.setText(
            ngettext(
                "{count} action is overdue: its due date has passed and it is not done.",
                "{count} actions are overdue: their due date has passed and they are not done.",
                overdue,
            ).format(count=format_number(overdue, current_language()))
        )

    def set_today(self, today: Callable[[], dt.date]) -> None:
        """The day that counts as today for overdue marks (fixed, for repeatable screenshots)."""
        self.model.set_today(today)
        self._show_overdue()

    def missing(self) -> list[str]:
        if self._follow_up():
            reported = any(
                update.meeting_id == self.context.meeting_id
                for row in self._rows
                for update in row.updates
            )
            return [] if reported else [_("No progress recorded")]
        return [] if self._rows else [_("No actions planned")]

    # ------------------------------------------------------------------ selection

    def selected_action(self) -> ActionRow | None:
        if self._selected_id is None:
            return None
        return next((row for row in self._rows if row.id == self._selected_id), None)

    def select_action(self, action_id: uuid.UUID) -> None:
        """Show the action in the form (saving the one shown before) and highlight its row."""
        action = next((row for row in self._rows if row.id == action_id), None)
        if action is not None:
            self._creating = False
            self._show(action)
            self._highlight()

    def _show(self, action: ActionRow | None) -> None:
        """Put `action` (None: a blank new one) in the form, after saving the one shown."""
        self.save_now()
        self._selected_id = action.id if action else None
        self._editor_plan = action.plan if action else None
        self.editor.set_plan(action.plan if action else ActionPlan())
        self.progress_model.set_rows(action.updates if action else [])
        self._show_mode()

    def _highlight(self) -> None:
        """Select the shown action's row in the table, without that counting as a choice."""
        self._highlighting = True
        try:
            row = self.model.row_of(self._selected_id) if self._selected_id else -1
            if row < 0:
                self.table.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if self.table.currentIndex().row() != index.row():
                self.table.selectRow(index.row())
        finally:
            self._highlighting = False

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if self._highlighting or not rows:
            return
        action = self.model.row_at(self.proxy.mapToSource(rows[0]).row())
        if action.id != self._selected_id:
            self._creating = False
            self._show(action)

    def _editable(self, action: ActionRow | None) -> bool:
        if self.context.locked:
            return False
        return action is None or action.meeting_id == self.context.meeting_id

    def _show_mode(self) -> None:
        action = self.selected_action()
        locked = self.context.locked
        editable = self._editable(action)
        self.editor.set_editable(editable)
        self.add_button.setVisible(action is None and not self._follow_up())
        self.add_button.setEnabled(not locked)
        self.new_button.setEnabled(not locked and not self._follow_up())
        self.record_button.setEnabled(action is not None and not locked)
        if action is None:
            self.editor_box.setTitle(_("New action"))
            self.editor_note.setText(
                _("Fill in the action, then add it to the plan.")
                if not self._follow_up()
                else _("Choose an action to see its plan and record its progress.")
            )
        else:
            self.editor_box.setTitle(
                _("Action {number}").format(
                    number=format_number(action.position, current_language())
                )
            )
            if locked:
                note = _("The meeting has been signed: its action plan can no longer change.")
            elif editable:
                note = _("Changes are saved as you make them; Ctrl+Z undoes them.")
            else:
                note = _(
                    "This action was planned at another meeting; its plan can no longer change "
                    "here, but its progress can be recorded."
                )
            self.editor_note.setText(note)

    # ------------------------------------------------------------------ changing

    @Slot()
    def start_new_action(self) -> None:
        self._creating = True
        self._show(None)
        self._highlight()
        self.editor.description_km.setFocus()

    @Slot()
    def add_action(self) -> None:
        command = PlanActionCommand(self.context.meeting_id, self.editor.plan())
        if self.context.execute(command):
            assert isinstance(command.result, uuid.UUID)
            # The form showed the new action's text: show the stored action in its place.
            self._selected_id = self._editor_plan = None
            self.select_action(command.result)

    @Slot()
    def _on_edited(self) -> None:
        if self.selected_action() is not None:
            self._save_timer.start()

    @Slot()
    def save_now(self) -> None:
        """Save the pending changes of the action in the form, if there are any."""
        self._save_timer.stop()
        if self._editor_plan is None:
            return
        action = self.selected_action()
        if action is None or not self._editable(action):
            return
        plan = self.editor.plan()
        if _cleaned(plan) == _cleaned(self._editor_plan):
            return
        before = self._editor_plan
        self._editor_plan = plan
        if not self.context.execute(UpdateActionCommand(action.id, before, plan)):
            self._editor_plan = before

    @Slot()
    def record_progress(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        self.save_now()
        dialog = ProgressDialog(self.context, action, self)
        dialog.exec()
        dialog.deleteLater()

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_now()
        super().hideEvent(event)

    def apply_lock(self, locked: bool) -> None:
        super().apply_lock(locked)
        self._show_mode()
