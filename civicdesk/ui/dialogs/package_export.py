"""What to put in an exchange package: the meeting chosen in the list, or every meeting of a
district. The file is chosen after this dialog."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date
from civicdesk.services import places
from civicdesk.services.meetings import MeetingSummary
from civicdesk.ui.itemmodels.display import wrappable

DEFAULT_WIDTH = 560
SUFFIX = ".cdpkg"


@dataclass(frozen=True)
class ExportChoice:
    """A scope for `civicdesk.exchange.export_package` and the file name to suggest."""

    scope: list[uuid.UUID] | str
    file_name: str


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def package_file_name(
    district_code: str | None, meeting_date: dt.date | None, today: dt.date
) -> str:
    """`civicdesk-0204-bavel-2021-11-23-<today>.cdpkg` for a meeting,
    `civicdesk-0204-bavel-<today>.cdpkg` for a district: ASCII, whatever the UI language."""
    parts = ["civicdesk"]
    if district_code:
        parts.append(_slug(f"{district_code} {places.district_name(district_code, 'en')}"))
    if meeting_date is not None:
        parts.append(meeting_date.isoformat())
    parts.append(today.isoformat())
    return "-".join(part for part in parts if part) + SUFFIX


class ExportScopeDialog(QDialog):
    def __init__(
        self,
        meeting: MeetingSummary | None,
        districts: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._meeting = meeting
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.meeting_choice = QRadioButton(self)
        self.meeting_title = QLabel(self)
        self.meeting_title.setWordWrap(True)
        self.district_choice = QRadioButton(self)
        self.district = QComboBox(self)
        for code in districts:
            self.district.addItem(code, code)
        group = QButtonGroup(self)
        group.addButton(self.meeting_choice)
        group.addButton(self.district_choice)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )

        choices = QGridLayout()
        choices.addWidget(self.meeting_choice, 0, 0, 1, 2)
        choices.addWidget(self.meeting_title, 1, 1)
        choices.addWidget(self.district_choice, 2, 0, 1, 2)
        choices.addWidget(self.district, 3, 1)
        choices.setColumnMinimumWidth(0, 24)
        choices.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(choices)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.meeting_choice.setEnabled(meeting is not None)
        self.district_choice.setEnabled(bool(districts))
        if meeting is not None:
            self.meeting_choice.setChecked(True)
            self.district.setCurrentIndex(max(self.district.findData(meeting.district_code), 0))
        else:
            self.district_choice.setChecked(True)
        self.district_choice.toggled.connect(self._on_choice)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_choice()
        self.retranslate()
        self.resize(max(self.sizeHint().width(), DEFAULT_WIDTH), self.sizeHint().height())

    def retranslate(self) -> None:
        language = current_language()
        self.setWindowTitle(_("Export package"))
        self._intro.setText(
            wrappable(
                _(
                    "A package carries the records of meetings, with the audit history that "
                    "proves them, to another computer: a district's laptop to the secretariat, "
                    "or back. What should it hold?"
                )
            )
        )
        self.meeting_choice.setText(_("The &meeting chosen in the list"))
        meeting = self._meeting
        if meeting is None:
            self.meeting_title.setText(_("No meeting is chosen in the list."))
        else:
            day = format_date(meeting.meeting_date, language)
            self.meeting_title.setText(wrappable(f"{meeting.title(language)}, {day}"))
        self.district_choice.setText(_("Every meeting of a &district:"))
        for index in range(self.district.count()):
            code = str(self.district.itemData(index))
            self.district.setItemText(index, places.district_name(code, language))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok is not None:
            ok.setText(_("&Choose the file…"))
        if cancel is not None:
            cancel.setText(_("Cancel"))

    @Slot()
    def _on_choice(self) -> None:
        self.district.setEnabled(self.district_choice.isChecked())

    def choose_district(self, code: str) -> None:
        self.district_choice.setChecked(True)
        self.district.setCurrentIndex(self.district.findData(code))

    def choice(self, today: dt.date) -> ExportChoice:
        meeting = self._meeting
        if self.meeting_choice.isChecked() and meeting is not None:
            return ExportChoice(
                [meeting.id],
                package_file_name(meeting.district_code, meeting.meeting_date, today),
            )
        code = str(self.district.currentData() or "")
        return ExportChoice(code, package_file_name(code, None, today))
