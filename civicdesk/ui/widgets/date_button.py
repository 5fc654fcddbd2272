"""A date field that reads like the rest of the UI: Khmer digits and month names in Khmer.

A QDateEdit shows Latin digits whatever its locale; this button shows the date as
`civicdesk.i18n.khmer.format_date` writes it and opens a calendar to change it (Space or a
click opens it, the arrow keys move, Enter picks).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QMenu, QPushButton, QWidget, QWidgetAction

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date


def _locale(language: str) -> QLocale:
    if language == "km":
        return QLocale(QLocale.Language.Khmer, QLocale.Country.Cambodia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class DateButton(QPushButton):
    """A date, or (if `optional`) no date."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None if optional else dt.date.today()
        self._optional = optional
        self._calendar = QCalendarWidget(self)
        self._calendar.setGridVisible(False)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self._calendar)
        menu.addAction(holder)
        self._clear_action = QAction(menu)
        if optional:
            menu.addSeparator()
            menu.addAction(self._clear_action)
        self.setMenu(menu)
        menu.aboutToShow.connect(self._prepare_calendar)
        self._calendar.clicked.connect(self._on_picked)
        self._calendar.activated.connect(self._on_picked)
        self._clear_action.triggered.connect(self._on_cleared)
        self.retranslate()

    def date(self) -> dt.date | None:
        return self._date

    def set_date(self, value: dt.date | None) -> None:
        if value is None and not self._optional:
            value = dt.date.today()
        changed = value != self._date
        self._date = value
        self._show()
        if changed:
            self.dateChanged.emit(value)

    def set_maximum(self, value: dt.date) -> None:
        self._calendar.setMaximumDate(QDate(value.year, value.month, value.day))

    def retranslate(self) -> None:
        self._clear_action.setText(_("No date"))
        self._show()

    def _show(self) -> None:
        language = current_language()
        self.setText(
            format_date(self._date, language, weekday=False) if self._date else _("No date")
        )
        self.setAccessibleDescription(self.text())

    @Slot()
    def _prepare_calendar(self) -> None:
        language = current_language()
        self._calendar.setLocale(_locale(language))
        chosen = self._date or dt.date.today()
        self._calendar.setSelectedDate(QDate(chosen.year, chosen.month, chosen.day))
        self._calendar.setFocus()

    @Slot(QDate)
    def _on_picked(self, value: QDate) -> None:
        self.set_date(dt.date(value.year(), value.month(), value.day()))
        self.menu().close()

    @Slot()
    def _on_cleared(self) -> None:
        self.set_date(None)
