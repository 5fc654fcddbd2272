"""Where Khmer text may break between lines.

Khmer puts no spaces between words, and neither Qt nor ReportLab segments it into words: ICU
does (dictionary-based line breaking for ``km``). Text is stored as typed; break hints are
added only for display.
"""

from __future__ import annotations

import threading

import icu

ZERO_WIDTH_SPACE = "\u200b"


class _Breaker(threading.local):
    """One ICU line-break iterator per thread (ICU iterators are not shareable)."""

    def __init__(self) -> None:
        self.iterator = icu.BreakIterator.createLineInstance(icu.Locale("km"))


_breaker = _Breaker()


def line_breaks(text: str) -> list[int]:
    """Offsets (Python string indices) where a line may start, excluding 0 and including
    len(text). ICU counts UTF-16 code units; this maps them back for text beyond the BMP."""
    if not text:
        return []
    iterator = _breaker.iterator
    iterator.setText(text)
    points = [int(point) for point in iterator]
    if all(ord(char) < 0x10000 for char in text):
        return points
    mapping: dict[int, int] = {}
    units = 0
    for index, char in enumerate(text):
        mapping[units] = index
        units += 2 if ord(char) >= 0x10000 else 1
    mapping[units] = len(text)
    return [mapping[point] for point in points if point in mapping]


def with_break_hints(text: str) -> str:
    """The text with an invisible U+200B at every word boundary that has no space, so that
    a layout engine that breaks at spaces and U+200B (Qt) wraps Khmer between words."""
    pieces: list[str] = []
    start = 0
    for point in line_breaks(text):
        piece = text[start:point]
        pieces.append(piece)
        start = point
    result: list[str] = []
    for index, piece in enumerate(pieces):
        result.append(piece)
        last = index == len(pieces) - 1
        if not last and piece and not piece[-1].isspace() and piece[-1] != ZERO_WIDTH_SPACE:
            result.append(ZERO_WIDTH_SPACE)
    return "".join(result)
