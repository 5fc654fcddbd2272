"""The form for one action of the joint plan, Khmer and English side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.i18n.labels import choices
from civicdesk.models.enums import ActionStatus
from civicdesk.services.actions import ActionPlan
from civicdesk.services.people import OrganisationInfo
from civicdesk.services.recommendations import RecommendationRow
from civicdesk.ui.itemmodels.pickers import OrganisationChoiceModel, RecommendationChoiceModel
from civicdesk.ui.widgets.date_button import DateButton
from civicdesk.ui.widgets.text_edit import LinesTextEdit


class ActionEditor(QWidget):
    """Fields for an `ActionPlan`. `edited` says a field changed (a person did it, not a load)."""

    edited = Signal()
    #: A field was left or a choice made: the moment to save without waiting.
    committed = Signal()

    def __init__(
        self,
        recommendations: RecommendationChoiceModel,
        partners: OrganisationChoiceModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loading = False
        self._recommendations = recommendations
        self._partners = partners
        self.description_km = LinesTextEdit(self, lines=3)
        self.description_en = LinesTextEdit(self, lines=3)
        self.recommendation = QComboBox(self)
        self.recommendation.setModel(recommendations)
        self.office_km = QLineEdit(self)
        self.office_en = QLineEdit(self)
        self.partner = QComboBox(self)
        self.partner.setModel(partners)
        self.start = DateButton(self, optional=True)
        self.due = DateButton(self, optional=True)
        self.resources_km = QLineEdit(self)
        self.resources_en = QLineEdit(self)
        self.indicator_km = QLineEdit(self)
        self.indicator_en = QLineEdit(self)
        self.status = QComboBox(self)
        for combo in (self.recommendation, self.partner):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(20)
        self._build_layout()
        self._connect()
        self.retranslate()

    # ------------------------------------------------------------------ construction

    def _build_layout(self) -> None:
        self.khmer_heading = QLabel(self)
        self.english_heading = QLabel(self)
        for heading in (self.khmer_heading, self.english_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        self._labels: dict[str, QLabel] = {
            key: QLabel(self)
            for key in (
                "description",
                "recommendation",
                "office",
                "partner",
                "start",
                "due",
                "resources",
                "indicator",
                "status",
            )
        }
        buddies: dict[str, QWidget] = {
            "description": self.description_km,
            "recommendation": self.recommendation,
            "office": self.office_km,
            "partner": self.partner,
            "start": self.start,
            "due": self.due,
            "resources": self.resources_km,
            "indicator": self.indicator_km,
            "status": self.status,
        }
        for key, row_label in self._labels.items():
            row_label.setBuddy(buddies[key])
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.khmer_heading, 0, 1)
        grid.addWidget(self.english_heading, 0, 2)
        top = Qt.AlignmentFlag.AlignTop
        bilingual = (
            ("description", self.description_km, self.description_en),
            ("office", self.office_km, self.office_en),
            ("resources", self.resources_km, self.resources_en),
            ("indicator", self.indicator_km, self.indicator_en),
        )
        row = 1
        for key, khmer, english in bilingual[:2]:
            grid.addWidget(self._labels[key], row, 0, top)
            grid.addWidget(khmer, row, 1)
            grid.addWidget(english, row, 2)
            row += 1
        grid.addWidget(self._labels["recommendation"], row, 0)
        grid.addWidget(self.recommendation, row, 1, 1, 2)
        row += 1
        grid.addWidget(self._labels["partner"], row, 0)
        grid.addWidget(self.partner, row, 1, 1, 2)
        row += 1
        for key, khmer, english in bilingual[2:]:
            grid.addWidget(self._labels[key], row, 0, top)
            grid.addWidget(khmer, row, 1)
            grid.addWidget(english, row, 2)
            row += 1
        # Dates and status on one line: the form has to fit under the table on a laptop.
        schedule = QHBoxLayout()
        schedule.addWidget(self.start, 1)
        schedule.addWidget(self._labels["due"])
        schedule.addWidget(self.due, 1)
        schedule.addWidget(self._labels["status"])
        schedule.addWidget(self.status, 1)
        grid.addWidget(self._labels["start"], row, 0)
        grid.addLayout(schedule, row, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        # Room to spare goes to the action's text, the longest field.
        grid.setRowStretch(1, 1)

    def _connect(self) -> None:
        for text in (self.description_km, self.description_en):
            text.textChanged.connect(self._on_edited)
            text.editingFinished.connect(self._on_committed)
        for line in (
            self.office_km,
            self.office_en,
            self.resources_km,
            self.resources_en,
            self.indicator_km,
            self.indicator_en,
        ):
            line.textEdited.connect(self._on_edited)
            line.editingFinished.connect(self._on_committed)
        for combo in (self.recommendation, self.partner, self.status):
            combo.activated.connect(self._on_choice)
        for date in (self.start, self.due):
            date.dateChanged.connect(self._on_date)

    def retranslate(self) -> None:
        self.khmer_heading.setText(_("Khmer"))
        self.english_heading.setText(_("English"))
        texts = {
            "description": _("&Action"),
            "recommendation": _("&Recommendation"),
            "office": _("Responsible SNA &office"),
            "partner": _("CSO &partner"),
            "start": _("S&tart"),
            "due": _("D&ue"),
            "resources": _("Reso&urces"),
            "indicator": _("&Indicator"),
            "status": _("Stat&us"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        current = self.status.currentData()
        self._loading = True
        self.status.clear()
        for status, text in choices(ActionStatus):
            self.status.addItem(text, status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self._loading = False
        for date in (self.start, self.due):
            date.retranslate()
        self.description_km.setPlaceholderText(_("What will be done, in Khmer"))
        self.description_en.setPlaceholderText(_("What will be done, in English"))

    # ------------------------------------------------------------------ values

    def plan(self) -> ActionPlan:
        return ActionPlan(
            description_km=self.description_km.toPlainText(),
            description_en=self.description_en.toPlainText(),
            recommendation_id=self._recommendations.id_at(self.recommendation.currentIndex()),
            responsible_office_km=self.office_km.text(),
            responsible_office_en=self.office_en.text(),
            cso_partner_id=self._partners.id_at(self.partner.currentIndex()),
            start_date=self.start.date(),
            due_date=self.due.date(),
            resources_km=self.resources_km.text(),
            resources_en=self.resources_en.text(),
            indicator_km=self.indicator_km.text(),
            indicator_en=self.indicator_en.text(),
            status=ActionStatus(self.status.currentData() or ActionStatus.NOT_STARTED.value),
        )

    def set_plan(self, plan: ActionPlan) -> None:
        """Show `plan` without it counting as an edit."""
        self._loading = True
        try:
            self.description_km.setPlainText(plan.description_km)
            self.description_en.setPlainText(plan.description_en)
            self._choose(self.recommendation, self._recommendations.row_of(plan.recommendation_id))
            self.office_km.setText(plan.responsible_office_km)
            self.office_en.setText(plan.responsible_office_en)
            self._choose(self.partner, self._partners.row_of(plan.cso_partner_id))
            self.start.set_date(plan.start_date)
            self.due.set_date(plan.due_date)
            self.resources_km.setText(plan.resources_km)
            self.resources_en.setText(plan.resources_en)
            self.indicator_km.setText(plan.indicator_km)
            self.indicator_en.setText(plan.indicator_en)
            self.status.setCurrentIndex(max(0, self.status.findData(plan.status.value)))
            for text in (self.description_km, self.description_en):
                text.document().setModified(False)
            for line in self._lines():
                line.setCursorPosition(0)  # show the start of a long text, not its end
        finally:
            self._loading = False

    def set_choices(
        self, recommendations: list[RecommendationRow], organisations: list[OrganisationInfo]
    ) -> None:
        """New lists to choose from, keeping what the combo boxes had chosen."""
        chosen_recommendation = self._recommendations.id_at(self.recommendation.currentIndex())
        chosen_partner = self._partners.id_at(self.partner.currentIndex())
        self._loading = True
        try:
            self._recommendations.set_recommendations(recommendations)
            self._partners.set_organisations(organisations)
            self._choose(self.recommendation, self._recommendations.row_of(chosen_recommendation))
            self._choose(self.partner, self._partners.row_of(chosen_partner))
        finally:
            self._loading = False

    @staticmethod
    def _choose(combo: QComboBox, row: int) -> None:
        combo.setCurrentIndex(max(row, 0) if combo.count() else -1)

    def _lines(self) -> tuple[QLineEdit, ...]:
        return (
            self.office_km,
            self.office_en,
            self.resources_km,
            self.resources_en,
            self.indicator_km,
            self.indicator_en,
        )

    def set_editable(self, editable: bool) -> None:
        for line in self._lines():
            line.setReadOnly(not editable)
        for text in (self.description_km, self.description_en):
            text.setReadOnly(not editable)
        for control in (self.recommendation, self.partner, self.status, self.start, self.due):
            control.setEnabled(editable)

    # ------------------------------------------------------------------ signals

    @Slot()
    def _on_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    @Slot()
    def _on_committed(self) -> None:
        if not self._loading:
            self.committed.emit()

    @Slot(int)
    def _on_choice(self, _index: int) -> None:
        if not self._loading:
            self.edited.emit()
            self.committed.emit()

    @Slot(object)
    def _on_date(self, _value: object) -> None:
        if not self._loading:
            self.edited.emit()
            self.committed.emit()
