"""Record progress on an action: date, status, percentage done, a note in Khmer and English."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from civicdesk.i18n import _
from civicdesk.i18n.labels import choices
from civicdesk.models.enums import ActionStatus
from civicdesk.services.actions import ActionRow
from civicdesk.ui.itemmodels.display import in_language, wrappable
from civicdesk.ui.widgets.date_button import DateButton
from civicdesk.ui.widgets.number_spin import NumberSpinBox
from civicdesk.ui.widgets.text_edit import LinesTextEdit
from civicdesk.ui.workspace.action_commands import RecordProgressCommand
from civicdesk.ui.workspace.context import WorkspaceContext
from civicdesk.ui.workspace.service_dialog import ServiceDialog


class ProgressDialog(ServiceDialog):
    def __init__(
        self, context: WorkspaceContext, action: ActionRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self._action = action
        self.action_label = QLabel(self)
        self.action_label.setWordWrap(True)
        font = self.action_label.font()
        font.setBold(True)
        self.action_label.setFont(font)
        self.date = DateButton(self)
        self.date.set_maximum(dt.date.today())
        self.status = QComboBox(self)
        for status, text in choices(ActionStatus):
            self.status.addItem(text, status.value)
        self.status.setCurrentIndex(self.status.findData(action.status.value))
        self.percent = NumberSpinBox(self)
        self.percent.setRange(0, 100)
        self.percent.setSingleStep(5)
        self.percent.setSuffix("%")
        self.percent.setValue(action.progress_percent)
        self.note_km = LinesTextEdit(self, lines=3)
        self.note_en = LinesTextEdit(self, lines=3)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels = [QLabel(self) for _index in range(5)]
        for row_label, field in zip(
            self._labels,
            (self.date, self.status, self.percent, self.note_km, self.note_en),
            strict=True,
        ):
            row_label.setBuddy(field)
            form.addRow(row_label, field)
        self.body.addWidget(self.action_label)
        self.body.addLayout(form)
        self.retranslate()
        self.resize(560, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(_("Record progress"))
        plan = self._action.plan
        self.action_label.setText(wrappable(in_language(plan.description_km, plan.description_en)))
        texts = (_("&Date"), _("&Status"), _("&Progress"), _("Note (&Khmer)"), _("Note (&English)"))
        for row_label, text in zip(self._labels, texts, strict=True):
            row_label.setText(text)
        self.date.retranslate()

    def submit(self) -> bool:
        reported_on = self.date.date() or dt.date.today()
        status = ActionStatus(self.status.currentData())
        percent = self.percent.value()
        note_km = self.note_km.toPlainText()
        note_en = self.note_en.toPlainText()
        command = RecordProgressCommand(
            self._action.id,
            self.context.meeting_id,
            reported_on=reported_on,
            status=status,
            percent=percent,
            note_km=note_km,
            note_en=note_en,
        )
        return self.context.execute(command)
