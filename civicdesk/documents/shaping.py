"""Khmer and Latin text made into positioned glyphs: script runs, line-break points, shaping.

ReportLab breaks lines only at spaces and shapes only whole words in one font, so CivicDesk lays
text out itself, here and in :mod:`civicdesk.documents.textflow`:

1. **Break points** come from ICU's line-break iterator for Khmer (``BreakIterator
   .createLineInstance(Locale("km"))``), which finds Khmer word boundaries from its dictionary and
   handles spaces, U+200B and Latin text the usual way. A word longer than a whole line is cut
   between Khmer syllables (orthographic clusters), never inside one.
2. **Script runs**: Noto Sans Khmer has no Latin letters or digits, so each word is cut into
   runs of Khmer and of other text; spaces and punctuation stay with the run they follow when its
   face has them.
3. **Shaping** with HarfBuzz, once per distinct run (cached), in 1000-per-em units.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from civicdesk.documents.fonts import Face, FontSet, font_set
from civicdesk.i18n.linebreak import line_breaks

__all__ = [
    "ShapedRun",
    "Span",
    "Word",
    "is_khmer",
    "line_break_words",
    "shape",
    "syllables",
]

COENG = "\u17d2"
ZWJ = "\u200d"
ZWNJ = "\u200c"
ZWSP = "\u200b"

#: Features: standard ligatures and kerning; Khmer's own features are always applied.
_FEATURES = {"kern": True, "liga": True}


def is_khmer(char: str) -> bool:
    code = ord(char)
    return 0x1780 <= code <= 0x17FF or 0x19E0 <= code <= 0x19FF


@dataclass(frozen=True)
class Span:
    """A piece of text in one weight."""

    text: str
    bold: bool = False


@dataclass(frozen=True, eq=False)
class ShapedRun:
    """A run of text in one face, shaped. Lengths are in 1000-per-em units.

    ``glyph_text`` holds, per glyph, the character ReportLab encodes it as; when it differs from
    ``text`` (reordered or subscript Khmer glyphs, ligatures) the PDF carries ``text`` as the
    run's /ActualText so that copying and searching give the stored text. Khmer runs always carry
    it: even where every glyph has its own character, marks placed by offset make text extractors
    guess a word break inside the word (``ចូលរ ួម``).
    """

    face: Face
    text: str
    glyph_text: str
    pdf_widths: tuple[float, ...]
    advances: tuple[float, ...]
    x_offsets: tuple[float, ...]
    y_offsets: tuple[float, ...]
    width: float
    trailing_space: float
    #: Per glyph, the ``TJ`` adjustments to write before and after it ("" for none), formatted
    #: once here: they are the same at every size and in every document.
    adjust_before: tuple[str, ...] = ()
    adjust_after: tuple[str, ...] = ()

    @property
    def needs_actual_text(self) -> bool:
        return self.face.khmer or self.glyph_text != self.text


@dataclass(frozen=True, eq=False)
class Word:
    """The text between two line-break opportunities, as runs; ``trailing_space`` (the width of
    the spaces it ends with) hangs past the margin when the word ends a line."""

    runs: tuple[ShapedRun, ...]
    text: str
    width: float
    trailing_space: float
    #: Whether the text may be cut inside this word to fit a line (it is one "unbreakable" word).
    hard_break_after: bool = False


_shape_lock = threading.Lock()


@lru_cache(maxsize=65536)
def _shape_cached(face: Face, text: str) -> ShapedRun:
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    if face.khmer:
        buffer.language = "km"
    hb.shape(face.hb_font, buffer, _FEATURES)
    scale = face.scale
    glyph_chars = []
    pdf_widths = []
    advances = []
    x_offsets = []
    y_offsets = []
    trailing_from = len(text.rstrip())
    trailing = 0.0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        code_point = face.code_point_for_glyph(info.codepoint)
        glyph_chars.append(chr(code_point))
        pdf_widths.append(face.pdf_width(code_point))
        advance = position.x_advance * scale
        advances.append(advance)
        x_offsets.append(position.x_offset * scale)
        y_offsets.append(position.y_offset * scale)
        if info.cluster >= trailing_from:
            trailing += advance
    before = tuple(pdf_number(-x) if x else "" for x in x_offsets)
    after = tuple(
        pdf_number(adjust) if abs(adjust := w + x - a) > 0.01 else ""
        for w, x, a in zip(pdf_widths, x_offsets, advances, strict=True)
    )
    return ShapedRun(
        face=face,
        text=text,
        glyph_text="".join(glyph_chars),
        pdf_widths=tuple(pdf_widths),
        advances=tuple(advances),
        x_offsets=tuple(x_offsets),
        y_offsets=tuple(y_offsets),
        width=sum(advances),
        trailing_space=trailing,
        adjust_before=before,
        adjust_after=after,
    )


def pdf_number(value: float) -> str:
    """A number for a PDF content stream, to 1/100: ``12``, ``-3.5``, ``0.25``."""
    text = f"{value:.2f}"
    if text.endswith("00"):
        text = text[:-3]
        return "0" if text == "-0" else text
    return text.rstrip("0")


def shape(face: Face, text: str) -> ShapedRun:
    """``text`` shaped in ``face`` (cached: the same run is shaped once per process)."""
    return _shape_cached(face, text)


# --------------------------------------------------------------------------- script runs

# Khmer letters and symbols, and the zero-width characters Khmer text uses between words.
_KHMER_OR_OTHER = re.compile(
    r"[\u1780-\u17ff\u19e0-\u19ff\u200b-\u200d]+|[^\u1780-\u17ff\u19e0-\u19ff\u200b-\u200d]+"
)


def _face_runs(text: str, bold: bool, fonts: FontSet) -> list[tuple[Face, str]]:
    """Cut ``text`` into runs that each one face can draw: Khmer in the Khmer face, the rest in
    the Latin face, except that spaces and punctuation right after Khmer text stay in the Khmer
    run when its face has them (so ``ក្រុង, ស្រុក`` is one run)."""
    khmer_face = fonts.face(khmer=True, bold=bold)
    latin_face = fonts.face(khmer=False, bold=bold)
    runs: list[tuple[Face, str]] = []
    for match in _KHMER_OR_OTHER.finditer(text):
        piece = match.group()
        if piece[0] in _KHMER_START:
            if runs and runs[-1][0] is khmer_face:
                runs[-1] = (khmer_face, runs[-1][1] + piece)
            else:
                runs.append((khmer_face, piece))
            continue
        if runs and runs[-1][0] is khmer_face:
            split = 0
            while split < len(piece) and khmer_face.covers(ord(piece[split])):
                split += 1
            if split:
                runs[-1] = (khmer_face, runs[-1][1] + piece[:split])
                piece = piece[split:]
        if piece:
            runs.append((latin_face, piece))
    return runs


_KHMER_START = frozenset(
    [chr(c) for c in range(0x1780, 0x1800)]
    + [chr(c) for c in range(0x19E0, 0x1A00)]
    + [ZWSP, ZWJ, ZWNJ]
)


def shape_spans(spans: Sequence[Span], fonts: FontSet | None = None) -> tuple[ShapedRun, ...]:
    """Spans shaped into runs, one face per run."""
    fonts = fonts or font_set()
    runs: list[ShapedRun] = []
    for span in spans:
        for face, piece in _face_runs(span.text, span.bold, fonts):
            runs.append(shape(face, piece))
    return tuple(runs)


# --------------------------------------------------------------------------- breaking


def _cluster_continues(text: str, index: int) -> bool:
    """Whether a cut before ``text[index]`` would fall inside a cluster."""
    char = text[index]
    previous = text[index - 1]
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or previous == COENG
        or char in (ZWJ, ZWNJ)
        or previous in (ZWJ, ZWNJ)
    )


def syllables(text: str) -> list[str]:
    """``text`` cut into clusters that may stand on their own line: a base character with its
    marks, and in Khmer with its subscript consonants (``្`` + consonant) and vowels."""
    pieces: list[str] = []
    start = 0
    for index in range(1, len(text)):
        if not _cluster_continues(text, index):
            pieces.append(text[start:index])
            start = index
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _words_of_line(text: str, spans: Sequence[tuple[int, int, bool]]) -> Iterator[list[Span]]:
    """One hard line's words, each as spans (a word can change weight inside)."""
    points = line_breaks(text)
    start = 0
    for end in points:
        if end <= start:
            continue
        # ICU never breaks inside a Khmer cluster; keep that true whatever the input.
        if end < len(text) and _cluster_continues(text, end):
            continue
        pieces = [
            Span(text[max(start, s) : min(end, e)], bold)
            for s, e, bold in spans
            if s < end and e > start
        ]
        yield pieces
        start = end


