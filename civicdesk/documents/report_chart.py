"""A horizontal stacked bar chart as a platypus flowable, for the secretariat's report.

Labels go through :func:`~civicdesk.documents.textflow.draw_text`, so Khmer is shaped like the
rest of the document (ReportLab's own chart strings are not shaped).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from civicdesk.documents.textflow import TextStyle, draw_text, text_width
from civicdesk.i18n.khmer import khmer_digits

__all__ = ["Bar", "BarChart", "Segment"]

LABEL = TextStyle(size=8.5)
VALUE = TextStyle(size=7.5, color=colors.white)
NOTE = TextStyle(size=8)
WARNING = TextStyle(size=8, color=colors.Color(0.67, 0.13, 0.09), bold=True)
ROW_HEIGHT = 17.0
BAR_SHARE = 0.68
LEGEND_HEIGHT = 18.0
SWATCH = 8.0
GAP = 6.0


@dataclass(frozen=True)
class Segment:
    value: int
    colour: Color


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    #: Written after the bar (a total, a share, a count of overdue actions).
    note: str = ""
    note_warning: bool = False

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


class BarChart(Flowable):  # type: ignore[misc]
    def __init__(
        self,
        bars: Sequence[Bar],
        legend: Sequence[tuple[str, Color]],
        width: float,
        *,
        language: str = "en",
    ) -> None:
        super().__init__()
        self.bars = list(bars)
        self.legend = list(legend)
        self.width = width
        self.language = language
        self.spaceBefore = 4
        self.spaceAfter = 6
        self._legend_rows = self._lay_out_legend()

    def _lay_out_legend(self) -> list[list[tuple[str, Color, float]]]:
        rows: list[list[tuple[str, Color, float]]] = [[]]
        used = 0.0
        for text, colour in self.legend:
            item = SWATCH + 3 + text_width(text, LABEL) + 12
            if rows[-1] and used + item > self.width:
                rows.append([])
                used = 0.0
            rows[-1].append((text, colour, item))
            used += item
        return [row for row in rows if row]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        height = len(self._legend_rows) * LEGEND_HEIGHT + len(self.bars) * ROW_HEIGHT + 4
        return self.width, height

    def _digits(self, value: int) -> str:
        return khmer_digits(value) if self.language == "km" else str(value)

    def draw(self) -> None:
        canvas: Any = self.canv
        _, height = self.wrap(self.width, 0)
        top = height
        for row in self._legend_rows:
            x = 0.0
            for text, colour, item in row:
                canvas.setFillColor(colour)
                canvas.rect(x, top - 11, SWATCH, SWATCH, stroke=0, fill=1)
                draw_text(canvas, x + SWATCH + 3, top - 11, text, LABEL)
                x += item
            top -= LEGEND_HEIGHT
        if not self.bars:
            return
        label_width = min(
            max(text_width(bar.label, LABEL) for bar in self.bars) + GAP, self.width * 0.28
        )
        note_width = max(
            (text_width(bar.note, WARNING if bar.note_warning else NOTE) for bar in self.bars),
            default=0.0,
        )
        area = self.width - label_width - note_width - 2 * GAP
        largest = max((bar.total for bar in self.bars), default=0) or 1
        for bar in self.bars:
            self._draw_bar(canvas, bar, top, label_width, area / largest)
            top -= ROW_HEIGHT

    def _draw_bar(
        self, canvas: Any, bar: Bar, top: float, label_width: float, scale: float
    ) -> None:
        bar_height = ROW_HEIGHT * BAR_SHARE
        bottom = top - (ROW_HEIGHT + bar_height) / 2
        baseline = bottom + bar_height / 2 - 3
        draw_text(
            canvas,
            0,
            baseline,
            bar.label,
            LABEL.but(align="right"),
            width=label_width - GAP,
        )
        x = label_width
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            length = segment.value * scale
            canvas.setFillColor(segment.colour)
            canvas.rect(x, bottom, length, bar_height, stroke=0, fill=1)
            value = self._digits(segment.value)
            if text_width(value, VALUE) + 4 < length:
                draw_text(canvas, x, baseline, value, VALUE.but(align="center"), width=length)
            x += length
        if bar.note:
            draw_text(canvas, x + GAP, baseline, bar.note, WARNING if bar.note_warning else NOTE)
