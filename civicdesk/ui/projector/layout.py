"""Laying text out to fill a rectangle: the largest size at which every block fits.

Khmer is given word-boundary hints (ICU) before layout, so Qt wraps it between words and never
inside a cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from civicdesk.i18n.fonts import KHMER_FONT_FAMILY, LATIN_FONT_FAMILY
from civicdesk.i18n.linebreak import with_break_hints


def font_for(language: str, pixel_size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    families = (
        [KHMER_FONT_FAMILY, LATIN_FONT_FAMILY]
        if language == "km"
        else [LATIN_FONT_FAMILY, KHMER_FONT_FAMILY]
    )
    font.setFamilies(families)
    font.setPixelSize(max(1, int(pixel_size)))
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class Block:
    """One paragraph: its text, language, size relative to the others, and weight."""

    text: str
    language: str
    scale: float = 1.0
    bold: bool = False
    #: Space before the block, as a fraction of its line height.
    space_before: float = 0.0


@dataclass
class Laid:
    layouts: list[tuple[QTextLayout, QPointF]]
    pixel_size: float
    bounds: QRectF

    def draw(self, painter: QPainter) -> None:
        for layout, origin in self.layouts:
            layout.draw(painter, origin)


def has_khmer(text: str) -> bool:
    return any("\u1780" <= char <= "\u17ff" or "\u19e0" <= char <= "\u19ff" for char in text)


def _layout(block: Block, pixel_size: float, width: float) -> tuple[QTextLayout, float, float]:
    language = "km" if has_khmer(block.text) else block.language
    font = font_for(language, pixel_size * block.scale, bold=block.bold)
    layout = QTextLayout(with_break_hints(block.text), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    # Room for stacked consonants and subscript vowels: Khmer needs more than the font's leading.
    leading = QFontMetricsF(font).height() * (0.35 if language == "km" else 0.15)
    layout.beginLayout()
    height = 0.0
    widest = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height() + leading
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return layout, height - leading if height else 0.0, widest


def lay_out(
    blocks: list[Block],
    rect: QRectF,
    *,
    max_pixel_size: float,
    min_pixel_size: float = 10.0,
) -> Laid:
    """The blocks at the largest size (found by bisection) at which they fit in `rect`."""

    def attempt(pixel_size: float) -> tuple[bool, Laid]:
        placed: list[tuple[QTextLayout, QPointF]] = []
        y = rect.top()
        widest = 0.0
        for index, block in enumerate(blocks):
            if not block.text:
                continue
            layout, height, width = _layout(block, pixel_size, rect.width())
            if index and placed:
                y += pixel_size * block.scale * (0.6 + block.space_before)
            placed.append((layout, QPointF(rect.left(), y)))
            y += height
            widest = max(widest, width)
        bounds = QRectF(rect.left(), rect.top(), widest, y - rect.top())
        fits = y <= rect.bottom() + 0.5 and widest <= rect.width() + 0.5
        return fits, Laid(placed, pixel_size, bounds)

    low, high = min_pixel_size, max_pixel_size
    fits, best = attempt(low)
    if not fits:
        return best  # the smallest size; the caller's rectangle is simply too small
    fits_high, laid_high = attempt(high)
    if fits_high:
        return laid_high
    for _ in range(12):
        middle = (low + high) / 2
        fits, laid = attempt(middle)
        if fits:
            low, best = middle, laid
        else:
            high = middle
        if high - low < 0.5:
            break
    return best