def _shaped_word(spans: list[Span], fonts: FontSet) -> Word:
    if len(spans) == 1:
        return _single_weight_word(spans[0], fonts)
    return _word(shape_spans(spans, fonts))


@lru_cache(maxsize=65536)
def _single_weight_word(span: Span, fonts: FontSet) -> Word:
    return _word(shape_spans([span], fonts))


def _word(runs: tuple[ShapedRun, ...], hard_break_after: bool = False) -> Word:
    text = "".join(run.text for run in runs)
    width = sum(run.width for run in runs)
    # Only the last run's trailing spaces can hang at a line end.
    trailing = runs[-1].trailing_space if runs else 0.0
    return Word(runs, text, width, trailing, hard_break_after)


def line_break_words(spans: Sequence[Span], fonts: FontSet | None = None) -> list[Word]:
    """The words of a paragraph, shaped, in order; a word that ends a hard line (``\\n`` in the
    text) is marked ``hard_break_after``. Cached: documents repeat the same texts (names of
    organisations, positions, labels) many times."""
    return list(_line_break_words(tuple(spans), fonts or font_set()))


@lru_cache(maxsize=16384)
def _line_break_words(spans: tuple[Span, ...], fonts: FontSet) -> tuple[Word, ...]:
    text = "".join(span.text for span in spans)
    weights: list[tuple[int, int, bool]] = []
    offset = 0
    for span in spans:
        weights.append((offset, offset + len(span.text), span.bold))
        offset += len(span.text)
    words: list[Word] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        line_weights = [
            (max(s, line_start) - line_start, min(e, line_end) - line_start, bold)
            for s, e, bold in weights
            if s < line_end and e > line_start
        ]
        line_words = [_shaped_word(pieces, fonts) for pieces in _words_of_line(line, line_weights)]
        if line_words:
            last = line_words[-1]
            line_words[-1] = Word(last.runs, last.text, last.width, last.trailing_space, True)
        else:
            line_words = [Word((), "", 0.0, 0.0, True)]
        words.extend(line_words)
        line_start = line_end + 1
    return tuple(words)


def split_word(word: Word, max_width: float, fonts: FontSet | None = None) -> list[Word]:
    """A word too long for a line (``max_width``, 1000-per-em units) cut between clusters into
    pieces that each fit, the last keeping the word's trailing spaces and hard break."""
    fonts = fonts or font_set()
    pieces: list[list[Span]] = []
    current: list[Span] = []
    used = 0.0
    for run in word.runs:
        for cluster in syllables(run.text):
            width = shape(run.face, cluster).width
            if current and used + width > max_width:
                pieces.append(current)
                current, used = [], 0.0
            current.append(Span(cluster, run.face.bold))
            used += width
    if current:
        pieces.append(current)
    words = [_word(shape_spans(_merge(piece), fonts)) for piece in pieces]
    if words and word.hard_break_after:
        last = words[-1]
        words[-1] = Word(last.runs, last.text, last.width, last.trailing_space, True)
    return words


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].bold == span.bold:
            merged[-1] = Span(merged[-1].text + span.text, span.bold)
        else:
            merged.append(span)
    return merged
