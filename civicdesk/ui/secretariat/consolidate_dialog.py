"""Dialogs for grouping recommendations: a new consolidated recommendation (its workshop, Khmer
and English text, theme), or an existing one to add them to."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language, pgettext
from civicdesk.i18n.khmer import format_date
from civicdesk.i18n.labels import choices, label
from civicdesk.models.enums import MeetingStatus, Theme
from civicdesk.services.recommendation_overview import OverviewRow, Workshop


@dataclass(frozen=True)
class Consolidation:
    """What the person filled in."""

    meeting_id: uuid.UUID
    text_km: str
    text_en: str
    theme: Theme


def _sources_text(rows: list[OverviewRow]) -> str:
    language = current_language()
    return "\n".join(f"{row.code} · {row.place_name(language)}" for row in rows)


def editable_workshops(workshops: list[Workshop]) -> list[Workshop]:
    return [w for w in workshops if w.status is not MeetingStatus.SIGNED]


class ConsolidateDialog(QDialog):
    """Group the chosen recommendations into one consolidated recommendation."""

    def __init__(
        self, workshops: list[Workshop], sources: list[OverviewRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Group into a consolidated recommendation"))
        self.setMinimumWidth(560)
        language = current_language()
        self.workshop = QComboBox(self)
        for workshop in editable_workshops(workshops):
            day = format_date(workshop.meeting_date, language, weekday=False)
            text = f"{workshop.title(language)} · {day}"
            self.workshop.addItem(text, str(workshop.id))
        self.theme = QComboBox(self)
        for theme, text in choices(Theme):
            self.theme.addItem(text, theme.value)
        common = Counter(row.theme for row in sources).most_common(1)
        if common:
            self.theme.setCurrentIndex(self.theme.findData(common[0][0].value))
        self.text_km = QPlainTextEdit(self)
        self.text_en = QPlainTextEdit(self)
        for editor in (self.text_km, self.text_en):
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(80)
        if sources:
            self.text_km.setPlainText(sources[0].text_km)
            self.text_en.setPlainText(sources[0].text_en)
        self.sources = QLabel(_sources_text(sources), self)
        self.sources.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #aa2018")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(pgettext("verb", "Group"))

        form = QFormLayout()
        form.addRow(_("Workshop:"), self.workshop)
        form.addRow(_("Recommendations:"), self.sources)
        form.addRow(_("Khmer text:"), self.text_km)
        form.addRow(_("English text:"), self.text_en)
        form.addRow(_("Theme:"), self.theme)
        layout = QVBoxLayout(self)
        hint = QLabel(
            _(
                "The consolidated recommendation keeps the link to each of these, so its "
                "lineage leads back to the districts and their focus groups."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)

    def consolidation(self) -> Consolidation:
        return Consolidation(
            meeting_id=uuid.UUID(str(self.workshop.currentData())),
            text_km=self.text_km.toPlainText(),
            text_en=self.text_en.toPlainText(),
            theme=Theme(str(self.theme.currentData())),
        )

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    @Slot()
    def _check_and_accept(self) -> None:
        if self.workshop.count() == 0:
            self.show_problem(_("Plan a provincial or national workshop first."))
            return
        if not self.text_km.toPlainText().strip() and not self.text_en.toPlainText().strip():
            self.show_problem(_("Write the consolidated recommendation in Khmer, English or both."))
            return
        self.accept()


class AddToConsolidatedDialog(QDialog):
    """Choose the consolidated recommendation to bring the chosen ones into."""

    def __init__(
        self, targets: list[OverviewRow], sources: list[OverviewRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add to a consolidated recommendation"))
        self.setMinimumWidth(520)
        language = current_language()
        self.target = QComboBox(self)
        for row in targets:
            text = row.text(language)
            short = text if len(text) <= 70 else text[:69] + "…"
            self.target.addItem(f"{row.code} · {label(row.theme)} · {short}", str(row.id))
        self.sources = QLabel(_sources_text(sources), self)
        self.sources.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.target.count() > 0)
        form = QFormLayout(self)
        form.addRow(_("Consolidated recommendation:"), self.target)
        form.addRow(_("Recommendations:"), self.sources)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def target_id(self) -> uuid.UUID:
        return uuid.UUID(str(self.target.currentData()))
