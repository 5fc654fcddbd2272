"""Adding someone who is not in the directory yet, without leaving the sign-in screen.

Khmer and Latin name, sex, organisation (chosen from the directory with type-ahead, or a new one
with its name and kind), position in Khmer and in English, phone. The side follows the
organisation (`sideSuggested`); the page adds the person and signs them in in one action.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.i18n.labels import choices
from civicdesk.models.enums import OrganisationKind, Sex
from civicdesk.services.people import OrganisationInfo
from civicdesk.ui.itemmodels.filtering import TextFilterModel
from civicdesk.ui.itemmodels.people import OrganisationChoiceModel
from civicdesk.ui.widgets.field_errors import FieldErrors
from civicdesk.ui.widgets.type_ahead import TypeAheadCombo
from civicdesk.ui.workspace.sign_in.commands import NewOrganisation, NewPerson


class OrganisationCombo(TypeAheadCombo):
    """An organisation from the directory, found by typing part of its name in either
    language or its abbreviation."""

    organisationChanged = Signal(object)  # OrganisationInfo | None

    def __init__(self, parent: QWidget | None = None) -> None:
        self.choices = OrganisationChoiceModel()
        self._filter = TextFilterModel()
        super().__init__(self.choices, self._filter, parent, width_in_characters=16)
        self.currentIndexChanged.connect(self._on_index_changed)

    def set_organisations(self, organisations: list[OrganisationInfo]) -> None:
        selected = self.organisation_id()
        self.blockSignals(True)
        self.choices.set_organisations(organisations)
        self.setCurrentIndex(self.choices.row_of(selected))
        self.blockSignals(False)

    def organisation(self) -> OrganisationInfo | None:
        return (
            self.choices.organisation_at(self.currentIndex()) if self.shows_chosen_row() else None
        )

    def organisation_id(self) -> uuid.UUID | None:
        organisation = self.organisation()
        return organisation.id if organisation else None

    def is_unrecognised(self) -> bool:
        """Something is typed that is not an organisation of the list."""
        return bool(self.currentText().strip()) and not (
            self.shows_chosen_row() and self.currentIndex() > 0
        )

    @Slot(int)
    def _on_index_changed(self, _row: int) -> None:
        self.organisationChanged.emit(self.organisation())


class NewPersonForm(QWidget):
    submitted = Signal()
    cancelled = Signal()
    #: The side the chosen (or new) organisation sits on.
    sideSuggested = Signal(object)  # Side | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, QLabel] = {}
        self._errors = FieldErrors(self)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 1)
        self._grid.setVerticalSpacing(2)
        self._row = 0
        self._build_fields()
        self._build_organisation()
        self._build_position()
        self.add_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        self._title = QLabel(self)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        fields = QWidget(self)
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 4, 0)
        fields_layout.addLayout(self._grid)
        fields_layout.addStretch(1)
        # Scrolls rather than clips on a small screen, with a new organisation's fields shown.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._connect()
        self.retranslate()
        self.clear()

    # ------------------------------------------------------------------ construction

    def _label(self, key: str, buddy: QWidget) -> QLabel:
        label = QLabel(self)
        label.setBuddy(buddy)
        self._labels[key] = label
        return label

    def _error(self, *fields: str) -> QLabel:
        return self._errors.line(*fields)

    def _add_pair(
        self, left: tuple[str, QWidget], right: tuple[str, QWidget], *fields: str
    ) -> None:
        """Two fields side by side, each under its label, and one error line under them."""
        for column, (key, widget) in enumerate((left, right)):
            self._grid.addWidget(self._label(key, widget), self._row, column)
            self._grid.addWidget(widget, self._row + 1, column)
        self._grid.addWidget(self._error(*fields), self._row + 2, 0, 1, 2)
        self._row += 3

    def _add_wide(self, key: str, widget: QWidget, *fields: str) -> None:
        self._grid.addWidget(self._label(key, widget), self._row, 0, 1, 2)
        self._grid.addWidget(widget, self._row + 1, 0, 1, 2)
        self._grid.addWidget(self._error(*fields), self._row + 2, 0, 1, 2)
        self._row += 3

    def _build_fields(self) -> None:
        self.name_km = QLineEdit(self)
        self.name_latin = QLineEdit(self)
        self._add_pair(
            ("name_km", self.name_km), ("name_latin", self.name_latin), "name_km", "name_latin"
        )
        self.female = QRadioButton(self)
        self.male = QRadioButton(self)
        self._sex = QButtonGroup(self)
        self._sex.addButton(self.female)
        self._sex.addButton(self.male)
        sex = QWidget(self)
        sex_layout = QHBoxLayout(sex)
        sex_layout.setContentsMargins(0, 0, 0, 0)
        sex_layout.addWidget(self.female)
        sex_layout.addWidget(self.male)
        sex_layout.addStretch(1)
        sex.setFocusProxy(self.female)
        self.phone = QLineEdit(self)
        self._add_pair(("sex", sex), ("phone", self.phone), "sex", "phone")

    def _build_organisation(self) -> None:
        self.organisation = OrganisationCombo(self)
        self.new_organisation = QCheckBox(self)
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.organisation, 1)
        row.addWidget(self.new_organisation)
        holder.setFocusProxy(self.organisation)
        self._add_wide("organisation", holder, "organisation_id")
        self.organisation_km = QLineEdit(self)
        self.organisation_en = QLineEdit(self)
        self.organisation_kind = QComboBox(self)
        self._new_organisation_widgets: list[QWidget] = [
            self.organisation_km,
            self.organisation_en,
        ]
        self._add_pair(
            ("organisation_km", self.organisation_km),
            ("organisation_en", self.organisation_en),
            "organisation.name_km",
            "organisation.name_en",
            "organisation.",
        )
        self._add_wide("organisation_kind", self.organisation_kind, "organisation.kind")
        self._new_organisation_widgets.append(self.organisation_kind)

    def _build_position(self) -> None:
        self.position = QLineEdit(self)
        self.position_en = QLineEdit(self)
        self._add_pair(
            ("position", self.position),
            ("position_en", self.position_en),
            "position",
            "position_en",
        )

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.submitted)
        self.cancel_button.clicked.connect(self.cancelled)
        for line in (
            self.name_km,
            self.name_latin,
            self.phone,
            self.organisation_km,
            self.organisation_en,
            self.position,
            self.position_en,
        ):
            line.returnPressed.connect(self.submitted)
        self.organisation.organisationChanged.connect(self._on_organisation_changed)
        self.new_organisation.toggled.connect(self._on_new_organisation_toggled)
        self.organisation_kind.activated.connect(self._on_kind_changed)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self._title.setText(_("Add a new person and sign them in"))
        texts = {
            "name_km": _("Name in &Khmer:"),
            "name_latin": _("Name in &Latin letters:"),
            "sex": _("Se&x:"),
            "phone": _("P&hone:"),
            "organisation": _("&Organisation:"),
            "organisation_km": _("Its name in Khmer:"),
            "organisation_en": _("Its name in English:"),
            "organisation_kind": _("Its kind:"),
            "position": _("&Position:"),
            "position_en": _("Position in &English:"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.female.setText(_("Female"))
        self.male.setText(_("Male"))
        self.new_organisation.setText(_("New organisation"))
        self.add_button.setText(_("&Add and sign in"))
        self.cancel_button.setText(_("Cancel"))
        selected = self.organisation_kind.currentData()
        self.organisation_kind.clear()
        for kind, text in choices(OrganisationKind):
            self.organisation_kind.addItem(text, kind.value)
        self.organisation_kind.setCurrentIndex(max(self.organisation_kind.findData(selected), 0))
        self.organisation.choices.retranslate()

    # ------------------------------------------------------------------ data

    def set_organisations(self, organisations: list[OrganisationInfo]) -> None:
        self.organisation.set_organisations(organisations)

    def clear(self, typed: str = "") -> None:
        """An empty form; `typed` (what was searched for) goes into the matching name."""
        self.clear_errors()
        khmer = any("\u1780" <= character <= "\u17ff" for character in typed)
        self.name_km.setText(typed if khmer else "")
        self.name_latin.setText("" if khmer else typed)
        for line in (
            self.phone,
            self.position,
            self.position_en,
            self.organisation_km,
            self.organisation_en,
        ):
            line.clear()
        self._sex.setExclusive(False)
        self.female.setChecked(False)
        self.male.setChecked(False)
        self._sex.setExclusive(True)
        self.organisation.setCurrentIndex(0)
        self.new_organisation.setChecked(False)
        self._on_new_organisation_toggled(False)

    def person(self) -> NewPerson | None:
        """The person as filled in, or None with the gaps marked."""
        self.clear_errors()
        problems = self._problems()
        for field, message in problems.items():
            self.show_error(field, message)
        if problems:
            return None
        return NewPerson(
            name_km=self.name_km.text(),
            name_latin=self.name_latin.text(),
            sex=Sex.FEMALE if self.female.isChecked() else Sex.MALE,
            position=self.position.text(),
            position_en=self.position_en.text(),
            phone=self.phone.text(),
            organisation_id=None
            if self.new_organisation.isChecked()
            else self.organisation.organisation_id(),
            new_organisation=self._new_organisation(),
        )

    def _problems(self) -> dict[str, str]:
        problems = {}
        if not self.name_km.text().strip() and not self.name_latin.text().strip():
            problems["name_km"] = _(
                "Write the person's name in Khmer script, in Latin letters, or both."
            )
        if not (self.female.isChecked() or self.male.isChecked()):
            problems["sex"] = _("Choose female or male.")
        if not self.new_organisation.isChecked() and self.organisation.is_unrecognised():
            problems["organisation_id"] = _(
                "Choose the organisation from the list, or tick “New organisation”."
            )
        return problems

    def _new_organisation(self) -> NewOrganisation | None:
        if not self.new_organisation.isChecked():
            return None
        return NewOrganisation(
            name_km=self.organisation_km.text(),
            name_en=self.organisation_en.text(),
            kind=OrganisationKind(self.organisation_kind.currentData()),
        )

    def focus_first_field(self) -> None:
        (self.name_latin if self.name_latin.text() else self.name_km).setFocus()

    # ------------------------------------------------------------------ errors

    def show_error(self, field: str, message: str) -> bool:
        """Show `message` next to the field a service named; False if no field has that name."""
        return self._errors.show(field, message)

    def clear_errors(self) -> None:
        self._errors.clear()

    def visible_errors(self) -> list[str]:
        return self._errors.shown()

    # ------------------------------------------------------------------ slots

    @Slot(object)
    def _on_organisation_changed(self, organisation: OrganisationInfo | None) -> None:
        if organisation is not None:
            self.sideSuggested.emit(organisation.side)

    def set_editable(self, editable: bool) -> None:
        """After the page made every input read-only or editable again: the organisation
        list stays disabled while a new organisation is being given."""
        self.organisation.setEnabled(editable and not self.new_organisation.isChecked())

    @Slot(bool)
    def _on_new_organisation_toggled(self, checked: bool) -> None:
        self.organisation.setEnabled(not checked)
        for widget in self._new_organisation_widgets:
            widget.setVisible(checked)
        for key in ("organisation_km", "organisation_en", "organisation_kind"):
            self._labels[key].setVisible(checked)
        if checked:
            self._on_kind_changed()
            self.organisation_km.setFocus()

    @Slot()
    def _on_kind_changed(self) -> None:
        self.sideSuggested.emit(OrganisationKind(self.organisation_kind.currentData()).side)
