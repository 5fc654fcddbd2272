"""A signature pad: a hand signature drawn with a mouse, a pen or a finger, exported as PNG.

Strokes are kept in a fixed 3:1 canvas (`CANVAS_WIDTH` × `CANVAS_HEIGHT` units), drawn into the
largest such rectangle the widget has room for, so resizing the dialog never distorts what was
signed. A pen's pressure widens the line; a mouse or a finger draws at one width.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from civicdesk.i18n import _

CANVAS_WIDTH = 600.0
CANVAS_HEIGHT = 200.0
#: Pixels across the exported PNG (its height keeps the canvas's 3:1 shape).
EXPORT_WIDTH = 900
INK = QColor(19, 35, 91)
#: Line width in canvas units at the pressure a mouse or a finger is given.
BASE_WIDTH = 2.6
DEFAULT_PRESSURE = 0.75
#: Points closer than this (canvas units) to the previous one add nothing but noise.
MIN_STEP = 0.8
#: Less ink than this (total stroke length, canvas units) is a slip, not a signature.
MIN_INK_LENGTH = 15.0


class EmptySignatureError(ValueError):
    """There is nothing (or too little) on the pad to be a signature."""


@dataclass(frozen=True)
class StrokePoint:
    x: float
    y: float
    pressure: float = DEFAULT_PRESSURE


Stroke = tuple[StrokePoint, ...]


@dataclass(frozen=True)
class _Operation:
    """One step of the pad's history: a stroke added, or the pad cleared of these strokes."""

    cleared: bool
    strokes: tuple[Stroke, ...]


def _width(pressure: float) -> float:
    return BASE_WIDTH * (0.4 + 0.8 * max(0.0, min(1.0, pressure)))


def _length(stroke: Stroke) -> float:
    return sum(math.hypot(b.x - a.x, b.y - a.y) for a, b in itertools.pairwise(stroke))


def _point(p: StrokePoint) -> QPointF:
    return QPointF(p.x, p.y)


def _middle(a: StrokePoint, b: StrokePoint) -> QPointF:
    return QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)


