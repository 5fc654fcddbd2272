"""Agenda: the items, their planned and actual times, a running clock, and discussion notes."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.text import clean
from civicdesk.services import agenda
from civicdesk.services.agenda import AgendaRow
from civicdesk.ui.itemmodels.agenda import (
    AgendaColumn,
    AgendaTableModel,
    elapsed_seconds,
    format_duration,
    is_over_time,
    utc_now,
)
from civicdesk.ui.itemmodels.row_table import WARNING_COLOUR
from civicdesk.ui.widgets.bilingual_text import BilingualTextEdit
from civicdesk.ui.widgets.number_spin import NumberSpinBox
from civicdesk.ui.widgets.record_table import RecordTableView
from civicdesk.ui.workspace import agenda_commands as commands
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.steps import Step

TICK_MS = 1000
#: A planned length is saved this long after the last arrow click or keystroke.
DETAILS_SAVE_AFTER_MS = 800


@register
class AgendaPage(StepPage):
    step = Step.AGENDA
    topics = frozenset({Topic.AGENDA})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._locked = False
        self._shown_id: uuid.UUID | None = None
        self._loading = False
        self._build()
        self._connect()
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self._model = AgendaTableModel(self)
        self._table = RecordTableView(self._model, self, stretch_column=AgendaColumn.TITLE)
        self._new_title_km = QLineEdit(self)
        self._new_title_en = QLineEdit(self)
        self._new_minutes = NumberSpinBox(self)
        self._new_minutes.setRange(0, 24 * 60)
        self._new_minutes.setValue(15)
        self._add_button = QPushButton(self)
        self._remove_button = QPushButton(self)
        self._up_button = QPushButton(self)
        self._down_button = QPushButton(self)

        self._new_box = QGroupBox(self)
        self._new_km_label = QLabel(self._new_box)
        self._new_en_label = QLabel(self._new_box)
        self._new_minutes_label = QLabel(self._new_box)
        new_layout = QGridLayout(self._new_box)
        for column, (label, field) in enumerate(
            (
                (self._new_km_label, self._new_title_km),
                (self._new_en_label, self._new_title_en),
                (self._new_minutes_label, self._new_minutes),
            )
        ):
            label.setBuddy(field)
            new_layout.addWidget(label, 0, column)
            new_layout.addWidget(field, 1, column)
        new_layout.addWidget(self._add_button, 1, 3)
        new_layout.setColumnStretch(0, 3)
        new_layout.setColumnStretch(1, 3)
        new_layout.setColumnStretch(2, 1)

        order = QHBoxLayout()
        order.addWidget(self._up_button)
        order.addWidget(self._down_button)
        order.addStretch(1)
        order.addWidget(self._remove_button)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._table, 1)
        left_layout.addLayout(order)
        left_layout.addWidget(self._new_box)

        self._item_box = QGroupBox(self)
        self._title_km = QLineEdit(self._item_box)
        self._title_en = QLineEdit(self._item_box)
        self._planned = NumberSpinBox(self._item_box)
        self._planned.setRange(0, 24 * 60)
        self._title_km_label = QLabel(self._item_box)
        self._title_en_label = QLabel(self._item_box)
        self._planned_label = QLabel(self._item_box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, field in (
            (self._title_km_label, self._title_km),
            (self._title_en_label, self._title_en),
            (self._planned_label, self._planned),
        ):
            label.setBuddy(field)
            form.addRow(label, field)

        self._start_button = QPushButton(self._item_box)
        self._stop_button = QPushButton(self._item_box)
        self._clock = QLabel(self._item_box)
        font = self._clock.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._clock.setFont(font)
        self._clock.setWordWrap(True)
        clock_row = QHBoxLayout()
        clock_row.addWidget(self._start_button)
        clock_row.addWidget(self._stop_button)
        clock_row.addWidget(self._clock, 1)

        self._notes_label = QLabel(self._item_box)
        self._notes = BilingualTextEdit(self._item_box)
        self._notes_label.setBuddy(self._notes.khmer)

        item_layout = QVBoxLayout(self._item_box)
        item_layout.addLayout(form)
        item_layout.addLayout(clock_row)
        item_layout.addWidget(self._notes_label)
        item_layout.addWidget(self._notes, 1)

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(left)
        self._splitter.addWidget(self._item_box)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._splitter)

        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(DETAILS_SAVE_AFTER_MS)

        self.setTabOrder(self._table, self._up_button)
        self.setTabOrder(self._up_button, self._down_button)
        self.setTabOrder(self._down_button, self._remove_button)
        self.setTabOrder(self._remove_button, self._new_title_km)
        self.setTabOrder(self._new_title_km, self._new_title_en)
        self.setTabOrder(self._new_title_en, self._new_minutes)
        self.setTabOrder(self._new_minutes, self._add_button)
        self.setTabOrder(self._add_button, self._title_km)
        self.setTabOrder(self._title_km, self._title_en)
        self.setTabOrder(self._title_en, self._planned)
        self.setTabOrder(self._planned, self._start_button)
        self.setTabOrder(self._start_button, self._stop_button)
        self.setTabOrder(self._stop_button, self._notes.khmer)
        self.setTabOrder(self._notes.khmer, self._notes.english)

    def _connect(self) -> None:
        self._table.currentIdChanged.connect(self._on_current_changed)
        self._add_button.clicked.connect(self.add_item)
        self._new_title_km.returnPressed.connect(self.add_item)
        self._new_title_en.returnPressed.connect(self.add_item)
        self._remove_button.clicked.connect(self.remove_item)
        self._up_button.clicked.connect(self.move_up)
        self._down_button.clicked.connect(self.move_down)
        self._start_button.clicked.connect(self.start_item)
        self._stop_button.clicked.connect(self.stop_item)
        self._title_km.editingFinished.connect(self.save_details)
        self._title_en.editingFinished.connect(self.save_details)
        self._planned.editingFinished.connect(self.save_details)
        self._planned.valueChanged.connect(self._on_planned_changed)
        self._details_timer.timeout.connect(self.save_details)
        self._notes.edited.connect(self.save_notes)
        self._ticker.timeout.connect(self._on_tick)

    # ------------------------------------------------------------------ StepPage

    def retranslate(self) -> None:
        self._new_box.setTitle(_("New item"))
        self._new_km_label.setText(_("Title in Khmer"))
        self._new_en_label.setText(_("Title in English"))
        self._new_minutes_label.setText(_("Planned minutes"))
        self._add_button.setText(_("&Add item"))
        self._remove_button.setText(_("Remove"))
        self._up_button.setText(_("Move &up"))
        self._down_button.setText(_("Move &down"))
        self._item_box.setTitle(_("Selected item"))
        self._title_km_label.setText(_("Title in Khmer"))
        self._title_en_label.setText(_("Title in English"))
        self._planned_label.setText(_("Planned minutes"))
        self._stop_button.setText(_("S&top"))
        self._notes_label.setText(_("Discussion notes (saved as you type)"))
        self._notes.retranslate(_("&Khmer"), _("&English"))
        for spin in (self._new_minutes, self._planned):
            spin.refresh_text()
        self._model.retranslate()
        self._update_buttons()
        self._show_clock()

    def reload(self) -> None:
        rows = self.context.read(agenda.agenda, self.context.meeting_id)
        self._loading = True
        try:
            self._table.set_rows(rows)
            if self._table.current_id() is None and rows:
                self._table.select_row(0)
        finally:
            self._loading = False
        self._show_item(self._table.current_record(), force=False)
        self._update_ticker()

    def missing(self) -> list[str]:
        return [] if self._model.rowCount() else [_("No agenda items")]

    def apply_lock(self, locked: bool) -> None:
        self._locked = locked
        super().apply_lock(locked)
        self._update_buttons()

    # ------------------------------------------------------------------ showing an item

    @Slot(object)
    def _on_current_changed(self, _item_id: object) -> None:
        if self._loading:
            return
        self._save_pending()
        self._show_item(self._table.current_record(), force=True)

    def _save_pending(self) -> None:
        """Save what was typed for the item shown before another one is shown."""
        if self._details_timer.isActive():
            self.save_details()
        self._notes.flush()

    def _show_item(self, row: AgendaRow | None, *, force: bool) -> None:
        switching = force or (row.id if row else None) != self._shown_id
        self._shown_id = row.id if row else None
        self._loading = True
        try:
            if switching or not self._title_km.hasFocus():
                self._title_km.setText(row.title_km if row else "")
            if switching or not self._title_en.hasFocus():
                self._title_en.setText(row.title_en if row else "")
            if switching or not self._planned.hasFocus():
                self._planned.setValue(row.planned_minutes if row else 0)
            if row is None:
                self._notes.clear()
            else:
                self._notes.set_texts(row.notes_km, row.notes_en, force=switching)
        finally:
            self._loading = False
        self._update_buttons()
        self._show_clock()

    def _update_buttons(self) -> None:
        row: AgendaRow | None = self._table.current_record()
        editable = not self._locked
        has_row = row is not None and editable
        count = self._model.rowCount()
        position = self._table.current_row()
        self._remove_button.setEnabled(has_row)
        self._up_button.setEnabled(has_row and position > 0)
        self._down_button.setEnabled(has_row and 0 <= position < count - 1)
        self._start_button.setEnabled(has_row and row is not None and not row.running)
        ended = row is not None and row.ended_at is not None
        # Starting an ended item again restarts its clock (the earlier times are replaced).
        self._start_button.setText(_("&Start again") if ended else _("&Start"))
        self._stop_button.setEnabled(has_row and row is not None and row.running)
        for field in (self._title_km, self._title_en, self._planned):
            field.setEnabled(row is not None)
        self._notes.setEnabled(row is not None)
        self._add_button.setEnabled(editable)

    # ------------------------------------------------------------------ the clock

    def _update_ticker(self) -> None:
        if self._model.running_row() >= 0:
            if not self._ticker.isActive():
                self._ticker.start()
        else:
            self._ticker.stop()

    @Slot()
    def _on_tick(self) -> None:
        self._model.tick()
        self._show_clock()

    def _show_clock(self) -> None:
        row: AgendaRow | None = self._table.current_record()
        language = current_language()
        now = utc_now()
        elapsed = elapsed_seconds(row, now) if row else None
        if row is None or elapsed is None:
            self._clock.setText(_("Not started") if row else "")
            self._clock.setStyleSheet("")
            return
        used = format_duration(elapsed, language)
        if row.planned_minutes:
            planned = format_number(row.planned_minutes, language)
            text = _("{used} of {planned} min").format(used=used, planned=planned)
        else:
            text = used
        if is_over_time(row, now):
            text = _("{time}: over time").format(time=text)
            self._clock.setStyleSheet(f"color: {WARNING_COLOUR.name()};")
        else:
            self._clock.setStyleSheet("")
        self._clock.setText(text)

    # ------------------------------------------------------------------ actions

    @Slot()
    def add_item(self) -> None:
        if self._locked:
            return
        command = commands.add_command(
            self.context,
            self._new_title_km.text(),
            self._new_title_en.text(),
            self._new_minutes.value(),
        )
        if self.context.execute(command):
            self._new_title_km.clear()
            self._new_title_en.clear()
            self._table.select_id(command.result)
            self._new_title_km.setFocus()

    @Slot()
    def remove_item(self) -> None:
        row: AgendaRow | None = self._table.current_record()
        if row is None or self._locked:
            return
        self._save_pending()
        row = self.context.read(_fresh_row, self.context.meeting_id, row.id) or row
        self.context.execute(commands.remove_command(self.context, row))

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        row: AgendaRow | None = self._table.current_record()
        if row is not None and not self._locked:
            command = commands.move_command(self.context, row.id, row.position, row.position + step)
            self.context.execute(command)

    @Slot()
    def start_item(self) -> None:
        row: AgendaRow | None = self._table.current_record()
        if row is not None and not self._locked:
            self.context.run(Topic.AGENDA, agenda.start_agenda_item, row.id)

    @Slot()
    def stop_item(self) -> None:
        row: AgendaRow | None = self._table.current_record()
        if row is not None and not self._locked:
            self.context.run(Topic.AGENDA, agenda.end_agenda_item, row.id)

    @Slot(int)
    def _on_planned_changed(self, _value: int) -> None:
        if not self._loading:
            self._details_timer.start()

    def _shown_row(self) -> AgendaRow | None:
        number = self._model.row_of(self._shown_id) if self._shown_id is not None else -1
        row: AgendaRow | None = self._model.row_at(number) if number >= 0 else None
        return row

    @Slot()
    def save_details(self) -> None:
        """Title and planned minutes of the item shown, if they changed."""
        self._details_timer.stop()
        row = self._shown_row()
        if self._loading or self._locked or row is None:
            return
        after = (clean(self._title_km.text()), clean(self._title_en.text()), self._planned.value())
        before = (row.title_km, row.title_en, row.planned_minutes)
        if after != before:
            self.context.execute(commands.details_command(self.context, row.id, before, after))

    @Slot()
    def save_notes(self) -> None:
        row = self._shown_row()
        if self._locked or row is None:
            return
        km, en = self._notes.texts()
        after = (clean(km), clean(en))
        before = (row.notes_km, row.notes_en)
        if after != before:
            self.context.execute(commands.notes_command(self.context, row.id, before, after))


def _fresh_row(session: Session, meeting_id: uuid.UUID, item_id: uuid.UUID) -> AgendaRow | None:
    return next((row for row in agenda.agenda(session, meeting_id) if row.id == item_id), None)
