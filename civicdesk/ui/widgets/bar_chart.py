"""A horizontal stacked bar chart drawn with QPainter (PySide6-Essentials has no QtCharts).

One bar per category, its label on the left (Khmer names are long, and Qt shapes them), stacked
segments with their values inside when they fit, and a note after the bar (a total, a share, a
warning). A legend names the segments' series. Numbers are formatted by a function the owner
gives, so the Khmer UI shows Khmer digits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

__all__ = ["BarChart", "ChartBar", "ChartSegment"]

WARNING_COLOUR = QColor(170, 32, 24)
SWATCH = 10.0
GAP = 6.0
MARGIN = 8.0


@dataclass(frozen=True)
class ChartSegment:
    value: int
    colour: QColor
    #: The series it belongs to, for the tool tip.
    series: str = ""


@dataclass(frozen=True)
class ChartBar:
    label: str
    segments: tuple[ChartSegment, ...]
    note: str = ""
    warning: bool = False

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._bars: list[ChartBar] = []
        self._legend: list[tuple[str, QColor]] = []
        self._empty_text = ""
        self._number: Callable[[int], str] = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)

    # ------------------------------------------------------------------ data

    def set_data(
        self,
        bars: Sequence[ChartBar],
        legend: Sequence[tuple[str, QColor]] = (),
        *,
        title: str = "",
        empty_text: str = "",
    ) -> None:
        self._bars = list(bars)
        self._legend = list(legend)
        self._title = title
        self._empty_text = empty_text
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(f"{bar.label}: {self._number(bar.total)} {bar.note}" for bar in self._bars)
        )
        self.updateGeometry()
        self.update()

    def set_number_format(self, number: Callable[[int], str]) -> None:
        self._number = number
        self.update()

    def bars(self) -> list[ChartBar]:
        return list(self._bars)

    def title(self) -> str:
        return self._title

    # ------------------------------------------------------------------ geometry

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.55

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _legend_rows(self, width: float) -> list[list[tuple[str, QColor, float]]]:
        metrics = QFontMetricsF(self.font())
        rows: list[list[tuple[str, QColor, float]]] = [[]]
        used = 0.0
        for text, colour in self._legend:
            item = SWATCH + 4 + metrics.horizontalAdvance(text) + 14
            if rows[-1] and used + item > width:
                rows.append([])
                used = 0.0
            rows[-1].append((text, colour, item))
            used += item
        return [row for row in rows if row]

    def _header_height(self, width: float) -> float:
        line = QFontMetricsF(self.font()).height() * 1.4
        title = QFontMetricsF(self._title_font()).height() * 1.5 if self._title else 0.0
        return title + line * len(self._legend_rows(width))

    def sizeHint(self) -> QSize:
        width = 480.0
        rows = max(len(self._bars), 1)
        height = self._header_height(width) + rows * self._row_height() + 2 * MARGIN
        return QSize(int(width), int(height))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(240, hint.height())

    def _layout(self) -> tuple[float, float, float, float]:
        """Top of the first bar, label width, bar area width, and the value → pixels scale."""
        width = self.width() - 2 * MARGIN
        metrics = QFontMetricsF(self.font())
        label_width = min(
            max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0.0) + GAP,
            width * 0.32,
        )
        note_width = max((metrics.horizontalAdvance(bar.note) for bar in self._bars), default=0.0)
        area = max(width - label_width - note_width - 2 * GAP, 10.0)
        largest = max((bar.total for bar in self._bars), default=0) or 1
        top = MARGIN + self._header_height(width)
        return top, label_width, area, area / largest

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        width = self.width() - 2 * MARGIN
        y = MARGIN
        if self._title:
            painter.setFont(self._title_font())
            height = QFontMetricsF(self._title_font()).height() * 1.5
            painter.setPen(palette.windowText().color())
            painter.drawText(
                QRectF(MARGIN, y, width, height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._title,
            )
            y += height
        painter.setFont(self.font())
        self._paint_legend(painter, y, width)
        if not self._bars:
            top, *_ = self._layout()
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                QRectF(MARGIN, top, width, self._row_height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._empty_text,
            )
            painter.end()
            return
        top, label_width, _area, scale = self._layout()
        for index, bar in enumerate(self._bars):
            self._paint_bar(painter, bar, top + index * self._row_height(), label_width, scale)
        painter.end()

    def _paint_legend(self, painter: QPainter, top: float, width: float) -> None:
        line = QFontMetricsF(self.font()).height() * 1.4
        for row in self._legend_rows(width):
            x = MARGIN
            for text, colour, item in row:
                swatch = QRectF(x, top + (line - SWATCH) / 2, SWATCH, SWATCH)
                painter.fillRect(swatch, colour)
                painter.setPen(self.palette().windowText().color())
                painter.drawText(
                    QRectF(x + SWATCH + 4, top, item - SWATCH - 4, line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
                x += item
            top += line

    def _paint_bar(
        self, painter: QPainter, bar: ChartBar, top: float, label_width: float, scale: float
    ) -> None:
        row = self._row_height()
        text_colour = self.palette().windowText().color()
        painter.setPen(text_colour)
        painter.drawText(
            QRectF(MARGIN, top, label_width - GAP, row),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            QFontMetricsF(self.font()).elidedText(
                bar.label, Qt.TextElideMode.ElideRight, label_width - GAP
            ),
        )
        x = MARGIN + label_width
        bar_rect_top = top + row * 0.16
        bar_height = row * 0.68
        metrics = QFontMetricsF(self.font())
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            length = segment.value * scale
            rect = QRectF(x, bar_rect_top, length, bar_height)
            painter.fillRect(rect, segment.colour)
            value = self._number(segment.value)
            if metrics.horizontalAdvance(value) + 6 < length:
                painter.setPen(QColor(Qt.GlobalColor.white))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), value)
            x += length
        if bar.note:
            painter.setPen(WARNING_COLOUR if bar.warning else text_colour)
            painter.drawText(
                QRectF(x + GAP, top, self.width() - x - GAP, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bar.note,
            )

    # ------------------------------------------------------------------ tool tips

    def segment_at(self, point: QPointF) -> tuple[ChartBar, ChartSegment] | None:
        if not self._bars:
            return None
        top, label_width, _area, scale = self._layout()
        index = int((point.y() - top) // self._row_height())
        if not 0 <= index < len(self._bars):
            return None
        bar = self._bars[index]
        x = MARGIN + label_width
        for segment in bar.segments:
            length = max(segment.value, 0) * scale
            if x <= point.x() < x + length:
                return bar, segment
            x += length
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.segment_at(QPointF(event.pos()))
            if found is None:
                QToolTip.hideText()
                event.ignore()
                return True
            bar, segment = found
            parts = [bar.label, segment.series, self._number(segment.value)]
            QToolTip.showText(event.globalPos(), " · ".join(p for p in parts if p), self)
            return True
        return super().event(event)
