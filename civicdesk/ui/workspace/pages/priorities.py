"""Prioritisation at a workshop: each participant places dots on (or ranks) the districts'
adopted recommendations; the results are ranked with ties shown, here and on the projector."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import AttendanceStatus, PriorityMethod, PriorityRoundStatus
from civicdesk.services import attendance, priorities
from civicdesk.services.priorities import CandidateRow, RoundView
from civicdesk.ui.itemmodels.priorities import (
    MarksTableModel,
    ParticipantRow,
    ParticipantTableModel,
    ResultsTableModel,
)
from civicdesk.ui.itemmodels.row_table import in_language
from civicdesk.ui.widgets.number_spin import NumberSpinBox
from civicdesk.ui.widgets.record_table import RecordTableView
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.steps import Step

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1


class NewRoundDialog(QDialog):
    """Title, method, dots per participant, and which recommendations are candidates."""

    def __init__(self, candidates: list[CandidateRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New priority round"))
        self.title_km = QLineEdit(self)
        self.title_en = QLineEdit(self)
        self.method = QComboBox(self)
        for method in PriorityMethod:
            self.method.addItem(label(method), method.value)
        self.dots = NumberSpinBox(self)
        self.dots.setRange(1, 50)
        self.dots.setValue(5)
        self.candidates = QStandardItemModel(self)
        for candidate in candidates:
            item = QStandardItem(
                f"{candidate.code}  {in_language(candidate.text_km, candidate.text_en)}"
            )
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setEditable(False)
            item.setData(str(candidate.id), CANDIDATE_ROLE)
            self.candidates.appendRow(item)
        view = QListView(self)
        view.setModel(self.candidates)
        view.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Title in Khmer"), self.title_km)
        form.addRow(_("Title in English"), self.title_en)
        form.addRow(_("Method"), self.method)
        form.addRow(_("Dots per participant"), self.dots)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Recommendations to prioritise:"), self))
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        self.method.currentIndexChanged.connect(self._on_method)
        self.resize(760, 560)

    @Slot(int)
    def _on_method(self, _index: int) -> None:
        self.dots.setEnabled(self.chosen_method() is PriorityMethod.DOTS)

    def chosen_method(self) -> PriorityMethod:
        return PriorityMethod(str(self.method.currentData()))

    def chosen_candidates(self) -> list[uuid.UUID]:
        chosen = []
        for row in range(self.candidates.rowCount()):
            item = self.candidates.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(uuid.UUID(str(item.data(CANDIDATE_ROLE))))
        return chosen


@register
class PrioritiesPage(StepPage):
    step = Step.PRIORITIES
    topics = frozenset({Topic.RECOMMENDATIONS, Topic.ATTENDANCE, Topic.VOTES})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._round: RoundView | None = None
        self._rounds = QComboBox(self)
        self._rounds.setProperty("keepEnabledWhenLocked", True)
        self._new_round = QPushButton(self)
        self._status = QLabel(self)
        self._participants_model = ParticipantTableModel(self)
        self._participants = RecordTableView(self._participants_model, self, stretch_column=0)
        self._marks_model = MarksTableModel(self)
        self._marks = RecordTableView(self._marks_model, self, stretch_column=1)
        self._marks.setEditTriggers(
            RecordTableView.EditTrigger.DoubleClicked
            | RecordTableView.EditTrigger.EditKeyPressed
            | RecordTableView.EditTrigger.AnyKeyPressed
        )
        self._remaining = QLabel(self)
        self._save = QPushButton(self)
        self._results_model = ResultsTableModel(self)
        self._results = RecordTableView(self._results_model, self, stretch_column=2)
        self._results.setProperty("keepEnabledWhenLocked", True)
        self._close_round = QPushButton(self)
        self._project = QPushButton(self)
        self._project.setProperty("keepEnabledWhenLocked", True)
        self._marks_title = QLabel(self)
        self._results_title = QLabel(self)
        self._round_label = QLabel(self)
        self._build()
        self._connect()
        self.retranslate()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._round_label)
        top.addWidget(self._rounds, 1)
        top.addWidget(self._new_round)
        top.addWidget(self._status)
        marks = QWidget(self)
        marks_layout = QVBoxLayout(marks)
        marks_layout.setContentsMargins(0, 0, 0, 0)
        marks_layout.addWidget(self._marks_title)
        marks_layout.addWidget(self._marks, 1)
        row = QHBoxLayout()
        row.addWidget(self._remaining, 1)
        row.addWidget(self._save)
        marks_layout.addLayout(row)
        entry = QSplitter(Qt.Orientation.Horizontal, self)
        entry.addWidget(self._participants)
        entry.addWidget(marks)
        entry.setStretchFactor(1, 2)
        results = QWidget(self)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self._results_title, 1)
        heading.addWidget(self._project)
        heading.addWidget(self._close_round)
        results_layout.addLayout(heading)
        results_layout.addWidget(self._results, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(entry)
        splitter.addWidget(results)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self._rounds.currentIndexChanged.connect(self._on_round_chosen)
        self._new_round.clicked.connect(self.new_round)
        self._participants.currentIdChanged.connect(self._on_participant)
        self._marks_model.dataChanged.connect(self._on_marks_edited)
        self._save.clicked.connect(self.save_marks)
        self._close_round.clicked.connect(self.close_round)
        self._project.clicked.connect(self.show_on_projector)

    # ------------------------------------------------------------------ StepPage

    def retranslate(self) -> None:
        self._round_label.setText(_("Priority round:"))
        self._new_round.setText(_("New priority round…"))
        self._marks_title.setText(_("Marks of the selected participant (double-click to edit):"))
        self._save.setText(_("Save these marks"))
        self._results_title.setText(_("Results, highest first (= marks a tie)"))
        self._close_round.setText(_("Close the round"))
        self._project.setText(_("Show the results on the projector"))
        for model in (self._participants_model, self._marks_model, self._results_model):
            model.retranslate()
        self.reload()

    def missing(self) -> list[str]:
        if self._rounds.count() == 0:
            return [_("No priority round yet")]
        return []

    def apply_lock(self, locked: bool) -> None:
        super().apply_lock(locked)
        self._update_buttons()

    def reload(self) -> None:
        chosen = self._rounds.currentData()
        round_ids = self.context.read(priorities.rounds, self.context.meeting_id)
        self._rounds.blockSignals(True)
        self._rounds.clear()
        for number, round_id in enumerate(round_ids, start=1):
            view = self.context.read(priorities.round_view, round_id)
            title = in_language(view.title_km, view.title_en) or _("Round {number}").format(
                number=format_number(number, current_language())
            )
            self._rounds.addItem(f"{title} ({label(view.method)})", str(round_id))
        index = self._rounds.findData(chosen)
        self._rounds.setCurrentIndex(index if index >= 0 else self._rounds.count() - 1)
        self._rounds.blockSignals(False)
        self._show_round()

    # ------------------------------------------------------------------ showing

    def _current_round_id(self) -> uuid.UUID | None:
        data = self._rounds.currentData()
        return uuid.UUID(str(data)) if data else None

    def _show_round(self) -> None:
        round_id = self._current_round_id()
        self._round = self.context.read(priorities.round_view, round_id) if round_id else None
        present = [
            row
            for row in self.context.read(attendance.attendance_list, self.context.meeting_id)
            if row.status is AttendanceStatus.PRESENT
        ]
        marks = self._round.marks if self._round else {}
        self._participants.set_rows(
            [
                ParticipantRow(
                    row.person_id,
                    in_language(row.name_km, row.name_latin),
                    in_language(row.organisation_name_km, row.organisation_name_en),
                    sum(marks.get(row.person_id, {}).values())
                    if self._round and self._round.method is PriorityMethod.DOTS
                    else len(marks.get(row.person_id, {})),
                )
                for row in present
            ]
        )
        self._show_marks()
        results = self.context.read(priorities.results, round_id) if round_id else []
        self._results.set_rows(results)
        self._status.setText(label(self._round.status) if self._round else "")
        self._update_buttons()

    def _show_marks(self) -> None:
        person = self._participants.current_id()
        if self._round is None or person is None:
            self._marks_model.set_rows([])
        else:
            self._marks_model.maximum = (
                self._round.dots_per_participant
                if self._round.method is PriorityMethod.DOTS
                else len(self._round.candidates)
            )
            self._marks_model.set_candidates(
                self._round.candidates, self._round.marks.get(person, {})
            )
        self._on_marks_edited()

    def _update_buttons(self) -> None:
        open_round = (
            self._round is not None
            and self._round.status is PriorityRoundStatus.OPEN
            and not self.context.locked
        )
        self._save.setEnabled(open_round and self._participants.current_id() is not None)
        self._close_round.setEnabled(open_round)
        self._new_round.setEnabled(not self.context.locked)
        self._marks.setEnabled(open_round)
        self._project.setEnabled(self._round is not None)

    # ------------------------------------------------------------------ slots

    @Slot(int)
    def _on_round_chosen(self, _index: int) -> None:
        self._show_round()

    @Slot(object)
    def _on_participant(self, _person: Any) -> None:
        self._show_marks()
        self._update_buttons()

    @Slot()
    def _on_marks_edited(self) -> None:
        language = current_language()
        if self._round is None or self._round.method is not PriorityMethod.DOTS:
            self._remaining.setText(_("Rank 1 is the highest priority."))
            return
        left = self._round.dots_per_participant - self._marks_model.total()
        self._remaining.setText(_("{count} dots left").format(count=format_number(left, language)))

    @Slot()
    def new_round(self) -> None:
        candidates = self.context.read(priorities.eligible_candidates, self.context.meeting_id)
        dialog = NewRoundDialog(candidates, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.create_round(
            dialog.chosen_method(),
            dialog.chosen_candidates(),
            dialog.dots.value(),
            dialog.title_km.text(),
            dialog.title_en.text(),
        )

    def create_round(
        self,
        method: PriorityMethod,
        candidates: list[uuid.UUID],
        dots: int,
        title_km: str = "",
        title_en: str = "",
    ) -> uuid.UUID | None:
        round_id = self.context.run(
            Topic.RECOMMENDATIONS,
            priorities.create_round,
            self.context.meeting_id,
            method=method,
            recommendation_ids=candidates,
            dots_per_participant=dots,
            title_km=title_km,
            title_en=title_en,
        )
        if round_id is not None:
            self._rounds.addItem("", str(round_id))
            self._rounds.setCurrentIndex(self._rounds.count() - 1)
            self.reload()
        return round_id

    @Slot()
    def save_marks(self) -> None:
        person = self._participants.current_id()
        if self._round is None or person is None:
            return
        self.context.run(
            Topic.RECOMMENDATIONS,
            priorities.place_marks,
            self._round.id,
            person,
            self._marks_model.marks(),
        )
        self._participants.select_id(person)

    @Slot()
    def close_round(self) -> None:
        if self._round is not None:
            self.context.run(Topic.RECOMMENDATIONS, priorities.close_round, self._round.id)

    @Slot()
    def show_on_projector(self) -> None:
        if self._round is not None:
            self.context.show_priorities(self._round.id)
