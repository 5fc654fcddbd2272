"""Findings of a focus group: views and problems in Khmer and English, who raised them, theme.

A finding is recorded as soon as its text is written (after a pause in typing or on leaving the
field) and every later change is saved the same way; "New finding" starts the next one.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import choices
from civicdesk.i18n.text import clean
from civicdesk.models.enums import Theme
from civicdesk.services import attendance, findings
from civicdesk.services.attendance import HeadcountRow
from civicdesk.services.findings import FindingRow
from civicdesk.ui.itemmodels.findings import FindingColumn, FindingTableModel
from civicdesk.ui.widgets.bilingual_text import BilingualTextEdit
from civicdesk.ui.widgets.record_table import RecordTableView
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.undoable import PageCommand, create_command, record_ids

#: (text_km, text_en, raised_by_km, raised_by_en, theme): what the editor holds.
FindingValues = tuple[str, str, str, str, Theme]


def _values(row: FindingRow) -> FindingValues:
    return (row.text_km, row.text_en, row.raised_by_km, row.raised_by_en, row.theme)


@register
class FindingsPage(StepPage):
    step = Step.FINDINGS
    topics = frozenset({Topic.FINDINGS, Topic.ATTENDANCE})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._locked = False
        self._loading = False
        self._shown_id: uuid.UUID | None = None
        self._groups: list[HeadcountRow] = []
        self._build()
        self._connect()
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self._model = FindingTableModel(self)
        self._table = RecordTableView(
            self._model, self, stretch_column=FindingColumn.TEXT, wrap=True
        )
        self._new_button = QPushButton(self)
        self._remove_button = QPushButton(self)
        self._count = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self._new_button)
        buttons.addWidget(self._count, 1)
        buttons.addWidget(self._remove_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._table, 1)
        top_layout.addLayout(buttons)

        self._editor_box = QGroupBox(self)
        self._text = BilingualTextEdit(self._editor_box)
        self._hint = QLabel(self._editor_box)
        self._hint.setWordWrap(True)
        self._raised_km_label = QLabel(self._editor_box)
        self._raised_en_label = QLabel(self._editor_box)
        self._theme_label = QLabel(self._editor_box)
        self._raised_km = QComboBox(self._editor_box)
        self._raised_en = QComboBox(self._editor_box)
        self._theme = QComboBox(self._editor_box)
        for combo in (self._raised_km, self._raised_en):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        details = QGridLayout()
        for column, (label, field) in enumerate(
            (
                (self._raised_km_label, self._raised_km),
                (self._raised_en_label, self._raised_en),
                (self._theme_label, self._theme),
            )
        ):
            label.setBuddy(field)
            details.addWidget(label, 0, column)
            details.addWidget(field, 1, column)
            details.setColumnStretch(column, 1)
        editor_layout = QVBoxLayout(self._editor_box)
        editor_layout.addWidget(self._hint)
        editor_layout.addWidget(self._text, 1)
        editor_layout.addLayout(details)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self._editor_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.setTabOrder(self._table, self._new_button)
        self.setTabOrder(self._new_button, self._remove_button)
        self.setTabOrder(self._remove_button, self._text.khmer)
        self.setTabOrder(self._text.khmer, self._text.english)
        self.setTabOrder(self._text.english, self._raised_km)
        self.setTabOrder(self._raised_km, self._raised_en)
        self.setTabOrder(self._raised_en, self._theme)

    def _connect(self) -> None:
        self._table.currentIdChanged.connect(self._on_current_changed)
        self._new_button.clicked.connect(self.new_finding)
        self._remove_button.clicked.connect(self.remove_finding)
        self._text.edited.connect(self.save)
        self._raised_km.activated.connect(self._on_group_chosen)
        self._raised_en.activated.connect(self._on_group_chosen)
        line_km, line_en = self._raised_km.lineEdit(), self._raised_en.lineEdit()
        if line_km is not None and line_en is not None:
            line_km.editingFinished.connect(self.save)
            line_en.editingFinished.connect(self.save)
        self._theme.activated.connect(self._on_theme_chosen)

    # ------------------------------------------------------------------ StepPage

    def retranslate(self) -> None:
        self._new_button.setText(_("&New finding"))
        self._remove_button.setText(_("Remove"))
        self._text.retranslate(_("Finding in &Khmer"), _("Finding in &English"))
        self._raised_km_label.setText(_("Raised by (Khmer)"))
        self._raised_en_label.setText(_("Raised by (English)"))
        self._theme_label.setText(_("Theme"))
        self._loading = True
        try:
            current = self._theme.currentData()
            self._theme.clear()
            for theme, text in choices(Theme):
                self._theme.addItem(text, theme)
            self._select_theme(current or Theme.OTHER)
            self._fill_groups()
        finally:
            self._loading = False
        self._model.retranslate()
        self._show_titles()

    def reload(self) -> None:
        meeting_id = self.context.meeting_id
        rows = self.context.read(findings.findings, meeting_id)
        self._groups = self.context.read(attendance.headcounts, meeting_id)
        self._loading = True
        try:
            self._fill_groups()
            self._table.set_rows(rows)
        finally:
            self._loading = False
        if self._shown_id is not None and self._table.current_id() is None:
            self._shown_id = None  # removed (or undone) under us: back to a new finding
            self._show_finding(None, force=True)
        else:
            self._show_finding(self._table.current_record(), force=False)

    def missing(self) -> list[str]:
        return [] if self._model.rowCount() else [_("No findings recorded")]

    def apply_lock(self, locked: bool) -> None:
        self._locked = locked
        super().apply_lock(locked)
        self._update_buttons()

    # ------------------------------------------------------------------ showing

    def _fill_groups(self) -> None:
        """The meeting's headcount groups, each in its language's list; typed text stays."""
        for combo, language in ((self._raised_km, "km"), (self._raised_en, "en")):
            typed = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            for index, group in enumerate(self._groups):
                name = group.group_km if language == "km" else group.group_en
                combo.addItem(name or group.group_en or group.group_km, index)
            combo.setCurrentIndex(-1)
            combo.setEditText(typed)
            combo.blockSignals(False)

    def _select_theme(self, theme: Theme) -> None:
        self._theme.setCurrentIndex(max(0, self._theme.findData(theme)))

    def _show_titles(self) -> None:
        row: FindingRow | None = self._table.current_record()
        if row is None:
            self._editor_box.setTitle(_("New finding"))
            self._hint.setText(
                _(
                    "Write the finding in Khmer, English or both. It is recorded as soon as "
                    "you pause; choose the group that raised it from the list or type one."
                )
            )
        else:
            number = format_number(row.position, current_language())
            self._editor_box.setTitle(_("Finding {number}").format(number=number))
            self._hint.setText(_("Changes are saved as you type."))
        total = self._model.rowCount()
        self._count.setText(
            _("{count} findings").format(count=format_number(total, current_language()))
        )

    @Slot(object)
    def _on_current_changed(self, finding_id: object) -> None:
        if self._loading or finding_id == self._shown_id:
            return
        self._text.flush()
        self._show_finding(self._table.current_record(), force=True)

    def _show_finding(self, row: FindingRow | None, *, force: bool) -> None:
        switching = force or (row.id if row else None) != self._shown_id
        self._shown_id = row.id if row else None
        self._loading = True
        try:
            if row is None:
                if switching:
                    self._text.clear()
                    self._raised_km.setEditText("")
                    self._raised_en.setEditText("")
                    self._select_theme(Theme.OTHER)
            else:
                self._text.set_texts(row.text_km, row.text_en, force=switching)
                for combo, value in (
                    (self._raised_km, row.raised_by_km),
                    (self._raised_en, row.raised_by_en),
                ):
                    if switching or not combo.hasFocus():
                        combo.setEditText(value)
                self._select_theme(row.theme)
        finally:
            self._loading = False
        self._show_titles()
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = not self._locked
        self._remove_button.setEnabled(editable and self._table.current_id() is not None)
        self._new_button.setEnabled(editable and self._table.current_id() is not None)

    # ------------------------------------------------------------------ editing

    def _editor_values(self) -> FindingValues:
        km, en = self._text.texts()
        theme = self._theme.currentData()
        return (
            clean(km),
            clean(en),
            clean(self._raised_km.currentText()),
            clean(self._raised_en.currentText()),
            Theme(theme) if theme else Theme.OTHER,
        )

    @Slot(int)
    def _on_group_chosen(self, index: int) -> None:
        """A headcount group chosen in either language fills in both."""
        combo = self.sender()
        if not isinstance(combo, QComboBox) or index < 0:
            return
        group_index = combo.itemData(index)
        if not isinstance(group_index, int) or not 0 <= group_index < len(self._groups):
            return
        group = self._groups[group_index]
        self._loading = True
        try:
            self._raised_km.setEditText(group.group_km)
            self._raised_en.setEditText(group.group_en)
        finally:
            self._loading = False
        self.save()

    @Slot(int)
    def _on_theme_chosen(self, _index: int) -> None:
        self.save()

    @Slot()
    def save(self) -> None:
        """Record the finding being written, or save the changes to the one shown."""
        if self._loading or self._locked:
            return
        self._text.discard()  # what is there is saved now
        values = self._editor_values()
        if self._shown_id is None:
            if values[0] or values[1]:
                self._record(values)
            return
        row_number = self._model.row_of(self._shown_id)
        if row_number < 0:
            return
        before = _values(self._model.row_at(row_number))
        if values != before:
            self.context.execute(self._update_command(self._shown_id, before, values))

    def _record(self, values: FindingValues) -> None:
        meeting_id = self.context.meeting_id

        def create(session: Session) -> uuid.UUID:
            return _record_finding(session, meeting_id, values)

        command = create_command(
            self.context, _("Record a finding"), Topic.FINDINGS, create, findings.remove_finding
        )
        # Shown before the reload selects it, so the editor keeps the cursor where it is.
        if self.context.execute(command):
            self._shown_id = command.result
            self._table.select_id(command.result)
            self._show_titles()
            self._update_buttons()

    def _update_command(
        self, finding_id: uuid.UUID, before: FindingValues, after: FindingValues
    ) -> PageCommand:
        ids = record_ids(self.context)

        def update(values: FindingValues) -> Any:
            def apply(session: Session, _result: Any = None) -> None:
                findings.update_finding(
                    session,
                    ids.current(finding_id),
                    text_km=values[0],
                    text_en=values[1],
                    raised_by_km=values[2],
                    raised_by_en=values[3],
                    theme=values[4],
                )

            return apply

        return PageCommand(
            _("Edit a finding"),
            Topic.FINDINGS,
            update(after),
            update(before),
            merge_key=("finding", finding_id),
        )

    @Slot()
    def new_finding(self) -> None:
        self._text.flush()
        self._table.select_id(None)
        self._show_finding(None, force=True)
        self._text.focus_khmer()

    @Slot()
    def remove_finding(self) -> None:
        row: FindingRow | None = self._table.current_record()
        if row is None or self._locked:
            return
        self._text.flush()
        ids = record_ids(self.context)
        meeting_id = self.context.meeting_id
        values = _values(row)

        def remove(session: Session) -> None:
            findings.remove_finding(session, ids.current(row.id))

        def put_back(session: Session, _result: Any) -> None:
            new_id = _record_finding(session, meeting_id, values)
            ids.replace(ids.current(row.id), new_id)

        self.context.execute(PageCommand(_("Remove a finding"), Topic.FINDINGS, remove, put_back))


def _record_finding(session: Session, meeting_id: uuid.UUID, values: FindingValues) -> uuid.UUID:
    return findings.record_finding(
        session,
        meeting_id,
        text_km=values[0],
        text_en=values[1],
        raised_by_km=values[2],
        raised_by_en=values[3],
        theme=values[4],
    )
