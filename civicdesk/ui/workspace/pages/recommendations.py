"""Recommendations: the district's list; draft, amend (each amendment a new revision), link
findings, reorder, withdraw; the revision history with what each revision changed."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import choices, label
from civicdesk.i18n.text import clean
from civicdesk.models.enums import RecommendationStatus, ResponsibleLevel, Theme
from civicdesk.services import findings, recommendations
from civicdesk.services.recommendations import RecommendationRow
from civicdesk.ui.itemmodels.findings import FindingCheckModel
from civicdesk.ui.itemmodels.recommendations import (
    RecommendationColumn,
    RecommendationTableModel,
)
from civicdesk.ui.widgets.bilingual_text import BilingualTextEdit
from civicdesk.ui.widgets.reason_dialog import ReasonDialog
from civicdesk.ui.widgets.record_table import RecordTableView
from civicdesk.ui.widgets.revision_history import RevisionHistory
from civicdesk.ui.workspace import recommendation_commands as commands
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.steps import Step


@register
class RecommendationsPage(StepPage):
    step = Step.RECOMMENDATIONS
    topics = frozenset({Topic.RECOMMENDATIONS, Topic.FINDINGS, Topic.VOTES})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._locked = False
        self._loading = False
        self._shown_id: uuid.UUID | None = None
        #: "New draft" was chosen: a reload must not select a recommendation instead.
        self._new_draft = False
        #: Text typed but not yet amended, per recommendation, kept while another is shown.
        self._unsaved: dict[uuid.UUID, tuple[str, str]] = {}
        #: The stored text last put in the editor: if the editor still holds it, a reload
        #: (after an undo, say) may replace it; if not, the writer's edits stay.
        self._loaded: tuple[str, str] = ("", "")
        self._build()
        self._connect()
        self.retranslate()
        self._show(None, force=True)
        self.reload()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self._model = RecommendationTableModel(self)
        self._table = RecordTableView(
            self._model, self, stretch_column=RecommendationColumn.TEXT, wrap=True
        )
        self._new_button = QPushButton(self)
        self._up_button = QPushButton(self)
        self._down_button = QPushButton(self)
        self._withdraw_button = QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self._new_button, self._up_button, self._down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self._withdraw_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._table, 1)
        left_layout.addLayout(buttons)

        self._tabs = QTabWidget(self)
        self._tabs.addTab(self._build_text_tab(), "")
        self._tabs.addTab(self._build_findings_tab(), "")
        self._tabs.addTab(self._build_history_tab(), "")

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(left)
        self._splitter.addWidget(self._tabs)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setSizes([520, 600])
        # The theme wraps in a narrow column, so the recommendation itself gets the room.
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(RecommendationColumn.THEME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            RecommendationColumn.THEME, self._table.fontMetrics().averageCharWidth() * 16
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._splitter)

        self.setTabOrder(self._table, self._new_button)
        self.setTabOrder(self._new_button, self._up_button)
        self.setTabOrder(self._up_button, self._down_button)
        self.setTabOrder(self._down_button, self._withdraw_button)
        self.setTabOrder(self._withdraw_button, self._tabs)
        self.setTabOrder(self._tabs, self._text.khmer)
        self.setTabOrder(self._text.khmer, self._text.english)
        self.setTabOrder(self._text.english, self._theme)
        self.setTabOrder(self._theme, self._level)
        self.setTabOrder(self._level, self._reason_km)
        self.setTabOrder(self._reason_km, self._reason_en)
        self.setTabOrder(self._reason_en, self._revert_button)
        self.setTabOrder(self._revert_button, self._save_button)

    def _build_text_tab(self) -> QWidget:
        tab = QWidget(self)
        self._heading = QLabel(tab)
        self._heading.setWordWrap(True)
        font = self._heading.font()
        font.setBold(True)
        self._heading.setFont(font)
        self._text = BilingualTextEdit(tab, autosave=False)
        text_font = self._text.khmer.font()
        text_font.setPointSizeF(text_font.pointSizeF() * 1.2)
        self._text.khmer.setFont(text_font)
        self._text.english.setFont(text_font)

        self._theme = QComboBox(tab)
        self._level = QComboBox(tab)
        self._theme_label = QLabel(tab)
        self._level_label = QLabel(tab)
        self._theme_label.setBuddy(self._theme)
        self._level_label.setBuddy(self._level)
        details = QGridLayout()
        details.addWidget(self._theme_label, 0, 0)
        details.addWidget(self._theme, 1, 0)
        details.addWidget(self._level_label, 0, 1)
        details.addWidget(self._level, 1, 1)

        self._reason_km = QLineEdit(tab)
        self._reason_en = QLineEdit(tab)
        self._reason_km_label = QLabel(tab)
        self._reason_en_label = QLabel(tab)
        self._reason_km_label.setBuddy(self._reason_km)
        self._reason_en_label.setBuddy(self._reason_en)
        reasons = QFormLayout()
        reasons.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        reasons.addRow(self._reason_km_label, self._reason_km)
        reasons.addRow(self._reason_en_label, self._reason_en)

        self._state = QLabel(tab)
        self._state.setWordWrap(True)
        self._revert_button = QPushButton(tab)
        self._save_button = QPushButton(tab)
        self._save_button.setDefault(True)
        # Enter makes a new line in the text, so Ctrl+Enter adds or amends.
        self._save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), tab)
        self._save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        actions = QHBoxLayout()
        actions.addWidget(self._state, 1)
        actions.addWidget(self._revert_button)
        actions.addWidget(self._save_button)

        layout = QVBoxLayout(tab)
        layout.addWidget(self._heading)
        layout.addWidget(self._text, 1)
        layout.addLayout(details)
        layout.addLayout(reasons)
        layout.addLayout(actions)
        return tab

    def _build_findings_tab(self) -> QWidget:
        tab = QWidget(self)
        self._findings_hint = QLabel(tab)
        self._findings_hint.setWordWrap(True)
        self._findings_model = FindingCheckModel(self)
        self._findings_view = QListView(tab)
        self._findings_view.setModel(self._findings_model)
        self._findings_view.setWordWrap(True)
        self._findings_view.setAlternatingRowColors(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self._findings_hint)
        layout.addWidget(self._findings_view, 1)
        return tab

    def _build_history_tab(self) -> QWidget:
        self._history = RevisionHistory(self)
        self._revisions_model = self._history.model
        self._diff = self._history.diff
        return self._history

    def _connect(self) -> None:
        self._table.currentIdChanged.connect(self._on_current_changed)
        self._new_button.clicked.connect(self.new_draft)
        self._up_button.clicked.connect(self.move_up)
        self._down_button.clicked.connect(self.move_down)
        self._withdraw_button.clicked.connect(self.withdraw)
        self._save_button.clicked.connect(self.save_text)
        self._revert_button.clicked.connect(self.revert_text)
        self._text.khmer.textChanged.connect(self._on_text_changed)
        self._text.english.textChanged.connect(self._on_text_changed)
        self._theme.activated.connect(self._on_details_chosen)
        self._level.activated.connect(self._on_details_chosen)
        self._findings_model.checkToggled.connect(self._on_finding_toggled)
        self._save_shortcut.activated.connect(self.save_text)

    # ------------------------------------------------------------------ StepPage

    def retranslate(self) -> None:
        self._new_button.setText(_("&New draft"))
        self._up_button.setText(_("Move &up"))
        self._down_button.setText(_("Move &down"))
        self._withdraw_button.setText(_("&Withdraw…"))
        self._tabs.setTabText(0, _("Text"))
        self._text.retranslate(_("Recommendation in &Khmer"), _("Recommendation in &English"))
        self._theme_label.setText(_("Theme"))
        self._level_label.setText(_("Responsible level"))
        self._reason_km_label.setText(_("Reason for the amendment (Khmer)"))
        self._reason_en_label.setText(_("Reason for the amendment (English)"))
        self._revert_button.setText(_("Revert"))
        self._save_button.setToolTip(_("Shortcut: Ctrl+Enter"))
        self._findings_hint.setText(
            _(
                "Tick the findings this recommendation answers (findings of the district's "
                "focus groups)."
            )
        )
        self._loading = True
        try:
            self._fill_combo(self._theme, choices(Theme))
            self._fill_combo(self._level, choices(ResponsibleLevel))
        finally:
            self._loading = False
        self._model.retranslate()
        self._findings_model.retranslate()
        self._history.retranslate()
        self._update_state()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: Sequence[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def reload(self) -> None:
        summary = self.context.summary()
        if summary.district_code:
            rows = self.context.read(
                recommendations.recommendations, district_code=summary.district_code
            )
            district_findings = self.context.read(
                findings.findings, district_code=summary.district_code
            )
        else:
            rows = self.context.read(
                recommendations.recommendations, meeting_id=self.context.meeting_id
            )
            district_findings = self.context.read(findings.findings, self.context.meeting_id)
        self._loading = True
        try:
            self._table.set_rows(rows)
            if self._table.current_id() is None and not self._new_draft and rows:
                self._table.select_row(0)
            current: RecommendationRow | None = self._table.current_record()
            checked = set(current.finding_ids) if current else self._findings_model.checked()
            self._findings_model.set_findings(district_findings, checked)
        finally:
            self._loading = False
        self._show(self._table.current_record(), force=False)

    def missing(self) -> list[str]:
        drafted = any(
            row.status is not RecommendationStatus.WITHDRAWN for row in self._model.rows()
        )
        return [] if drafted else [_("No recommendations drafted")]

    def apply_lock(self, locked: bool) -> None:
        self._locked = locked
        super().apply_lock(locked)
        self._update_state()

    # ------------------------------------------------------------------ showing

    @Slot(object)
    def _on_current_changed(self, recommendation_id: object) -> None:
        if self._loading:
            return
        self._new_draft = recommendation_id is None and self._new_draft
        self._keep_unsaved()
        self._show(self._table.current_record(), force=True)
        if isinstance(recommendation_id, uuid.UUID):
            self.context.focus_recommendation(recommendation_id)

    def _keep_unsaved(self) -> None:
        """Text typed for the recommendation shown, not yet amended, waits for its return."""
        if self._shown_id is not None and self._text_changed():
            self._unsaved[self._shown_id] = self._text.texts()

    def _show(self, row: RecommendationRow | None, *, force: bool) -> None:
        switching = force or (row.id if row else None) != self._shown_id
        self._shown_id = row.id if row else None
        self._loading = True
        try:
            if row is None:
                if switching:
                    self._text.clear()
                    self._theme.setCurrentIndex(max(0, self._theme.findData(Theme.OTHER)))
                    self._level.setCurrentIndex(
                        max(0, self._level.findData(ResponsibleLevel.DISTRICT))
                    )
                    self._findings_model.set_checked(set())
                    self._clear_reasons()
                self._history.clear()
            else:
                if switching:
                    km, en = self._unsaved.pop(row.id, (row.text_km, row.text_en))
                    self._text.set_texts(km, en, force=True)
                    self._loaded = (row.text_km, row.text_en)
                    self._clear_reasons()
                elif self._editor_holds(self._loaded):
                    self._text.set_texts(row.text_km, row.text_en, force=True)
                    self._loaded = (row.text_km, row.text_en)
                self._theme.setCurrentIndex(max(0, self._theme.findData(row.theme)))
                self._level.setCurrentIndex(max(0, self._level.findData(row.responsible_level)))
                self._findings_model.set_checked(set(row.finding_ids))
                history = self.context.read(recommendations.revisions, row.id)
                self._history.show_history(history, newest=switching)
        finally:
            self._loading = False
        self._update_state()

    def _clear_reasons(self) -> None:
        self._reason_km.clear()
        self._reason_en.clear()

    def _current(self) -> RecommendationRow | None:
        row: RecommendationRow | None = self._table.current_record()
        return row

    def _shown_row(self) -> RecommendationRow | None:
        """The recommendation the editor holds (the table may already have moved on)."""
        number = self._model.row_of(self._shown_id) if self._shown_id is not None else -1
        row: RecommendationRow | None = self._model.row_at(number) if number >= 0 else None
        return row

    def _editor_holds(self, texts: tuple[str, str]) -> bool:
        km, en = self._text.texts()
        return (clean(km), clean(en)) == texts

    def _text_changed(self) -> bool:
        km, en = self._text.texts()
        row = self._shown_row()
        if row is None:
            return bool(clean(km) or clean(en))
        return (clean(km), clean(en)) != (row.text_km, row.text_en)

    def _update_state(self) -> None:
        row = self._current()
        editable = not self._locked
        withdrawn = row is not None and row.status is RecommendationStatus.WITHDRAWN
        changeable = editable and not withdrawn
        position = self._table.current_row()
        count = self._model.rowCount()
        self._up_button.setEnabled(changeable and row is not None and position > 0)
        self._down_button.setEnabled(changeable and row is not None and position < count - 1)
        self._withdraw_button.setEnabled(changeable and row is not None)
        self._new_button.setEnabled(editable and row is not None)
        self._text.set_read_only(not changeable)
        for widget in (self._theme, self._level, self._reason_km, self._reason_en):
            widget.setEnabled(changeable)
        self._findings_model.set_editable(changeable)
        changed = self._text_changed()
        language = current_language()
        links = format_number(len(self._findings_model.checked()), language)
        self._tabs.setTabText(1, _("Linked findings ({count})").format(count=links))
        revisions = format_number(row.revision_count if row else 0, language)
        self._tabs.setTabText(2, _("Revisions ({count})").format(count=revisions))
        if row is None:
            self._heading.setText(_("New recommendation"))
            self._save_button.setText(_("&Add draft"))
            self._state.setText(_("Write it in Khmer, English or both, then add it."))
        else:
            self._heading.setText(
                _("{code} · {status} · revision {number}").format(
                    code=row.code,
                    status=label(row.status),
                    number=format_number(row.revision_count, language),
                )
            )
            self._save_button.setText(_("&Amend"))
            if withdrawn:
                self._state.setText(
                    _("Withdrawn: it stays in the record and can no longer change.")
                )
            elif changed:
                self._state.setText(
                    _("Not yet recorded: Amend records this text as revision {number}.").format(
                        number=format_number(row.revision_count + 1, language)
                    )
                )
            else:
                self._state.setText(_("Edit the text, give the reason, then Amend."))
        if self._locked:
            self._state.setText("")
        reason_widgets: tuple[QWidget, ...] = (
            self._reason_km,
            self._reason_en,
            self._reason_km_label,
            self._reason_en_label,
        )
        for reason_widget in reason_widgets:
            reason_widget.setVisible(row is not None)
        self._save_button.setEnabled(changeable and changed)
        self._revert_button.setEnabled(changeable and changed and row is not None)
        self._state.setStyleSheet("color: #8a4b00;" if changed and row is not None else "")

    @Slot()
    def _on_text_changed(self) -> None:
        if not self._loading:
            self._update_state()

    # ------------------------------------------------------------------ actions

    @Slot()
    def new_draft(self) -> None:
        self._keep_unsaved()
        self._new_draft = True
        self._table.select_id(None)
        self._show(None, force=True)
        self._tabs.setCurrentIndex(0)
        self._text.focus_khmer()

    @Slot()
    def save_text(self) -> None:
        """Add the new draft, or amend the recommendation shown: one action each."""
        if self._locked or not self._save_button.isEnabled() or not self._text_changed():
            return
        km, en = self._text.texts()
        row = self._current()
        if row is None:
            command = commands.draft_command(
                self.context,
                text_km=km,
                text_en=en,
                theme=Theme(self._theme.currentData()),
                responsible_level=ResponsibleLevel(self._level.currentData()),
                finding_ids=sorted(self._findings_model.checked()),
            )
            if self.context.execute(command):
                self._table.select_id(command.result)
            return
        command = commands.amend_command(
            self.context,
            row.id,
            row.code,
            before=(row.text_km, row.text_en),
            after=(km, en),
            reasons=(self._reason_km.text(), self._reason_en.text()),
        )
        if self.context.execute(command):
            self._loaded = (clean(km), clean(en))
            self._clear_reasons()
            self._show(self._current(), force=False)

    @Slot()
    def revert_text(self) -> None:
        row = self._current()
        if row is not None:
            self._text.set_texts(row.text_km, row.text_en, force=True)
            self._loaded = (row.text_km, row.text_en)
            self._clear_reasons()
            self._update_state()

    @Slot(int)
    def _on_details_chosen(self, _index: int) -> None:
        row = self._current()
        if self._loading or self._locked or row is None:
            return
        after = (Theme(self._theme.currentData()), ResponsibleLevel(self._level.currentData()))
        before = (row.theme, row.responsible_level)
        if after != before:
            self.context.execute(
                commands.update_command(self.context, row.id, row.code, before=before, after=after)
            )

    @Slot(object, bool)
    def _on_finding_toggled(self, finding_id: object, checked: bool) -> None:
        row = self._current()
        if self._loading or not isinstance(finding_id, uuid.UUID):
            return
        if row is None:
            self._update_state()  # a new draft takes the ticked findings when it is added
            return
        command = commands.link_command(self.context, row.id, row.code, finding_id, link=checked)
        if not self.context.execute(command):
            self._findings_model.set_checked(set(row.finding_ids))

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        row = self._current()
        if row is None or self._locked:
            return
        number = self._table.current_row() + step
        if not 0 <= number < self._model.rowCount():
            return
        # Positions count in the whole district list; swap with the neighbour shown.
        neighbour: RecommendationRow = self._model.row_at(number)
        command = commands.move_command(
            self.context, row.id, row.code, old=row.position, new=neighbour.position
        )
        self.context.execute(command)

    @Slot()
    def withdraw(self) -> None:
        row = self._current()
        if row is None or self._locked:
            return
        dialog = ReasonDialog(
            _("Withdraw {code}?").format(code=row.code),
            _(
                "{code} stays in the record as withdrawn, with the reason you give; it can no "
                "longer be amended or voted on. This cannot be undone."
            ).format(code=row.code),
            _("Withdraw"),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason_km, reason_en = dialog.reasons()
        self.context.run(
            Topic.RECOMMENDATIONS,
            recommendations.withdraw_recommendation,
            row.id,
            self.context.meeting_id,
            reason_km,
            reason_en,
        )
