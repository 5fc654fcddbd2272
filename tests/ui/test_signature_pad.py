"""The signature pad: strokes from a mouse, a pen and a finger; undo, redo, clear; the PNG."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.ui.widgets.signature_pad import (
    EmptySignatureError,
    SignatureField,
    SignaturePad,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def field(qtbot: QtBot) -> SignatureField:
    widget = SignatureField()
    qtbot.addWidget(widget)
    widget.resize(640, 280)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def draw(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    """One stroke with the mouse: press at the first point, move through the rest, release."""
    first, *rest = [QPoint(x, y) for x, y in points]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=first)
    for point in rest:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=rest[-1] if rest else first)


def zigzag(left: int, top: int) -> list[tuple[int, int]]:
    return [(left + 12 * i, top + (18 if i % 2 else 0)) for i in range(12)]


def dark_pixels(png: bytes) -> int:
    image = QImage.fromData(png)
    assert not image.isNull()
    dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)).lightness() < 128:
                dark += 1
    return dark


def test_a_mouse_signature_exports_as_a_png_with_ink(qtbot: QtBot, field: SignatureField) -> None:
    pad = field.pad
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad, zigzag(80, 60))
    assert len(pad.strokes()) == 1
    assert len(pad.strokes()[0]) >= 10
    assert pad.has_ink()
    png = pad.to_png()
    assert png.startswith(PNG_MAGIC)
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (900, 300)
    assert dark_pixels(png) > 50
    # The corners stay paper-white.
    assert QColor(image.pixel(2, 2)).lightness() == 255


def test_an_empty_pad_or_a_slip_of_the_hand_is_refused(qtbot: QtBot, field: SignatureField) -> None:
    pad = field.pad
    with pytest.raises(EmptySignatureError):
        pad.to_png()
    draw(qtbot, pad, [(100, 100)])  # a click: a dot, not a signature
    assert len(pad.strokes()) == 1
    assert not pad.has_ink()
    with pytest.raises(EmptySignatureError):
        pad.to_png()


def test_undo_redo_and_clear(qtbot: QtBot, field: SignatureField) -> None:
    pad = field.pad
    assert not field.undo_button.isEnabled()
    assert not field.clear_button.isEnabled()
    draw(qtbot, pad, zigzag(40, 40))
    draw(qtbot, pad, zigzag(220, 90))
    assert len(pad.strokes()) == 2
    assert field.undo_button.isEnabled() and not field.redo_button.isEnabled()

    qtbot.mouseClick(field.undo_button, Qt.MouseButton.LeftButton)
    assert len(pad.strokes()) == 1
    assert field.redo_button.isEnabled()
    qtbot.mouseClick(field.redo_button, Qt.MouseButton.LeftButton)
    assert len(pad.strokes()) == 2

    signed = pad.strokes()
    qtbot.mouseClick(field.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty()
    with pytest.raises(EmptySignatureError):
        pad.to_png()
    # Clear can be undone too: the strokes come back as they were.
    qtbot.mouseClick(field.undo_button, Qt.MouseButton.LeftButton)
    assert pad.strokes() == signed

    # A new stroke after an undo drops what could have been redone.
    pad.undo()
    assert pad.can_redo()
    draw(qtbot, pad, zigzag(60, 120))
    assert not pad.can_redo()
    assert len(pad.strokes()) == 2


def test_strokes_keep_their_place_when_the_pad_is_resized(
    qtbot: QtBot, field: SignatureField
) -> None:
    pad = field.pad
    draw(qtbot, pad, zigzag(80, 60))
    before = pad.to_png()
    field.resize(900, 400)
    QApplication.processEvents()
    assert pad.to_png() == before


def _tablet(pad: SignaturePad, kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
    device = QPointingDevice.primaryPointingDevice()
    position = QPointF(x, y)
    event = QTabletEvent(
        kind,
        device,
        position,
        pad.mapToGlobal(position),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
    )
    QApplication.sendEvent(pad, event)


def test_a_pen_draws_with_its_pressure(qtbot: QtBot, field: SignatureField) -> None:
    pad = field.pad
    _tablet(pad, QEvent.Type.TabletPress, 60, 60, 0.2)
    for step in range(1, 10):
        _tablet(pad, QEvent.Type.TabletMove, 60 + 15 * step, 60 + 4 * step, 0.2 + 0.08 * step)
    _tablet(pad, QEvent.Type.TabletRelease, 210, 100, 0.9)
    (stroke,) = pad.strokes()
    pressures = [point.pressure for point in stroke]
    assert pressures[0] == pytest.approx(0.2)
    assert max(pressures) > 0.8
    assert dark_pixels(pad.to_png()) > 30


def test_a_finger_draws_on_a_touch_screen(qtbot: QtBot, field: SignatureField) -> None:
    pad = field.pad
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(50, 50)).commit()
    for step in range(1, 10):
        QTest.touchEvent(pad, device).move(0, QPoint(50 + 14 * step, 50 + 5 * step)).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(190, 100)).commit()
    assert len(pad.strokes()) == 1
    assert pad.has_ink()
    assert dark_pixels(pad.to_png()) > 30


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_field_speaks_the_ui_language(qtbot: QtBot, language: str) -> None:
    set_language(language)
    try:
        widget = SignatureField()
        qtbot.addWidget(widget)
        widget.show()
        assert widget.undo_button.text()
        assert widget.clear_button.text()
        assert widget.pad.accessibleName()
    finally:
        set_language("en")
