"""The live counts the clerk and the room watch: total, women, men, and each side."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from civicdesk.i18n import _, ngettext
from civicdesk.i18n.labels import label
from civicdesk.models.enums import Side
from civicdesk.services.attendance import AttendanceStats
from civicdesk.ui.itemmodels.records import number

STYLE = (
    "QFrame#attendanceCounts { background: #eef4ec; border: 1px solid #b9cfb3;"
    " border-radius: 4px; }"
)


def counts_html(stats: AttendanceStats) -> str:
    """One line (wrapping where it must) of what the counts are, the numbers in bold."""

    def bold(n: int) -> str:
        return f"<b>{escape(number(n))}</b>"

    totals = [
        escape(_("Present:")) + " " + bold(stats.total),
        escape(_("Women:")) + " " + bold(stats.women),
        escape(_("Men:")) + " " + bold(stats.men),
    ]
    sides = []
    for side in Side:
        count = stats.by_side.get(side)
        total = count.total if count else 0
        if side is Side.OBSERVER and not total:
            continue
        women = count.women if count else 0
        sides.append(
            escape(label(side))
            + ": "
            + bold(total)
            + " "
            + escape(
                ngettext("({count} woman)", "({count} women)", women).format(count=number(women))
            )
        )
    if stats.anonymous:
        totals.append(escape(_("({count} without names)").format(count=number(stats.anonymous))))
    return " &nbsp;│&nbsp; ".join(["&nbsp;· ".join(totals), "&nbsp;· ".join(sides)])


class CountsBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceCounts")
        self.setStyleSheet(STYLE)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)

    def show_stats(self, stats: AttendanceStats) -> None:
        self.label.setText(counts_html(stats))
