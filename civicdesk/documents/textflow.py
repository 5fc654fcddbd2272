"""Paragraphs of shaped Khmer and Latin text, as a platypus flowable, and the PDF they draw.

A :class:`TextBlock` is CivicDesk's paragraph: it fills lines with the words of
:func:`~civicdesk.documents.shaping.line_break_words` (ICU break points, never inside a cluster),
works in a table cell like any flowable, and splits across pages between lines.

Glyphs are written by :func:`run_operators`, not by ReportLab's text object, for three reasons:

- each glyph is placed exactly where HarfBuzz puts it, offsets included, with its own text rise
  (``Ts``) and a rise of 0 after it, so ReportLab 5.1's ``setRise`` bug, which leaves the glyphs
  after a raised or lowered Khmer sign off the baseline, cannot occur here (it is also fixed
  for ReportLab's own paragraphs in :mod:`civicdesk.documents.reportlab_fixes`);
- a run whose glyphs do not spell its text (Khmer subscripts, pre-base vowels drawn first,
  ligatures) is wrapped in a marked-content span with ``/ActualText``, so ``pdftotext``, search
  and copy give the text as stored;
- runs switch between the Khmer and the Latin face inside a line.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF
from reportlab.platypus import Flowable

from civicdesk.documents.shaping import (
    ShapedRun,
    Span,
    Word,
    line_break_words,
    pdf_number,
    split_word,
)

__all__ = [
    "TextBlock",
    "TextStyle",
    "draw_text",
    "lay_out",
    "run_operators",
    "text_width",
]

#: Line height per point of type: Khmer stacks consonants below and vowels above the line.
KHMER_LEADING = 1.75
LATIN_LEADING = 1.35
#: Where the baseline sits below the top of a line, per point of type.
KHMER_BASELINE = 1.1
LATIN_BASELINE = 1.02


@dataclass(frozen=True)
class TextStyle:
    size: float = 10.0
    bold: bool = False
    color: Color = colors.black
    align: str = "left"  # "left", "center" or "right"
    #: Points between baselines; None chooses from the text (Khmer needs more room).
    leading: float | None = None
    space_before: float = 0.0
    space_after: float = 0.0
    left_indent: float = 0.0

    def but(self, **changes: Any) -> TextStyle:
        """This style with some fields changed (memoised: tables ask for the same few
        variants thousands of times)."""
        return _changed(self, tuple(sorted(changes.items())))


@lru_cache(maxsize=1024)
def _changed(style: TextStyle, changes: tuple[tuple[str, Any], ...]) -> TextStyle:
    return replace(style, **dict(changes))


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]
    #: Width in points, without the spaces that hang past the end.
    width: float


def _spans(text: str | Sequence[Span], bold: bool) -> tuple[Span, ...]:
    if isinstance(text, str):
        return (Span(text, bold),)
    return tuple(Span(span.text, span.bold or bold) for span in text)


_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")


def _has_khmer(spans: Sequence[Span]) -> bool:
    return any(_KHMER.search(span.text) for span in spans)


def lay_out(words: Sequence[Word], width: float, size: float) -> list[Line]:
    """Fill lines of ``width`` points greedily with ``words``."""
    scale = size / 1000
    limit = width / scale + 1e-6  # in 1000-per-em units
    lines: list[Line] = []
    current: list[Word] = []
    used = 0.0

    def flush() -> None:
        nonlocal current, used
        hanging = current[-1].trailing_space if current else 0.0
        lines.append(Line(tuple(current), (used - hanging) * scale))
        current, used = [], 0.0

    for word in words:
        if current and used + word.width - word.trailing_space > limit:
            flush()
        if not current and word.width - word.trailing_space > limit:
            pieces = split_word(word, limit)
            for piece in pieces[:-1]:
                current, used = [piece], piece.width
                flush()
            word = pieces[-1]
        current.append(word)
        used += word.width
        if word.hard_break_after:
            flush()
    if current:
        flush()
    return lines


# --------------------------------------------------------------------------- PDF operators


fp_str = pdf_number

_operator_cache: weakref.WeakKeyDictionary[Any, dict[tuple[ShapedRun, float], str]] = (
    weakref.WeakKeyDictionary()
)


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class _ShowText:
    """Collects ``TJ`` arrays: glyph codes in strings, position adjustments as numbers."""

    def __init__(self, parts: list[str]) -> None:
        self.parts = parts
        self.array: list[str] = []
        self.pending = bytearray()

    def glyph(self, code: int) -> None:
        self.pending.append(code)

    def adjust(self, amount: str) -> None:
        self._flush_glyphs()
        self.array.append(amount)

    def _flush_glyphs(self) -> None:
        if self.pending:
            self.array.append("(" + escapePDF(bytes(self.pending)) + ")")
            self.pending.clear()

    def flush(self) -> None:
        self._flush_glyphs()
        if self.array:
            self.parts.append("[" + " ".join(self.array) + "] TJ")
            self.array.clear()


def run_operators(run: ShapedRun, size: float, document: Any) -> str:
    """The operators that draw ``run`` at the current text position (1000-per-em units in
    ``TJ`` arrays, the rise in points), ending with the rise back at 0."""
    per_document = _operator_cache.setdefault(document, {})
    key = (run, size)
    cached = per_document.get(key)
    if cached is not None:
        return cached
    ttf = run.face.ttf
    parts: list[str] = []
    if run.needs_actual_text:
        parts.append(f"/Span <</ActualText {_actual_text(run.text)}>> BDC")
    index = 0
    rise = 0.0
    show = _ShowText(parts)
    for subset, codes in ttf.splitString(run.glyph_text, document):
        show.flush()
        parts.append(f"{ttf.getSubsetInternalName(subset, document)} {fp_str(size)} Tf")
        for code in codes:
            y_offset = run.y_offsets[index]
            if y_offset != rise:
                # Every glyph gets its own rise and the rise is always set back: never
                # ReportLab's setRise, whose bug leaves the following glyphs off the baseline.
                show.flush()
                parts.append(f"{fp_str(y_offset * size / 1000)} Ts")
                rise = y_offset
            before = run.adjust_before[index]
            if before:
                show.adjust(before)
            show.glyph(code)
            after = run.adjust_after[index]
            if after:
                show.adjust(after)
            index += 1
    show.flush()
    if rise:
        parts.append("0 Ts")
    if run.needs_actual_text:
        parts.append("EMC")
    operators = "\n".join(parts)
    per_document[key] = operators
    return operators


def line_operators(line: Line, x: float, baseline: float, size: float, document: Any) -> str:
    parts = []
    pen = x
    scale = size / 1000
    for word in line.words:
        for run in word.runs:
            if run.glyph_text:
                parts.append(f"1 0 0 1 {pen:.2f} {baseline:.2f} Tm")
                parts.append(run_operators(run, size, document))
            pen += run.width * scale
    return "\n".join(parts)


def _color_operator(color: Color) -> str:
    red, green, blue = color.red, color.green, color.blue
    return f"{fp_str(red)} {fp_str(green)} {fp_str(blue)} rg"


def draw_lines(
    canvas: Any,
    lines: Sequence[Line],
    *,
    x: float,
    top: float,
    width: float,
    style: TextStyle,
    leading: float,
    baseline: float,
) -> None:
    """Draw laid-out lines, the first baseline ``baseline`` points below ``top``."""
    document = canvas._doc
    parts = ["q", _color_operator(style.color), "BT"]
    y = top - baseline
    for line in lines:
        if style.align == "center":
            left = x + (width - line.width) / 2
        elif style.align == "right":
            left = x + width - line.width
        else:
            left = x
        operators = line_operators(line, left, y, style.size, document)
        if operators:
            parts.append(operators)
        y -= leading
    parts += ["ET", "Q"]
    canvas.addLiteral("\n".join(parts))


def _metrics(spans: Sequence[Span], style: TextStyle) -> tuple[float, float]:
    khmer = _has_khmer(spans)
    leading = style.leading or style.size * (KHMER_LEADING if khmer else LATIN_LEADING)
    baseline_ratio = KHMER_BASELINE if khmer else LATIN_BASELINE
    # Centre the type in the line box: extra leading is shared above and below.
    natural = style.size * (KHMER_LEADING if khmer else LATIN_LEADING)
    baseline = style.size * baseline_ratio + (leading - natural) / 2
    return leading, baseline


def text_width(text: str | Sequence[Span], style: TextStyle) -> float:
    """The width of ``text`` on one line, in points."""
    words = line_break_words(_spans(text, style.bold))
    total = sum(word.width for word in words)
    if words:
        total -= words[-1].trailing_space
    return total * style.size / 1000


def draw_text(
    canvas: Any,
    x: float,
    y: float,
    text: str | Sequence[Span],
    style: TextStyle,
    *,
    width: float | None = None,
) -> float:
    """Draw ``text`` on one line with its baseline at ``y``; ``style.align`` places it in
    ``width`` points from ``x`` (right and centre need a width). Returns the drawn width."""
    words = line_break_words(_spans(text, style.bold))
    lines = lay_out(words, 1e9, style.size)
    if not lines:
        return 0.0
    line = lines[0]
    box = width if width is not None else line.width
    draw_lines(
        canvas,
        [line],
        x=x,
        top=y,
        width=box,
        style=style,
        leading=0.0,
        baseline=0.0,
    )
    return line.width


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph of Khmer, Latin or mixed text."""

    def __init__(
        self,
        text: str | Sequence[Span],
        style: TextStyle | None = None,
        *,
        _words: Sequence[Word] | None = None,
    ) -> None:
        super().__init__()
        self.style = style or TextStyle()
        self.spans = _spans(text, self.style.bold)
        self._words = list(_words) if _words is not None else None
        self._laid_out: tuple[float, list[Line]] | None = None
        self.leading, self.baseline = _metrics(self.spans, self.style)
        self.spaceBefore = self.style.space_before
        self.spaceAfter = self.style.space_after

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    def words(self) -> list[Word]:
        if self._words is None:
            self._words = line_break_words(self.spans)
        return self._words

    def lines(self, width: float) -> list[Line]:
        usable = width - self.style.left_indent
        if self._laid_out is None or self._laid_out[0] != usable:
            self._laid_out = (usable, lay_out(self.words(), usable, self.style.size))
        return self._laid_out[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.leading
        return availWidth, self.height

    def minWidth(self) -> float:
        widest = max((w.width - w.trailing_space for w in self.words()), default=0.0)
        return widest * self.style.size / 1000 + self.style.left_indent

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines(availWidth)
        fitting = int((availHeight + 1e-6) // self.leading)
        if fitting >= len(lines):
            return [self]
        if fitting < 1 or (len(lines) > 2 and fitting < 2):
            return []  # keep at least two lines together at the foot of a page
        first_words = [word for line in lines[:fitting] for word in line.words]
        rest_words = [word for line in lines[fitting:] for word in line.words]
        first = TextBlock(self.spans, self.style.but(space_after=0.0), _words=first_words)
        rest = TextBlock(self.spans, self.style.but(space_before=0.0), _words=rest_words)
        return [first, rest]

    def draw(self) -> None:
        lines = self.lines(self.width)
        draw_lines(
            self.canv,
            lines,
            x=self.style.left_indent,
            top=self.height,
            width=self.width - self.style.left_indent,
            style=self.style,
            leading=self.leading,
            baseline=self.baseline,
        )