def paint_stroke(painter: QPainter, stroke: Stroke, color: QColor) -> None:
    """Draw one stroke smoothly: quadratic curves through the midpoints of its points."""
    if not stroke:
        return
    pen = QPen(color)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if len(stroke) == 1:
        radius = _width(stroke[0].pressure) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(_point(stroke[0]), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if len({p.pressure for p in stroke}) == 1:
        # One width: one path, so the curve has no seams.
        path = QPainterPath(_point(stroke[0]))
        for index in range(1, len(stroke) - 1):
            path.quadTo(_point(stroke[index]), _middle(stroke[index], stroke[index + 1]))
        path.lineTo(_point(stroke[-1]))
        pen.setWidthF(_width(stroke[0].pressure))
        painter.setPen(pen)
        painter.drawPath(path)
        return
    # Pressure varies: each piece with its own width; round caps hide the joins.
    start = _point(stroke[0])
    for index in range(1, len(stroke)):
        piece = QPainterPath(start)
        if index < len(stroke) - 1:
            end = _middle(stroke[index], stroke[index + 1])
            piece.quadTo(_point(stroke[index]), end)
        else:
            end = _point(stroke[index])
            piece.lineTo(end)
        pen.setWidthF(_width(stroke[index].pressure))
        painter.setPen(pen)
        painter.drawPath(piece)
        start = end


class SignaturePad(QWidget):
    """Where a signatory signs. `to_png()` gives the signature; it refuses an empty pad."""

    #: The strokes changed (drawn, undone, redone or cleared).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._current: list[StrokePoint] | None = None
        self._history: list[_Operation] = []
        self._redo: list[_Operation] = []
        self._hint = ""
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(300, 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        self._hint = _("Sign above the line with the mouse, a pen or a finger")
        self.setAccessibleName(_("Signature"))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    # ------------------------------------------------------------------ what was drawn

    def strokes(self) -> tuple[Stroke, ...]:
        return tuple(self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes

    def has_ink(self) -> bool:
        """Whether enough has been drawn to count as a signature."""
        return sum(_length(stroke) for stroke in self._strokes) >= MIN_INK_LENGTH

    def can_undo(self) -> bool:
        return bool(self._history)

    def can_redo(self) -> bool:
        return bool(self._redo)

    # ------------------------------------------------------------------ editing

    def _record(self, operation: _Operation) -> None:
        self._history.append(operation)
        self._redo.clear()
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        """Wipe the pad; Undo brings the strokes back."""
        self._current = None
        if self._strokes:
            operation = _Operation(cleared=True, strokes=tuple(self._strokes))
            self._strokes.clear()
            self._record(operation)

    @Slot()
    def undo(self) -> None:
        """Take back the last stroke (or the last Clear)."""
        if not self._history:
            return
        operation = self._history.pop()
        if operation.cleared:
            self._strokes = list(operation.strokes)
        else:
            del self._strokes[-1]
        self._redo.append(operation)
        self._changed()

    @Slot()
    def redo(self) -> None:
        if not self._redo:
            return
        operation = self._redo.pop()
        if operation.cleared:
            self._strokes.clear()
        else:
            self._strokes.extend(operation.strokes)
        self._history.append(operation)
        self._changed()

    # ------------------------------------------------------------------ export

    def render_image(self, width: int = EXPORT_WIDTH) -> QImage:
        """The signature, black-blue ink on white, `width` pixels across."""
        height = round(width * CANVAS_HEIGHT / CANVAS_WIDTH)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor(Qt.GlobalColor.white))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(width / CANVAS_WIDTH, height / CANVAS_HEIGHT)
        for stroke in self._strokes:
            paint_stroke(painter, stroke, INK)
        painter.end()
        return image

    def to_png(self, width: int = EXPORT_WIDTH) -> bytes:
        """The signature as PNG bytes; EmptySignatureError if nothing was signed."""
        if not self.has_ink():
            raise EmptySignatureError(_("Nothing has been signed on the pad yet."))
        return image_to_png(self.render_image(width))

    # ------------------------------------------------------------------ geometry

    def canvas_rect(self) -> QRectF:
        """Where the canvas sits in the widget: the largest 3:1 rectangle, centred."""
        area = QRectF(self.contentsRect()).adjusted(4, 4, -4, -4)
        scale = min(area.width() / CANVAS_WIDTH, area.height() / CANVAS_HEIGHT)
        width, height = CANVAS_WIDTH * scale, CANVAS_HEIGHT * scale
        return QRectF(
            area.left() + (area.width() - width) / 2,
            area.top() + (area.height() - height) / 2,
            width,
            height,
        )

    def _to_canvas(self, position: QPointF, pressure: float) -> StrokePoint:
        rect = self.canvas_rect()
        scale = rect.width() / CANVAS_WIDTH if rect.width() > 0 else 1.0
        x = (position.x() - rect.left()) / scale
        y = (position.y() - rect.top()) / scale
        return StrokePoint(
            max(0.0, min(CANVAS_WIDTH, x)), max(0.0, min(CANVAS_HEIGHT, y)), pressure
        )

    # ------------------------------------------------------------------ strokes being drawn

    def _begin(self, position: QPointF, pressure: float) -> None:
        self._current = [self._to_canvas(position, pressure)]
        self.update()

    def _extend(self, position: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        point = self._to_canvas(position, pressure)
        last = self._current[-1]
        if math.hypot(point.x - last.x, point.y - last.y) < MIN_STEP:
            return
        self._current.append(point)
        self.update()

    def _finish(self) -> None:
        if self._current is None:
            return
        stroke = tuple(self._current)
        self._current = None
        self._strokes.append(stroke)
        self._record(_Operation(cleared=False, strokes=(stroke,)))

    def _abandon(self) -> None:
        self._current = None
        self.update()

    # ------------------------------------------------------------------ input: mouse, pen, touch

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), DEFAULT_PRESSURE)
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # Follows the stroke begun by the press, whatever buttons the event reports.
        self._extend(event.position(), DEFAULT_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), DEFAULT_PRESSURE)
            self._finish()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also turn the pen into mouse events.
        pressure = event.pressure() if event.pressure() > 0 else DEFAULT_PRESSURE
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._extend(event.position(), pressure)
            self._finish()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        kind = event.type()
        points = event.points()
        if kind == QEvent.Type.TouchCancel or not points:
            self._abandon()
        else:
            # One finger signs; a second one resting on the screen is ignored.
            position = points[0].position()
            if kind == QEvent.Type.TouchBegin:
                self._begin(position, DEFAULT_PRESSURE)
            elif kind == QEvent.Type.TouchUpdate:
                self._extend(position, DEFAULT_PRESSURE)
            else:
                self._extend(position, DEFAULT_PRESSURE)
                self._finish()
        event.accept()

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        rect = self.canvas_rect()
        painter.fillRect(rect, QColor(Qt.GlobalColor.white))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QPen(QColor(150, 160, 175))
        frame.setWidthF(1.0)
        painter.setPen(frame)
        painter.drawRect(rect)
        scale = rect.width() / CANVAS_WIDTH
        baseline = rect.top() + rect.height() * 0.78
        guide = QPen(QColor(170, 178, 190))
        guide.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(guide)
        painter.drawLine(
            QPointF(rect.left() + 24 * scale, baseline),
            QPointF(rect.right() - 24 * scale, baseline),
        )
        if not self._strokes and self._current is None:
            painter.setPen(QColor(120, 128, 140))
            hint_rect = QRectF(
                rect.left(), baseline + 2, rect.width(), rect.bottom() - baseline - 2
            )
            painter.drawText(
                hint_rect,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._hint,
            )
        painter.translate(rect.topLeft())
        painter.scale(scale, scale)
        for stroke in self._strokes:
            paint_stroke(painter, stroke, INK)
        if self._current:
            paint_stroke(painter, tuple(self._current), INK)
        painter.end()


def image_to_png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs say bytes for the format, but at run time only str is accepted.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())


class SignatureField(QWidget):
    """The pad with its Undo last stroke, Redo and Clear buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pad = SignaturePad(self)
        self.undo_button = QPushButton(self)
        self.redo_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        self.undo_button.clicked.connect(self.pad.undo)
        self.redo_button.clicked.connect(self.pad.redo)
        self.clear_button.clicked.connect(self.pad.clear)
        self.pad.changed.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.undo_button.setText(_("Undo last stroke"))
        self.redo_button.setText(_("Redo"))
        self.clear_button.setText(_("Clear"))
        self.pad.retranslate()

    @Slot()
    def _update_buttons(self) -> None:
        self.undo_button.setEnabled(self.pad.can_undo())
        self.redo_button.setEnabled(self.pad.can_redo())
        self.clear_button.setEnabled(not self.pad.is_empty())
