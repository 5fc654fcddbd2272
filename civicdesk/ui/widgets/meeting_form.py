"""The details of a meeting, as the "New meeting" dialog and the Setup page edit them.

Three groups: the meeting (kind, bilingual title, the meeting it follows from, vote rule), when
and where (date, times, venue, province → district → commune), and who runs it (facilitator,
clerk). `details()` gives a `MeetingDetails` for `meetings.plan_meeting`/`update_meeting`, or
None after marking what must be fixed; `show_error(field, message)` puts a service's refusal
next to the field it names. `edited` fires each time a person finishes changing a field.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QTime, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.i18n.labels import choices
from civicdesk.models.enums import MeetingKind, VoteRule
from civicdesk.services.meetings import TITLE_MAX_LENGTH, MeetingDetails, MeetingSummary
from civicdesk.ui.itemmodels.meeting_choices import MeetingChoiceModel
from civicdesk.ui.widgets.date_button import DateButton
from civicdesk.ui.widgets.field_errors import FieldErrors
from civicdesk.ui.widgets.person_picker import PeopleLookup, PersonPicker
from civicdesk.ui.widgets.place_picker import PlacePicker
from civicdesk.ui.widgets.time_edit import TimeEdit

#: A QTimeEdit at this time shows "not set" (no meeting starts at midnight).
NO_TIME = QTime(0, 0)


def _row(parent: QWidget, *widgets: QWidget | None) -> QWidget:
    """Widgets side by side as one field; None stands for the stretch that takes the room."""
    holder = QWidget(parent)
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setFocusProxy(next(w for w in widgets if w is not None))
    for widget in widgets:
        if widget is None:
            layout.addStretch(1)
        else:
            layout.addWidget(widget)
    return holder


def _time_edit(parent: QWidget) -> TimeEdit:
    edit = TimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setKeyboardTracking(False)
    edit.setTime(NO_TIME)
    return edit


class _FieldGrid:
    """A group box's grid: a label column, then one or more field columns, each field row
    followed by a hidden error line."""

    def __init__(self, box: QGroupBox, columns: int) -> None:
        self.box = box
        self.grid = QGridLayout(box)
        self.grid.setColumnStretch(0, 0)
        for column in range(1, columns + 1):
            self.grid.setColumnStretch(column, 1)
        self.columns = columns
        self._row = 0

    def add(self, label: QLabel, *fields: QWidget, error: QLabel | None = None) -> None:
        self.grid.addWidget(label, self._row, 0)
        span = self.columns // len(fields) if fields else 1
        for position, field in enumerate(fields):
            self.grid.addWidget(field, self._row, 1 + position * span, 1, span)
        label.setBuddy(fields[0])
        self._row += 1
        if error is not None:
            self.grid.addWidget(error, self._row, 1, 1, self.columns)
            self._row += 1

    def add_headings(self, *headings: QLabel) -> None:
        for position, heading in enumerate(headings):
            self.grid.addWidget(heading, self._row, 1 + position)
        self._row += 1


class MeetingForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._errors = FieldErrors(self)
        self._labels: dict[str, QLabel] = {}
        self._what_box = QGroupBox(self)
        self._when_box = QGroupBox(self)
        self._who_box = QGroupBox(self)
        self._build_what()
        self._build_when()
        self._build_who()
        left = QVBoxLayout()
        left.addWidget(self._what_box)
        left.addWidget(self._who_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._when_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self._connect()
        self.retranslate()
        self.set_details(None)

    # ------------------------------------------------------------------ construction

    def _label(self, key: str) -> QLabel:
        label = QLabel(self)
        self._labels[key] = label
        return label

    def _error(self, *fields: str) -> QLabel:
        return self._errors.line(*fields)

    def _build_what(self) -> None:
        grid = _FieldGrid(self._what_box, 2)
        self.kind = QComboBox(self)
        self.title_km = QLineEdit(self)
        self.title_en = QLineEdit(self)
        for title in (self.title_km, self.title_en):
            title.setMaxLength(TITLE_MAX_LENGTH)
            title.setMinimumWidth(160)
        self.follows_from = QComboBox(self)
        self._meetings = MeetingChoiceModel(self)
        self.follows_from.setModel(self._meetings)
        self.follows_from.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.follows_from.setMinimumContentsLength(20)
        self.vote_rule = QComboBox(self)
        self._in_khmer = QLabel(self)
        self._in_english = QLabel(self)
        grid.add(self._label("kind"), self.kind, error=self._error("kind"))
        grid.add_headings(self._in_khmer, self._in_english)
        grid.add(
            self._label("title"),
            self.title_km,
            self.title_en,
            error=self._error("title", "title_km", "title_en"),
        )
        grid.add(
            self._label("follows_from"),
            self.follows_from,
            error=self._error("follows_from_id"),
        )
        grid.add(self._label("vote_rule"), self.vote_rule, error=self._error("vote_rule"))

    def _build_when(self) -> None:
        grid = _FieldGrid(self._when_box, 2)
        self.date = DateButton(self)
        self.start_time = _time_edit(self)
        self.end_time = _time_edit(self)
        self.venue_km = QLineEdit(self)
        self.venue_en = QLineEdit(self)
        self._places = PlacePicker(self)
        self.province, self.district, self.commune = self._places.combos()
        self._venue_khmer = QLabel(self)
        self._venue_english = QLabel(self)
        self._time_separator = QLabel(self)
        grid.add(
            self._label("date"),
            _row(self, self.date, None),
            error=self._error("meeting_date"),
        )
        grid.add(
            self._label("times"),
            _row(self, self.start_time, self._time_separator, self.end_time, None),
            error=self._error("start_time", "end_time"),
        )
        grid.add_headings(self._venue_khmer, self._venue_english)
        grid.add(
            self._label("venue"),
            self.venue_km,
            self.venue_en,
            error=self._error("venue_km", "venue_en"),
        )
        grid.add(self._label("province"), self.province, error=self._error("province_code"))
        grid.add(self._label("district"), self.district, error=self._error("district_code"))
        grid.add(self._label("commune"), self.commune, error=self._error("commune_code"))

    def _build_who(self) -> None:
        grid = _FieldGrid(self._who_box, 1)
        self.facilitator = PersonPicker(self)
        self.clerk = PersonPicker(self)
        grid.add(self._label("facilitator"), self.facilitator, error=self._error("facilitator_id"))
        grid.add(self._label("clerk"), self.clerk, error=self._error("clerk_id"))

    def _connect(self) -> None:
        for line in (self.title_km, self.title_en, self.venue_km, self.venue_en):
            line.editingFinished.connect(self._on_edited)
        for combo in (self.kind, self.vote_rule, self.follows_from):
            combo.activated.connect(self._on_edited)
        self.date.dateChanged.connect(self._on_edited)
        for time in (self.start_time, self.end_time):
            time.timeChanged.connect(self._on_edited)
        self._places.placeChanged.connect(self._on_edited)
        for place in (self.province, self.district, self.commune):
            place_line = place.lineEdit()
            if place_line is not None:
                place_line.editingFinished.connect(self._on_edited)
        for picker in (self.facilitator, self.clerk):
            picker.personChanged.connect(self._on_edited)
            picker.editingFinished.connect(self._on_edited)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self._what_box.setTitle(_("The meeting"))
        self._when_box.setTitle(_("When and where"))
        self._who_box.setTitle(_("Who runs it"))
        texts = {
            "kind": _("&Kind:"),
            "title": _("&Title:"),
            "follows_from": _("&Follows from:"),
            "vote_rule": _("&Vote rule:"),
            "date": _("&Date:"),
            "times": _("&Start and end:"),
            "venue": _("Ve&nue:"),
            "province": _("&Province:"),
            "district": _("Dist&rict:"),
            "commune": _("&Commune:"),
            "facilitator": _("F&acilitator:"),
            "clerk": _("C&lerk:"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self._time_separator.setText(_("to"))
        for heading in (self._in_khmer, self._venue_khmer):
            heading.setText(_("In Khmer"))
        for heading in (self._in_english, self._venue_english):
            heading.setText(_("In English"))
        for edit in (self.start_time, self.end_time):
            edit.setSpecialValueText(_("not set"))
            edit.refresh_text()
        self.title_km.setPlaceholderText(_("Title in Khmer"))
        self.title_en.setPlaceholderText(_("Title in English"))
        self.venue_km.setPlaceholderText(_("Venue in Khmer"))
        self.venue_en.setPlaceholderText(_("Venue in English"))
        self.province.set_placeholder(_("Type to search"))
        self.district.set_placeholder(_("Choose the province first"))
        self.commune.set_placeholder(_("Optional"))
        self._fill_choice(self.kind, choices(MeetingKind))
        self._fill_choice(self.vote_rule, choices(VoteRule))
        self._meetings.retranslate()
        self._places.retranslate()
        self.date.retranslate()
        for picker in (self.facilitator, self.clerk):
            picker.retranslate()

    @staticmethod
    def _fill_choice(
        combo: QComboBox, items: list[tuple[MeetingKind, str]] | list[tuple[VoteRule, str]]
    ) -> None:
        selected = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value.value)
        combo.setCurrentIndex(max(combo.findData(selected), 0))
        combo.blockSignals(False)

    # ------------------------------------------------------------------ data

    def set_lookup(self, lookup: PeopleLookup) -> None:
        self.facilitator.set_lookup(lookup)
        self.clerk.set_lookup(lookup)

    def set_meetings(
        self, meetings: list[MeetingSummary], exclude: uuid.UUID | None = None
    ) -> None:
        """The meetings this one may follow from (not itself)."""
        selected = self._follows_from_id()
        self._meetings.set_meetings([m for m in meetings if m.id != exclude])
        self.follows_from.setCurrentIndex(self._meetings.row_of(selected))

    def set_details(self, details: MeetingDetails | None) -> None:
        """Show `details` (None: an empty form for a new meeting, dated today)."""
        self._loading = True
        try:
            self.clear_errors()
            if details is None:
                details = MeetingDetails(
                    kind=MeetingKind.JOINT_CONSULTATION,
                    title_km="",
                    title_en="",
                    meeting_date=dt.date.today(),
                    province_code="",
                )
            self.kind.setCurrentIndex(max(self.kind.findData(details.kind.value), 0))
            _set_text(self.title_km, details.title_km)
            _set_text(self.title_en, details.title_en)
            self.follows_from.setCurrentIndex(self._meetings.row_of(details.follows_from_id))
            self.vote_rule.setCurrentIndex(max(self.vote_rule.findData(details.vote_rule.value), 0))
            self.date.set_date(details.meeting_date)
            self.start_time.setTime(_qtime(details.start_time))
            self.end_time.setTime(_qtime(details.end_time))
            _set_text(self.venue_km, details.venue_km)
            _set_text(self.venue_en, details.venue_en)
            if self._places.codes() != (
                details.province_code or None,
                details.district_code,
                details.commune_code,
            ):
                self._places.set_codes(
                    details.province_code or None, details.district_code, details.commune_code
                )
            if self.facilitator.person_id() != details.facilitator_id:
                self.facilitator.set_person_id(details.facilitator_id)
            if self.clerk.person_id() != details.clerk_id:
                self.clerk.set_person_id(details.clerk_id)
        finally:
            self._loading = False

    def details(self) -> MeetingDetails | None:
        """What the form says, or None with the problems marked next to their fields."""
        self.clear_errors()
        province, district, commune = self._places.codes()
        problems = {
            "province_code": _("Choose the province from the list.")
            if self.province.is_unrecognised() or not province
            else "",
            "district_code": _("Choose the district from the list.")
            if self.district.is_unrecognised()
            else "",
            "commune_code": _("Choose the commune from the list.")
            if self.commune.is_unrecognised()
            else "",
            "facilitator_id": _("Choose the facilitator from the suggestions.")
            if self.facilitator.is_unrecognised()
            else "",
            "clerk_id": _("Choose the clerk from the suggestions.")
            if self.clerk.is_unrecognised()
            else "",
        }
        for field, message in problems.items():
            if message:
                self.show_error(field, message)
        if any(problems.values()) or province is None:
            return None
        return MeetingDetails(
            kind=MeetingKind(self.kind.currentData()),
            title_km=self.title_km.text(),
            title_en=self.title_en.text(),
            meeting_date=self.date.date() or dt.date.today(),
            province_code=province,
            district_code=district,
            commune_code=commune,
            start_time=_time(self.start_time),
            end_time=_time(self.end_time),
            venue_km=self.venue_km.text(),
            venue_en=self.venue_en.text(),
            facilitator_id=self.facilitator.person_id(),
            clerk_id=self.clerk.person_id(),
            follows_from_id=self._follows_from_id(),
            vote_rule=VoteRule(self.vote_rule.currentData()),
        )

    def _follows_from_id(self) -> uuid.UUID | None:
        return self._meetings.meeting_id_at(self.follows_from.currentIndex())

    def set_editable(self, editable: bool) -> None:
        """After a page made every input read-only or editable again: the place levels that
        have nothing to choose from stay disabled."""
        self._places.update_enabled(editable)

    # ------------------------------------------------------------------ errors

    def show_error(self, field: str, message: str) -> bool:
        """Show `message` next to the field a service named; False if no field has that name."""
        return self._errors.show(field, message)

    def clear_errors(self) -> None:
        self._errors.clear()

    def visible_errors(self) -> list[str]:
        return self._errors.shown()

    # ------------------------------------------------------------------ slots

    @Slot()
    def _on_edited(self) -> None:
        if not self._loading:
            self.edited.emit()


def _set_text(line: QLineEdit, text: str) -> None:
    """Show `text` from its beginning (long titles are common), all of it in the tool tip."""
    if line.text() != text:
        line.setText(text)
        line.setCursorPosition(0)
    line.setToolTip(text)


def _qtime(time: dt.time | None) -> QTime:
    return QTime(time.hour, time.minute) if time else NO_TIME


def _time(edit: QTimeEdit) -> dt.time | None:
    value = edit.time()
    if value == NO_TIME:
        return None
    python = value.toPython()
    return python if isinstance(python, dt.time) else None
