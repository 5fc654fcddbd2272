"""Counts per side (in favour, against, abstain) beside the voters each side has present, with
a refusal shown next to a side that counted more votes than it has voters."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from civicdesk.i18n import _, current_language, ngettext
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import VOTING_SIDES, Side
from civicdesk.services.votes import SideTally, Tally
from civicdesk.ui.itemmodels.row_table import WARNING_COLOUR
from civicdesk.ui.widgets.number_spin import NumberSpinBox

#: Far above any room; a count above the voters present is refused next to the field instead.
MAX_COUNT = 9999


class SideRow:
    """One side's line: in favour, against, abstain, voters present, refusal."""

    def __init__(self, side: Side, parent: QWidget) -> None:
        self.side = side
        self.name = QLabel(parent)
        self.yes = NumberSpinBox(parent)
        self.no = NumberSpinBox(parent)
        self.abstain = NumberSpinBox(parent)
        for spin in self.spins():
            spin.setRange(0, MAX_COUNT)
            spin.setAccelerated(True)
        self.present = QLabel(parent)
        self.present.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel(parent)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {WARNING_COLOUR.name()}; font-weight: bold;")

    def spins(self) -> tuple[NumberSpinBox, NumberSpinBox, NumberSpinBox]:
        return self.yes, self.no, self.abstain

    def tally(self) -> SideTally:
        return SideTally(self.yes.value(), self.no.value(), self.abstain.value())


class TallyGrid(QWidget):
    """`changed` fires at every keystroke or arrow click, so the outcome can follow."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sides = [SideRow(side, self) for side in VOTING_SIDES]
        self._headers = [QLabel(self) for _column in range(4)]
        self._voters: dict[Side, int] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, header in enumerate(self._headers, start=1):
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setWordWrap(True)
            grid.addWidget(header, 0, column)
        for row_number, side_row in enumerate(self.sides, start=1):
            grid.addWidget(side_row.name, row_number, 0)
            for column, spin in enumerate(side_row.spins(), start=1):
                grid.addWidget(spin, row_number, column)
                spin.valueChanged.connect(self._on_value_changed)
            grid.addWidget(side_row.present, row_number, 4)
            grid.addWidget(side_row.error, row_number, 5)
        for column in range(1, 5):
            grid.setColumnStretch(column, 1)
        grid.setColumnStretch(5, 2)
        grid.setRowStretch(len(self.sides) + 1, 1)

    def retranslate(self) -> None:
        headers = (_("In favour"), _("Against"), _("Abstain"), _("Voters present"))
        for header, text in zip(self._headers, headers, strict=True):
            header.setText(text)
        for side_row in self.sides:
            side_row.name.setText(label(side_row.side))
            for spin in side_row.spins():
                spin.refresh_text()
        self.show_refusals({})

    @Slot(int)
    def _on_value_changed(self, _value: int) -> None:
        self.changed.emit()

    def tally(self) -> Tally:
        sna, civil_society = (side_row.tally() for side_row in self.sides)
        return Tally(sna, civil_society)

    def clear(self) -> None:
        self.blockSignals(True)
        try:
            for side_row in self.sides:
                for spin in side_row.spins():
                    spin.setValue(0)
        finally:
            self.blockSignals(False)

    def set_voters(self, voters: dict[Side, int]) -> None:
        self._voters = dict(voters)

    def refusals(self, tally: Tally) -> dict[Side, str]:
        """The sides that counted more votes than they have voters present, and what to say."""
        refused: dict[Side, str] = {}
        language = current_language()
        for side in VOTING_SIDES:
            present = self._voters.get(side, 0)
            cast = tally.side(side).cast
            if cast > present:
                refused[side] = ngettext(
                    "{cast} votes, but only {present} voter present",
                    "{cast} votes, but only {present} voters present",
                    present,
                ).format(
                    cast=format_number(cast, language), present=format_number(present, language)
                )
        return refused

    def show_refusals(self, refused: dict[Side, str]) -> None:
        language = current_language()
        for side_row in self.sides:
            side_row.present.setText(format_number(self._voters.get(side_row.side, 0), language))
            side_row.error.setText(refused.get(side_row.side, ""))
